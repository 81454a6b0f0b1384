package org.ipu.outreach.change;

import static org.ipu.outreach.change.CampaignChangeProcess.Vars;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Change the campaign", right after the start form: a delegate (not an expression) so that a refusal
 * reaches Tasklist as the form's own message, as for "Change an event".
 */
@Component("applyCampaignChange")
public class ApplyCampaignChangeDelegate implements JavaDelegate {

  /** A deadline given as a date alone is the end of that day, as on the campaign's start form. */
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private final CampaignChangeService changes;

  public ApplyCampaignChangeDelegate(CampaignChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String campaignId = FormValues.text(execution, Vars.CAMPAIGN_ID);
    String kind = FormValues.text(execution, Vars.CHANGE);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String result;
    if (CampaignChangeProcess.Changes.EXTEND_DEADLINE.equals(kind)) {
      int told = changes.extendDeadline(campaignId, deadline(FormValues.text(execution, Vars.NEW_DEADLINE)), now);
      result = "Reply deadline extended; " + told + " invitation(s) still waiting for the reply are told.";
    } else if (CampaignChangeProcess.Changes.ADD_INVITEES.equals(kind)) {
      List<String> added = changes.addInvitees(campaignId, codes(FormValues.text(execution, Vars.INVITEE_CODES)), now);
      result = "Invited as well: " + String.join(", ", added) + ".";
    } else {
      throw new InvalidInputException(
          "Choose whether the reply deadline is extended or invitees are added (got '" + kind + "').");
    }
    execution.setProcessBusinessKey(campaignId.trim() + "-" + kind);
    execution.setVariable(Vars.RESULT, result);
  }

  static LocalDateTime deadline(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim().replace(' ', 'T');
    try {
      return t.length() <= 10 ? LocalDate.parse(t).atTime(END_OF_DAY) : LocalDateTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "The new reply deadline '" + text + "' is not a date such as 2026-03-20 or a date and time such as 2026-03-20T18:00.");
    }
  }

  static List<String> codes(String text) {
    return text == null ? List.of() : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
  }
}
