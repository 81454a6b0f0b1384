package org.ipu.outreach.change;

import static org.ipu.outreach.change.EventChangeProcess.Vars;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.event.EventChange;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Change the event and tell every invitation", right after the start form: a delegate (not an
 * expression) so that a refusal reaches Tasklist as the form's own message, as for the campaign's start.
 */
@Component("applyEventChange")
public class ApplyEventChangeDelegate implements JavaDelegate {

  private final EventChangeService changes;

  public ApplyEventChangeDelegate(EventChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = FormValues.text(execution, Vars.CHANGE);
    if (!EventChangeProcess.Changes.RESCHEDULE.equals(kind) && !EventChangeProcess.Changes.CANCEL.equals(kind)) {
      throw new InvalidInputException("Choose whether the event is rescheduled or cancelled (got '" + kind + "').");
    }
    boolean cancel = EventChangeProcess.Changes.CANCEL.equals(kind);
    EventChange change =
        changes.apply(
            new EventChangeRequest(
                FormValues.text(execution, Vars.EVENT_CODE),
                cancel,
                cancel ? null : dateTime(execution, Vars.NEW_START, "new start"),
                cancel ? null : dateTime(execution, Vars.NEW_END, "new end"),
                FormValues.text(execution, Vars.REASON),
                FormValues.text(execution, Vars.REQUESTED_BY)),
            ClockUtil.getCurrentTime().toInstant());
    execution.setProcessBusinessKey(change.eventCode() + "-change-" + change.sequence());
    execution.setVariable(Vars.EVENT_CHANGE_ID, change.id());
  }

  private static LocalDateTime dateTime(DelegateExecution execution, String name, String label) {
    String text = FormValues.text(execution, name);
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("The " + label + " is missing.");
    }
    try {
      return LocalDateTime.parse(text.trim().replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "The " + label + " '" + text + "' is not a date and time such as 2026-09-26T15:00.");
    }
  }
}
