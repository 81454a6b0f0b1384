package org.ipu.outreach.task;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of staff tasks (referenced as ${taskDeadlines...} in the BPMN files). The engine creates
 * a task's escalation timer before the task itself, so the timer's date expression computes the due
 * date and keeps it in the local variable escalationDueAt, which the task's due date then reads: the
 * two are always the same instant.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

  public static final String ESCALATION_DUE_AT = "escalationDueAt";

  private final TaskProperties properties;

  public TaskDeadlines(TaskProperties properties) {
    this.properties = properties;
  }

  public Date plan(DelegateExecution execution) {
    Date due =
        Date.from(
            WorkingDays.add(
                ClockUtil.getCurrentTime().toInstant(), properties.escalationAfter(), properties.workingTimeZone()));
    execution.setVariableLocal(ESCALATION_DUE_AT, due);
    return due;
  }

  public String getStaffGroup() {
    return properties.staffGroup();
  }
}
