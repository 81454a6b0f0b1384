package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.event.OutreachEvent;
import org.springframework.stereotype.Component;

/** "Plan joining reminder and attendance check" (referenced as ${eventSchedule.plan(execution)}). */
@Component("eventSchedule")
public class EventSchedule {

  private final InvitationFactsLoader facts;
  private final InvitationTimings timings;

  public EventSchedule(InvitationFactsLoader facts, InvitationTimings timings) {
    this.facts = facts;
    this.timings = timings;
  }

  public void plan(DelegateExecution execution) {
    OutreachEvent event = facts.load(execution).event();
    Instant joiningReminder = event.start().toInstant().minus(timings.joiningReminderBefore());
    execution.setVariable(Vars.JOINING_REMINDER_AT, Date.from(joiningReminder));
    // a representative confirmed after that moment already has the link in the confirmation
    execution.setVariable(Vars.JOINING_REMINDER_AHEAD, joiningReminder.isAfter(ClockUtil.getCurrentTime().toInstant()));
    execution.setVariable(
        Vars.ATTENDANCE_DUE_AT, Date.from(event.end().toInstant().plus(timings.attendanceCollectionAfter())));
  }
}
