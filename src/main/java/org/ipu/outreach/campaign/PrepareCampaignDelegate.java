package org.ipu.outreach.campaign;

import static org.ipu.outreach.campaign.CampaignProcess.Vars;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.directory.GeopoliticalGroup;
import org.ipu.outreach.directory.InviteeKind;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/** Reads the start form, prepares the campaign and hands the review figures to the review task. */
@Component("prepareCampaign")
public class PrepareCampaignDelegate implements JavaDelegate {

  private final CampaignService campaigns;
  private final CampaignMeetingCheck meetingCheck;

  public PrepareCampaignDelegate(CampaignService campaigns, CampaignMeetingCheck meetingCheck) {
    this.campaigns = campaigns;
    this.meetingCheck = meetingCheck;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CampaignRequest request = request(execution);
    // a meeting nobody can register for is found now, before any parliament is invited (and, should the
    // platform not answer now, by "Check the event's meeting before inviting")
    OutreachEvent event = campaigns.launchableEvent(request.eventCode(), ClockUtil.getCurrentTime().toInstant());
    List<String> meetingProblems = meetingCheck.problemsAtStart(event);
    if (!meetingProblems.isEmpty()) {
      List<String> problems = new ArrayList<>();
      problems.add("The campaign cannot start until the event's meeting is set up:");
      problems.addAll(meetingProblems);
      throw new InvalidInputException(problems);
    }
    CampaignPlan plan = campaigns.prepare(request);
    execution.setProcessBusinessKey(plan.campaign().id());
    execution.setVariable(Vars.CAMPAIGN_ID, plan.campaign().id());
    execution.setVariable(Vars.EVENT_TITLE, plan.event().title());
    execution.setVariable(Vars.INVITEE_COUNT, plan.campaign().inviteeCount());
    execution.setVariable(
        Vars.LANGUAGE_COUNTS,
        plan.inviteesPerLanguage().entrySet().stream()
            .map(e -> e.getKey().name() + ": " + e.getValue())
            .collect(Collectors.joining(", ")));
    execution.setVariable(Vars.SAMPLE_LETTER, plan.sampleLetter());
  }

  static CampaignRequest request(DelegateExecution execution) {
    String scope = FormValues.text(execution, Vars.INVITEE_SCOPE);
    List<String> problems = new ArrayList<>();
    Set<InviteeKind> kinds = EnumSet.noneOf(InviteeKind.class);
    Set<GeopoliticalGroup> groups = EnumSet.noneOf(GeopoliticalGroup.class);
    if ("kinds".equals(scope)) {
      kinds.addAll(parse(FormValues.list(execution, Vars.INVITEE_KINDS), InviteeKind::parse, "kind", problems));
      if (kinds.isEmpty() && problems.isEmpty()) {
        problems.add("Choose at least one kind of invitee.");
      }
    } else if ("groups".equals(scope)) {
      groups.addAll(
          parse(FormValues.list(execution, Vars.INVITEE_GROUPS), GeopoliticalGroup::parse, "group", problems));
      if (groups.isEmpty() && problems.isEmpty()) {
        problems.add("Choose at least one geopolitical group.");
      }
    } else if (scope != null && !"all".equals(scope)) {
      problems.add("Unknown invitee selection '" + scope + "'; expected all, kinds or groups.");
    }
    LocalDate deadline = null;
    String deadlineText = FormValues.text(execution, Vars.REPLY_DEADLINE);
    if (deadlineText != null) {
      try {
        deadline = LocalDate.parse(deadlineText.length() > 10 ? deadlineText.substring(0, 10) : deadlineText);
      } catch (DateTimeParseException e) {
        problems.add("The reply deadline '" + deadlineText + "' is not a date (expected YYYY-MM-DD).");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new CampaignRequest(FormValues.text(execution, Vars.EVENT_CODE), kinds, groups, deadline);
  }

  private static <T> List<T> parse(
      List<String> values, Function<String, java.util.Optional<T>> parser, String what, List<String> problems) {
    List<T> result = new ArrayList<>();
    for (String v : values) {
      parser.apply(v).ifPresentOrElse(result::add, () -> problems.add("Unknown " + what + " '" + v + "'."));
    }
    return result;
  }
}
