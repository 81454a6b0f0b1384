package org.ipu.outreach.task;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of staff tasks (referenced as ${taskDeadlines...} in the BPMN files). The due date is
 * computed once, when the task is entered, into the local variable escalationDueAt that both the
 * task's due date and its escalation timer read, so that the two are always the same instant.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

  public static final String ESCALATION_DUE_AT = "escalationDueAt";

  private final TaskProperties properties;

  public TaskDeadlines(TaskProperties properties) {
    this.properties = properties;
  }

  public void plan(DelegateExecution execution) {
    execution.setVariableLocal(
        ESCALATION_DUE_AT,
        Date.from(
            WorkingDays.add(
                ClockUtil.getCurrentTime().toInstant(),
                properties.escalationAfter(),
                properties.workingTimeZone())));
  }

  public String getStaffGroup() {
    return properties.staffGroup();
  }
}
