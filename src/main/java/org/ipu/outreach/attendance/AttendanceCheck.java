package org.ipu.outreach.attendance;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipu.outreach.invitation.InvitationFacts;
import org.ipu.outreach.invitation.InvitationFactsLoader;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.invitation.InvitationTimings;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.reply.Representative;
import org.ipu.outreach.reply.RepresentativeRepository;
import org.ipu.outreach.reply.RepresentativeStatus;
import org.springframework.stereotype.Component;

/**
 * "Collect attendance from the meeting platform" (referenced as ${attendanceCheck.collect(execution)}):
 * records per representative whether they attended and for how many minutes.
 */
@Component("attendanceCheck")
public class AttendanceCheck {

  private final MeetingPlatform platform;
  private final RepresentativeRepository representatives;
  private final InvitationFactsLoader facts;
  private final InvitationTimings timings;

  public AttendanceCheck(
      MeetingPlatform platform,
      RepresentativeRepository representatives,
      InvitationFactsLoader facts,
      InvitationTimings timings) {
    this.platform = platform;
    this.representatives = representatives;
    this.facts = facts;
    this.timings = timings;
  }

  public void collect(DelegateExecution execution) {
    InvitationFacts f = facts.load(execution);
    Map<String, Integer> minutes = platform.minutesAttended(f.event().meetingId());
    boolean anyAttended = false;
    for (Representative r : representatives.findForInvitee(f.campaign().id(), f.invitee().code())) {
      if (r.status() == RepresentativeStatus.REGISTERED) {
        int m = minutes.getOrDefault(r.registrantId(), 0);
        boolean attended = m >= timings.minimumAttendedMinutes();
        representatives.setAttendance(r.id(), attended, m);
        anyAttended |= attended;
      }
    }
    execution.setVariable(InvitationProcess.Vars.ANY_ATTENDED, anyAttended);
  }
}
