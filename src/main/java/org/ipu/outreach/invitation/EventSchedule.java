package org.ipu.outreach.invitation;

import static org.ipu.outreach.invitation.InvitationProcess.Vars;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
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

  /**
   * "Re-plan the joining reminder and the attendance check" after the event moved: the end of the reply
   * phase, and the same dates as {@link #plan}, from the new times; the timers already waiting move to
   * them. Before the registration there is no joining reminder yet: {@link #plan} will read the new times.
   */
  public void replan(DelegateExecution execution) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    OutreachEvent event = facts.load(execution).event();
    Date start = Date.from(event.start().toInstant());
    execution.setVariable(Vars.EVENT_STARTS_AT, start);
    for (String timer : REPLY_PHASE_ENDS) {
      move(management, execution, timer, start);
    }
    if (!execution.hasVariable(Vars.ATTENDANCE_DUE_AT)) {
      return;
    }
    plan(execution, event);
    move(management, execution, Elements.JOINING_REMINDER_DUE, (Date) execution.getVariable(Vars.JOINING_REMINDER_AT));
    move(management, execution, Elements.EVENT_OVER, (Date) execution.getVariable(Vars.ATTENDANCE_DUE_AT));
  }

  /** The timers that end the reply phase at the event's start. */
  static final List<String> REPLY_PHASE_ENDS =
      List.of(
          Elements.EVENT_STARTED_WHILE_WAITING_FOR_REPLY, Elements.EVENT_STARTED_DURING_FOLLOW_UP,
          Elements.EVENT_STARTED_DURING_CONFIRMATION, Elements.EVENT_STARTED_BEFORE_REGISTRATION,
          Elements.EVENT_STARTED_DURING_MEETING_FIX);

  /** Moves the timer waiting at {@code timerId}, if there is one, to {@code due}. */
  static void move(ManagementService management, DelegateExecution execution, String timerId, Date due) {
    Job timer =
        management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(timerId).singleResult();
    if (timer != null) {
      // a reminder whose new time has passed goes out now rather than never
      Date now = ClockUtil.getCurrentTime();
      management.setJobDuedate(timer.getId(), due.before(now) ? now : due);
    }
  }

  public void plan(DelegateExecution execution) {
    plan(execution, facts.load(execution).event());
  }

  private void plan(DelegateExecution execution, OutreachEvent event) {
    Instant joiningReminder = event.start().toInstant().minus(timings.joiningReminderBefore());
    execution.setVariable(Vars.JOINING_REMINDER_AT, Date.from(joiningReminder));
    // a representative confirmed after that moment already has the link in the confirmation
    execution.setVariable(Vars.JOINING_REMINDER_AHEAD, joiningReminder.isAfter(ClockUtil.getCurrentTime().toInstant()));
    execution.setVariable(
        Vars.ATTENDANCE_DUE_AT, Date.from(event.end().toInstant().plus(timings.attendanceCollectionAfter())));
  }
}
