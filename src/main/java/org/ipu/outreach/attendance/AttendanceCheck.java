package org.ipu.outreach.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.invitation.InvitationFacts;
import org.ipu.outreach.invitation.InvitationFactsLoader;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.invitation.InvitationTimings;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.meeting.MeetingSteps;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.task.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Collect attendance from the meeting platform" (referenced as ${attendanceCheck.collect(execution)}):
 * records per representative whether they attended and for how many minutes. Sessions are matched
 * against every registered representative of the campaign, so that "unmatched" means "none of ours".
 * When some of this invitation's representatives are absent while unmatched attendees exist (someone
 * may have joined under another name or address), staff review them in "Review unmatched attendees"
 * (this class is also that task's complete listener).
 */
@Component("attendanceCheck")
public class AttendanceCheck implements TaskListener {

  private final MeetingPlatform platform;
  private final RepresentativeRepository representatives;
  private final InvitationFactsLoader facts;
  private final InvitationTimings timings;
  private final AttendanceUploads uploads;
  private final CampaignAttendance campaignAttendance;

  public AttendanceCheck(
      MeetingPlatform platform,
      RepresentativeRepository representatives,
      InvitationFactsLoader facts,
      InvitationTimings timings,
      AttendanceUploads uploads,
      CampaignAttendance campaignAttendance) {
    this.uploads = uploads;
    this.campaignAttendance = campaignAttendance;
    this.platform = platform;
    this.representatives = representatives;
    this.facts = facts;
    this.timings = timings;
  }

  public void collect(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    // a report staff uploaded (no API access) takes the place of the platform's
    List<MeetingPlatform.Participation> uploaded = uploads.sessions(f.campaign().id());
    List<MeetingPlatform.Participation> sessions = !uploaded.isEmpty()
        ? uploaded
        : MeetingSteps.run(execution, () -> platform.participants(
            f.event().meetingId(), f.event().start().toInstant(), f.event().end().toInstant()));
    record(execution, f, sessions);
  }

  /** Records the attendance of this invitation's representatives from the given sessions. */
  public void record(DelegateExecution execution, InvitationFacts f, List<MeetingPlatform.Participation> sessions) {
    AttendanceMatcher.Result result = campaignAttendance.match(f.campaign().id(), sessions);
    boolean anyAttended = false;
    List<Representative> absent = new ArrayList<>();
    for (Representative r : representatives.findForInvitee(f.campaign().id(), f.invitee().code())) {
      if (r.status() == RepresentativeStatus.REGISTERED) {
        int m = result.minutes(r.id());
        boolean attended = m >= timings.minimumAttendedMinutes();
        representatives.setAttendance(r.id(), attended, m);
        anyAttended |= attended;
        if (!attended) {
          absent.add(r);
        }
      }
    }
    execution.setVariable(Vars.ANY_ATTENDED, anyAttended);
    boolean review = !absent.isEmpty() && !result.unmatched().isEmpty();
    execution.setVariable(Vars.UNMATCHED_TO_REVIEW, review);
    if (review) {
      execution.setVariable(Vars.UNMATCHED_ATTENDEES, result.unmatched().stream()
          .map(AttendanceMatcher.UnmatchedAttendee::describe).collect(Collectors.joining("\n")));
      SpinJsonNode options = Spin.JSON("[]");
      for (Representative r : absent) {
        options.append(Spin.JSON("{}").prop("label", r.fullName() + " <" + r.email() + ">").prop("value", String.valueOf(r.id())));
      }
      execution.setVariable(Vars.ABSENT_REPRESENTATIVES, SpinValues.jsonValue(options).create());
    }
  }

  /** "Review unmatched attendees" completed: the representatives staff recognised attended after all. */
  @Override
  public void notify(DelegateTask task) {
    String campaignId = (String) task.getVariable(Vars.CAMPAIGN_ID);
    String inviteeCode = (String) task.getVariable(Vars.INVITEE_CODE);
    Set<Long> absentIds = representatives.findForInvitee(campaignId, inviteeCode).stream()
        .filter(r -> r.status() == RepresentativeStatus.REGISTERED && !Boolean.TRUE.equals(r.attended()))
        .map(Representative::id)
        .collect(Collectors.toSet());
    List<Long> chosen = new ArrayList<>();
    for (String id : FormValues.list(task, Vars.ATTENDED_REPRESENTATIVE_IDS)) {
      Long value = id.matches("\\d+") ? Long.valueOf(id) : null;
      if (value == null || !absentIds.contains(value)) {
        throw new InvalidInputException(
            "'" + id + "' is not one of this parliament's representatives recorded as absent; choose from the list.");
      }
      chosen.add(value);
    }
    for (Long id : chosen) {
      Representative r = representatives.find(id).orElseThrow();
      // staff recognised them among the attendees: the minutes stay those the platform could attribute
      representatives.setAttendance(id, true, r.attendedMinutes() == null ? 0 : r.attendedMinutes());
    }
    if (!chosen.isEmpty()) {
      task.setVariable(Vars.ANY_ATTENDED, true);
    }
  }
}
