package org.ipu.outreach.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Timeout listener of every staff task: the task stays open, but managers see it too, at the top of
 * their list, with "(escalated)" in its name.
 */
@Component("escalateOverdueTask")
public class EscalateOverdueTask implements TaskListener {

  public static final String ESCALATED = "escalated";
  static final String NAME_SUFFIX = " (escalated)";
  static final int ESCALATED_PRIORITY = 100;

  private final TaskProperties properties;

  public EscalateOverdueTask(TaskProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    task.addCandidateGroup(properties.managerGroup());
    task.setPriority(Math.max(task.getPriority(), ESCALATED_PRIORITY));
    if (task.getName() != null && !task.getName().endsWith(NAME_SUFFIX)) {
      task.setName(task.getName() + NAME_SUFFIX);
    }
    task.setVariableLocal(ESCALATED, true);
  }
}
