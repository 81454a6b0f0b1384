package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.ipu.outreach.support.ModelTestEngine.ESCALATION_AFTER;
import static org.ipu.outreach.support.ModelTestEngine.STAFF_GROUP;
import static org.ipu.outreach.support.ModelTestEngine.T0;
import static org.ipu.outreach.support.ModelTestEngine.fire;
import static org.ipu.outreach.support.ModelTestEngine.moveClockTo;
import static org.ipu.outreach.support.ModelTestEngine.now;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.ipu.outreach.attendance.AttendanceCheck;
import org.ipu.outreach.campaign.CampaignProgress;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Errors;
import org.ipu.outreach.invitation.InvitationProcess.Messages;
import org.ipu.outreach.invitation.InvitationProcess.Replies;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.MeetingRegistration;
import org.ipu.outreach.representative.Nominees;
import org.ipu.outreach.support.ModelTestEngine;
import org.ipu.outreach.task.EscalateOverdueTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import org.mockito.stubbing.Answer;

/**
 * Every path of the parliament-invitation process on its own: no Spring, no database of ours, every bean
 * the BPMN names a mock (see {@link ModelTestEngine}). The mocks set the variables the real steps would
 * (timer dates, gateway inputs), so each test chooses the path; what is asserted is what the model does:
 * where it waits, when its timers are due, which step is called with which letter kind, which end it
 * reaches and which outcome the campaign is told.
 */
@Deployment(resources = {
    "bpm/parliament-invitation.bpmn", "bpm/follow-up.form", "bpm/confirm-representative.form",
    "bpm/fix-meeting-settings.form", "bpm/review-changed-reply.form", "bpm/confirm-substitutes.form", "bpm/review-unmatched-attendees.form"})
class InvitationModelTest {

  @RegisterExtension static ProcessEngineExtension extension = ModelTestEngine.extension();

  static final String CAMPAIGN = "IPU-TEST-1";
  static final String INVITEE = "UN";
  static final String BUSINESS_KEY = InvitationProcess.businessKey(CAMPAIGN, INVITEE);
  /** Waiting at "Confirm representative": its tasks and the multi-instance body around them. */
  static final String[] CONFIRMING = {Elements.CONFIRM_REPRESENTATIVE + "#multiInstanceBody", Elements.CONFIRM_REPRESENTATIVE};

  // what the mocked planning steps compute, relative to the clock when they run
  static final Duration FIRST_REMINDER_AFTER = Duration.ofDays(7);
  static final Duration REPLY_PERIOD = Duration.ofDays(14);
  static final Duration DEADLINE_REMINDER_BEFORE = Duration.ofDays(3);
  static final Instant EVENT_START = T0.plus(Duration.ofDays(30));
  static final Instant EVENT_END = EVENT_START.plus(Duration.ofHours(2));
  static final Instant JOINING_REMINDER_AT = EVENT_START.minus(Duration.ofDays(1));
  static final Instant ATTENDANCE_DUE_AT = EVENT_END.plus(Duration.ofMinutes(30));

  final LetterSteps letters = mock(LetterSteps.class);
  final ReplyWait replyWait = mock(ReplyWait.class);
  final FollowUpForm followUpForm = mock(FollowUpForm.class);
  final ConfirmRepresentativeForm confirmRepresentativeForm = mock(ConfirmRepresentativeForm.class);
  final Nominees nominees = mock(Nominees.class);
  final MeetingRegistration meetingRegistration = mock(MeetingRegistration.class);
  final EventSchedule eventSchedule = mock(EventSchedule.class);
  final AttendanceCheck attendanceCheck = mock(AttendanceCheck.class);
  final EscalateOverdueTask escalateOverdueTask = mock(EscalateOverdueTask.class);
  final InvitationOutcome invitationOutcome = spy(new InvitationOutcome());
  final CampaignProgress campaignProgress = mock(CampaignProgress.class);

  /** The outcome variable each time the campaign was told that the invitation ended. */
  final List<Object> endedWithOutcome = new ArrayList<>();
  /** Each call of the confirm form: event name and the nominee the task is about. */
  final List<String> confirmFormCalls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    ModelTestEngine.setUp();
    doAnswer(invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      Instant planned = now();
      Instant due = planned.plus(REPLY_PERIOD);
      execution.setVariable(Vars.FIRST_REMINDER_AT, Date.from(planned.plus(FIRST_REMINDER_AFTER)));
      execution.setVariable(Vars.DEADLINE_REMINDER_AT, Date.from(due.minus(DEADLINE_REMINDER_BEFORE)));
      execution.setVariable(Vars.REPLY_DUE_AT, Date.from(due));
      execution.setVariable(Vars.EVENT_STARTS_AT, Date.from(EVENT_START));
      return null;
    }).when(replyWait).plan(any());
    when(nominees.ids(any())).thenAnswer(invocation -> ids(invocation.getArgument(0)));
    doAnswer(invocation -> {
      ((DelegateExecution) invocation.getArgument(0)).setVariable(Vars.NOMINEE_IDS, "7");
      return null;
    }).when(followUpForm).recordNomination(any());
    doAnswer(invocation -> {
      DelegateTask task = invocation.getArgument(0);
      confirmFormCalls.add(task.getEventName() + " " + task.getVariable(Vars.REPRESENTATIVE_ID));
      return null;
    }).when(confirmRepresentativeForm).notify(any());
    doAnswer(eventSchedule(true)).when(eventSchedule).plan(any());
    doAnswer(attendance(true, false)).when(attendanceCheck).collect(any());
    doAnswer(invocation -> {
      endedWithOutcome.add(((DelegateExecution) invocation.getArgument(0)).getVariable(Vars.OUTCOME));
      return null;
    }).when(campaignProgress).notify(any());

    Mocks.register("letters", letters);
    Mocks.register("replyWait", replyWait);
    Mocks.register("followUpForm", followUpForm);
    Mocks.register("confirmRepresentativeForm", confirmRepresentativeForm);
    Mocks.register("nominees", nominees);
    Mocks.register("meetingRegistration", meetingRegistration);
    Mocks.register("eventSchedule", eventSchedule);
    Mocks.register("attendanceCheck", attendanceCheck);
    Mocks.register("escalateOverdueTask", escalateOverdueTask);
    Mocks.register("invitationOutcome", invitationOutcome);
    Mocks.register("campaignProgress", campaignProgress);
  }

  @AfterEach
  void tearDown() {
    ModelTestEngine.tearDown();
  }

  // ---- the invitation and the wait for a reply -------------------------------------------------------

  @Test
  void theInvitationIsSentAsAJobThenTheReplyIsAwaitedWithTwoRemindersAndADeadline() {
    ProcessInstance pi = start();
    assertThat(pi).hasPassed(Elements.START).isWaitingAtExactly(Elements.SEND_INVITATION);
    verify(letters, never()).toParliament(any(), anyString());

    execute(job(Elements.SEND_INVITATION, pi));

    verify(letters).toParliament(any(), eq("INVITATION"));
    assertThat(pi).hasPassed(Elements.PLAN_REPLY_WAIT).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);
    Instant due = T0.plus(REPLY_PERIOD);
    assertThat(job(Elements.FIRST_REMINDER_DUE, pi)).hasDueDate(Date.from(T0.plus(FIRST_REMINDER_AFTER)));
    assertThat(job(Elements.DEADLINE_REMINDER_DUE, pi)).hasDueDate(Date.from(due.minus(DEADLINE_REMINDER_BEFORE)));
    assertThat(job(Elements.REPLY_DEADLINE_REACHED, pi)).hasDueDate(Date.from(due));
  }

  @Test
  void eachReminderIsSentWhenItsTimerFiresWhileTheWaitGoesOn() {
    ProcessInstance pi = invited();

    fire(job(Elements.FIRST_REMINDER_DUE, pi));
    assertThat(pi).isWaitingAt(Elements.SEND_FIRST_REMINDER, Elements.WAIT_FOR_REPLY);
    execute(job(Elements.SEND_FIRST_REMINDER, pi));
    assertThat(pi).hasPassed(Elements.FIRST_REMINDER_SENT).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);

    fire(job(Elements.DEADLINE_REMINDER_DUE, pi));
    execute(job(Elements.SEND_DEADLINE_REMINDER, pi));
    assertThat(pi).hasPassed(Elements.DEADLINE_REMINDER_SENT).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);

    InOrder inOrder = inOrder(letters);
    inOrder.verify(letters).toParliament(any(), eq("INVITATION"));
    inOrder.verify(letters).toParliament(any(), eq("FIRST_REMINDER"));
    inOrder.verify(letters).toParliament(any(), eq("DEADLINE_REMINDER"));
    // the deadline is still ahead; the two reminder timers are spent
    Assertions.assertThat(jobsAt(pi, Elements.FIRST_REMINDER_DUE, Elements.DEADLINE_REMINDER_DUE)).isZero();
    assertThat(job(Elements.REPLY_DEADLINE_REACHED, pi)).hasDueDate(Date.from(T0.plus(REPLY_PERIOD)));
    Assertions.assertThat(endedWithOutcome).isEmpty();
  }

  @Test
  void aLetterThatFailsIsRetriedOnTheConfiguredCycle() {
    doThrow(new IllegalStateException("outbox unavailable")).doNothing()
        .when(letters).toParliament(any(), eq("INVITATION"));
    ProcessInstance pi = start();

    Assertions.assertThatThrownBy(() -> execute(job(Elements.SEND_INVITATION, pi)))
        .hasMessageContaining("outbox unavailable");

    // jobRetries.cycle is R3/PT1M: three tries a minute apart, so two left, the next a minute from now
    assertThat(job(Elements.SEND_INVITATION, pi)).hasRetries(2).hasDueDate(Date.from(T0.plus(Duration.ofMinutes(1))));
    execute(job(Elements.SEND_INVITATION, pi));
    assertThat(pi).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);
    verify(letters, times(2)).toParliament(any(), eq("INVITATION"));
  }

  // ---- replies -----------------------------------------------------------------------------------------

  @Test
  void aNominationOpensOneConfirmationTaskPerNominee() {
    ProcessInstance pi = invited();

    parliamentReplied(Replies.NOMINATED, "11,12");

    assertThat(pi).hasPassed(Elements.REPLY_KIND, Elements.NOMINATION_JOIN).isWaitingAtExactly(CONFIRMING);
    Assertions.assertThat(jobsAt(pi, Elements.FIRST_REMINDER_DUE, Elements.DEADLINE_REMINDER_DUE, Elements.REPLY_DEADLINE_REACHED))
        .as("the reply ends the wait and its timers").isZero();
    List<Task> confirmations = confirmTasks(pi);
    Assertions.assertThat(confirmations).hasSize(2);
    Date due = Date.from(T0.plus(ESCALATION_AFTER));
    for (Task t : confirmations) {
      assertThat(t).hasCandidateGroup(STAFF_GROUP).hasDueDate(due);
      Assertions.assertThat(t.getDescription()).contains("Check that this nominee may attend");
    }
    Assertions.assertThat(confirmations)
        .extracting(t -> taskService().getVariable(t.getId(), Vars.REPRESENTATIVE_ID))
        .containsExactlyInAnyOrder(11L, 12L);
    Assertions.assertThat(confirmFormCalls).containsExactlyInAnyOrder("create 11", "create 12");
    // each task has its own escalation timer
    Assertions.assertThat(jobsAt(pi, Elements.CONFIRM_REPRESENTATIVE)).isEqualTo(2);
  }

  @Test
  void aDeclineEndsTheInvitationAsDeclined() {
    ProcessInstance pi = invited();

    parliamentReplied(Replies.DECLINED, null);

    assertThat(pi).isEnded().hasPassed(Elements.REPLY_KIND, Elements.DECLINED).hasNotPassed(Elements.CONFIRM_REPRESENTATIVE);
    verify(invitationOutcome).record(any(), eq("DECLINED"));
    Assertions.assertThat(endedWithOutcome).containsExactly("DECLINED");
  }

  /** An operator deleting the instance in Cockpit: the campaign is told, without an outcome (CANCELLED). */
  @Test
  void anInstanceDeletedByAnOperatorTellsTheCampaignWithoutAnOutcome() {
    ProcessInstance pi = invited();

    runtimeService().deleteProcessInstance(pi.getId(), "deleted in Cockpit");

    assertThat(pi).isEnded();
    Assertions.assertThat(endedWithOutcome).containsExactly((Object) null);
  }

  // ---- no reply by the deadline: follow-up ---------------------------------------------------------------

  @Test
  void theDeadlineOpensAFollowUpTaskWhichIsEscalatedWhenLeftOpen() {
    ProcessInstance pi = invited();

    fire(job(Elements.REPLY_DEADLINE_REACHED, pi));

    assertThat(pi).isWaitingAtExactly(Elements.FOLLOW_UP);
    Assertions.assertThat(jobsAt(pi, Elements.FIRST_REMINDER_DUE, Elements.DEADLINE_REMINDER_DUE)).isZero();
    Task followUp = task(pi);
    Date due = Date.from(T0.plus(REPLY_PERIOD).plus(ESCALATION_AFTER));
    assertThat(followUp).hasCandidateGroup(STAFF_GROUP).hasDueDate(due);
    Assertions.assertThat(followUp.getDescription()).contains("The reply deadline has passed");
    assertThat(job(Elements.FOLLOW_UP, pi)).hasDueDate(due);

    fire(job(Elements.FOLLOW_UP, pi));

    verify(escalateOverdueTask).notify(any());
    assertThat(pi).isWaitingAtExactly(Elements.FOLLOW_UP);
    Assertions.assertThat(task(pi).getId()).isEqualTo(followUp.getId());
  }

  @Test
  void aFollowUpThatFindsANominationRecordsItAndConfirmsTheNominee() {
    ProcessInstance pi = atFollowUp();

    complete(task(pi), withVariables(Vars.FOLLOW_UP_OUTCOME, "nominated"));

    verify(followUpForm).notify(any());
    verify(followUpForm).recordNomination(any());
    assertThat(pi).hasPassed(Elements.FOLLOW_UP_OUTCOME, Elements.RECORD_FOLLOW_UP_NOMINATION, Elements.NOMINATION_JOIN)
        .isWaitingAtExactly(CONFIRMING);
    Assertions.assertThat(taskService().getVariable(task(pi).getId(), Vars.REPRESENTATIVE_ID)).isEqualTo(7L);
  }

  @Test
  void aFollowUpThatFindsADeclineEndsAsDeclined() {
    ProcessInstance pi = atFollowUp();

    complete(task(pi), withVariables(Vars.FOLLOW_UP_OUTCOME, "declined"));

    assertThat(pi).isEnded().hasPassed(Elements.DECLINED_AFTER_CONFIRMATION, Elements.DECLINED_AFTER_FOLLOW_UP)
        .hasNotPassed(Elements.RECORD_FOLLOW_UP_NOMINATION);
    Assertions.assertThat(endedWithOutcome).containsExactly("DECLINED");
  }

  @Test
  void aFollowUpThatFindsADeclineStillRegistersTheRepresentativeConfirmedInAnEarlierRound() {
    ProcessInstance pi = atFollowUp();
    when(nominees.anyConfirmed(CAMPAIGN, INVITEE)).thenReturn(true);

    complete(task(pi), withVariables(Vars.FOLLOW_UP_OUTCOME, "declined"));

    assertThat(pi).hasPassed(Elements.DECLINED_AFTER_CONFIRMATION).hasNotPassed(Elements.DECLINED_AFTER_FOLLOW_UP)
        .isWaitingAtExactly(Elements.REGISTER_REPRESENTATIVES);
    Assertions.assertThat(endedWithOutcome).isEmpty();
  }

  @Test
  void aFollowUpWithoutAnswerEndsAsNoReplyWhenNobodyWasConfirmed() {
    ProcessInstance pi = atFollowUp();

    complete(task(pi), withVariables(Vars.FOLLOW_UP_OUTCOME, "noAnswer"));

    verify(nominees).anyConfirmed(CAMPAIGN, INVITEE);
    assertThat(pi).isEnded().hasPassed(Elements.ALREADY_CONFIRMED, Elements.NO_REPLY);
    verify(invitationOutcome).record(any(), eq("NO_REPLY"));
    Assertions.assertThat(endedWithOutcome).containsExactly("NO_REPLY");
  }

  @Test
  void aFollowUpWithoutAnswerRegistersTheRepresentativesConfirmedInAnEarlierRound() {
    ProcessInstance pi = atFollowUp();
    when(nominees.anyConfirmed(CAMPAIGN, INVITEE)).thenReturn(true);

    complete(task(pi), withVariables(Vars.FOLLOW_UP_OUTCOME, "noAnswer"));

    assertThat(pi).hasPassed(Elements.ALREADY_CONFIRMED).hasNotPassed(Elements.NO_REPLY)
        .isWaitingAtExactly(Elements.REGISTER_REPRESENTATIVES);
  }

  @Test
  void aLateNominationWhileTheFollowUpIsOpenReplacesTheFollowUp() {
    ProcessInstance pi = atFollowUp();

    parliamentReplied(Replies.NOMINATED, "21");

    assertThat(pi).hasPassed(Elements.LATE_REPLY_RECEIVED).isWaitingAtExactly(CONFIRMING);
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.FOLLOW_UP).count()).isZero();
    Assertions.assertThat(taskService().getVariable(task(pi).getId(), Vars.REPRESENTATIVE_ID)).isEqualTo(21L);
    verify(followUpForm, never()).notify(any());
  }

  @Test
  void aLateDeclineWhileTheFollowUpIsOpenEndsAsDeclined() {
    ProcessInstance pi = atFollowUp();

    parliamentReplied(Replies.DECLINED, null);

    assertThat(pi).isEnded().hasPassed(Elements.LATE_REPLY_RECEIVED, Elements.DECLINED);
    Assertions.assertThat(endedWithOutcome).containsExactly("DECLINED");
  }

  // ---- confirmation decisions ------------------------------------------------------------------------------

  @Test
  void confirmedRepresentativesAreRegistered() {
    ProcessInstance pi = nominated("11,12");
    when(nominees.anyConfirmed(CAMPAIGN, INVITEE)).thenReturn(true);

    decideAll(pi, "confirm");

    Assertions.assertThat(confirmFormCalls).contains("complete 11", "complete 12");
    // whoever staff rejected beside the confirmed ones is named to the parliament before the registration
    verify(letters).toNominees(any(), eq("NOMINEE_NOT_ACCEPTED"), eq("REJECTED"));
    verify(nominees, atLeastOnce()).anyWithStatus("11,12", "REPLACEMENT_REQUESTED");
    assertThat(pi).hasPassed(Elements.NOMINEE_DECISIONS).isWaitingAtExactly(Elements.REGISTER_REPRESENTATIVES);
    verify(meetingRegistration, never()).request(any());

    execute(job(Elements.REGISTER_REPRESENTATIVES, pi));

    verify(meetingRegistration).request(any());
    assertThat(pi).isWaitingAtExactly(Elements.WAIT_FOR_REGISTRATION);
  }

  @Test
  void askingForAnotherNomineeWritesToTheParliamentAndWaitsForItsReplyAgain() {
    ProcessInstance pi = nominated("11");
    when(nominees.anyWithStatus("11", "REPLACEMENT_REQUESTED")).thenReturn(true);
    Instant asked = T0.plus(Duration.ofDays(3));
    moveClockTo(asked);

    decideAll(pi, "another");

    assertThat(pi).isWaitingAtExactly(Elements.REQUEST_ANOTHER_NOMINEE);
    execute(job(Elements.REQUEST_ANOTHER_NOMINEE, pi));
    verify(letters).toNominees(any(), eq("ANOTHER_NOMINEE_REQUEST"), eq("REPLACEMENT_REQUESTED"));
    verify(replyWait, times(2)).plan(any());
    assertThat(pi).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);
    // the wait is planned again from now
    assertThat(job(Elements.REPLY_DEADLINE_REACHED, pi)).hasDueDate(Date.from(asked.plus(REPLY_PERIOD)));
    assertThat(job(Elements.FIRST_REMINDER_DUE, pi)).hasDueDate(Date.from(asked.plus(FIRST_REMINDER_AFTER)));

    parliamentReplied(Replies.NOMINATED, "13");
    assertThat(pi).isWaitingAtExactly(CONFIRMING);
    Assertions.assertThat(taskService().getVariable(task(pi).getId(), Vars.REPRESENTATIVE_ID)).isEqualTo(13L);
  }

  @Test
  void rejectingEveryNomineeTellsTheParliamentAndEndsAsRejected() {
    ProcessInstance pi = nominated("11,12");

    decideAll(pi, "reject");

    verify(letters).toNominees(any(), eq("NOMINEE_NOT_ACCEPTED"), eq("REJECTED"));
    assertThat(pi).isEnded().hasPassed(Elements.NOMINEES_REJECTED).hasNotPassed(Elements.REGISTER_REPRESENTATIVES);
    verify(invitationOutcome).record(any(), eq("REJECTED"));
    Assertions.assertThat(endedWithOutcome).containsExactly("REJECTED");
  }

  @Test
  void aNominationChangedDuringTheConfirmationReplacesTheOpenTasks() {
    ProcessInstance pi = nominated("11,12");
    List<String> before = confirmTasks(pi).stream().map(Task::getId).toList();

    nominationChanged(Replies.NOMINATED, "13");

    assertThat(pi).hasPassed(Elements.NOMINATION_CHANGED).isWaitingAtExactly(CONFIRMING);
    List<Task> after = confirmTasks(pi);
    Assertions.assertThat(after).extracting(Task::getId).doesNotContainAnyElementsOf(before);
    Assertions.assertThat(after).extracting(t -> taskService().getVariable(t.getId(), Vars.REPRESENTATIVE_ID))
        .containsExactly(13L);
    Assertions.assertThat(jobsAt(pi, Elements.CONFIRM_REPRESENTATIVE)).as("escalation timers").isEqualTo(1);
  }

  @Test
  void aDeclineDuringTheConfirmationEndsAsDeclined() {
    ProcessInstance pi = nominated("11");

    nominationChanged(Replies.DECLINED, null);

    assertThat(pi).isEnded().hasPassed(Elements.NOMINATION_CHANGED, Elements.DECLINED);
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(endedWithOutcome).containsExactly("DECLINED");
  }

  // ---- registration ------------------------------------------------------------------------------------------

  @Test
  void aWronglySetUpMeetingGoesToStaffAndTheRegistrationIsAskedForAgain() {
    ProcessInstance pi = waitingForRegistration();

    runtimeService().createMessageCorrelation(Messages.MEETING_SETTINGS_WRONG).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariable(Vars.MEETING_PROBLEM, "The Zoom meeting is full: raise its capacity.").correlate();

    assertThat(pi).hasPassed(Elements.MEETING_SETTINGS_WRONG).isWaitingAtExactly(Elements.FIX_MEETING_SETTINGS);
    Task fix = task(pi);
    assertThat(fix).hasCandidateGroup(STAFF_GROUP).hasDueDate(Date.from(T0.plus(ESCALATION_AFTER)));
    Assertions.assertThat(fix.getDescription()).contains("The meeting platform refused to register");
    Assertions.assertThat(taskService().getVariable(fix.getId(), Vars.MEETING_PROBLEM))
        .isEqualTo("The Zoom meeting is full: raise its capacity.");

    complete(fix);

    assertThat(pi).isWaitingAtExactly(Elements.REGISTER_REPRESENTATIVES);
    execute(job(Elements.REGISTER_REPRESENTATIVES, pi));
    verify(meetingRegistration, times(2)).request(any());
    assertThat(pi).isWaitingAtExactly(Elements.WAIT_FOR_REGISTRATION);
    representativesRegistered();
    assertThat(pi).isWaitingAtExactly(Elements.SEND_REGISTRATION_CONFIRMATIONS);
  }

  @Test
  void registeredRepresentativesAreConfirmedAndRemindedShortlyBeforeTheEvent() {
    ProcessInstance pi = waitingForRegistration();

    representativesRegistered();
    execute(job(Elements.SEND_REGISTRATION_CONFIRMATIONS, pi));

    verify(letters).toRegistered(any(), eq("REGISTRATION_CONFIRMATION"));
    verify(eventSchedule).plan(any());
    assertThat(pi).hasPassed(Elements.PLAN_EVENT_REMINDERS, Elements.JOINING_REMINDER_AHEAD)
        .isWaitingAtExactly(Elements.JOINING_REMINDER_DUE);
    assertThat(job(Elements.JOINING_REMINDER_DUE, pi)).hasDueDate(Date.from(JOINING_REMINDER_AT));

    fire(job(Elements.JOINING_REMINDER_DUE, pi));
    execute(job(Elements.SEND_JOINING_REMINDER, pi));

    verify(letters).toRegistered(any(), eq("JOINING_REMINDER"));
    assertThat(pi).hasPassed(Elements.JOINING_REMINDER_DONE).isWaitingAtExactly(Elements.EVENT_OVER);
    assertThat(job(Elements.EVENT_OVER, pi)).hasDueDate(Date.from(ATTENDANCE_DUE_AT));
  }

  @Test
  void aRepresentativeConfirmedAfterTheJoiningReminderTimeGetsNoSeparateReminder() {
    doAnswer(eventSchedule(false)).when(eventSchedule).plan(any());
    ProcessInstance pi = waitingForRegistration();

    representativesRegistered();
    execute(job(Elements.SEND_REGISTRATION_CONFIRMATIONS, pi));

    assertThat(pi).hasPassed(Elements.JOINING_REMINDER_AHEAD, Elements.JOINING_REMINDER_DONE)
        .hasNotPassed(Elements.JOINING_REMINDER_DUE)
        .isWaitingAtExactly(Elements.EVENT_OVER);
    verify(letters, never()).toRegistered(any(), eq("JOINING_REMINDER"));
  }

  // ---- attendance --------------------------------------------------------------------------------------------

  @Test
  void anInvitationWhoseRepresentativeAttendedEndsAsAttended() {
    ProcessInstance pi = atEventOver();

    fire(job(Elements.EVENT_OVER, pi));
    execute(job(Elements.COLLECT_ATTENDANCE, pi));
    verify(attendanceCheck).collect(any());
    assertThat(pi).hasPassed(Elements.UNMATCHED_ATTENDEES).hasNotPassed(Elements.REVIEW_UNMATCHED_ATTENDEES)
        .isWaitingAtExactly(Elements.SEND_ATTENDANCE_LETTERS);
    execute(job(Elements.SEND_ATTENDANCE_LETTERS, pi));

    verify(letters).afterAttendance(any());
    assertThat(pi).isEnded().hasPassed(Elements.ANYONE_ATTENDED, Elements.ATTENDED);
    verify(invitationOutcome).record(any(), eq("ATTENDED"));
    Assertions.assertThat(endedWithOutcome).containsExactly("ATTENDED");
  }

  @Test
  void anInvitationWhoseRepresentativesWereAbsentEndsAsAbsent() {
    doAnswer(attendance(false, false)).when(attendanceCheck).collect(any());
    ProcessInstance pi = atEventOver();

    fire(job(Elements.EVENT_OVER, pi));
    execute(job(Elements.COLLECT_ATTENDANCE, pi));
    execute(job(Elements.SEND_ATTENDANCE_LETTERS, pi));

    verify(letters).afterAttendance(any());
    assertThat(pi).isEnded().hasPassed(Elements.ABSENT).hasNotPassed(Elements.ATTENDED);
    Assertions.assertThat(endedWithOutcome).containsExactly("ABSENT");
  }

  @Test
  void aBusyPlatformIsAskedAgainWhenItTakesCallsAgain() {
    Instant retryAt = ATTENDANCE_DUE_AT.plus(Duration.ofHours(2));
    doAnswer(invocation -> {
      // as MeetingSteps.run does on the platform's rate limit
      ((DelegateExecution) invocation.getArgument(0)).setVariable(Vars.RETRY_AT, Date.from(retryAt));
      throw new BpmnError(Errors.MEETING_PLATFORM_BUSY, "Zoom answered HTTP 429");
    }).doAnswer(attendance(true, false)).when(attendanceCheck).collect(any());
    ProcessInstance pi = atEventOver();
    fire(job(Elements.EVENT_OVER, pi));

    execute(job(Elements.COLLECT_ATTENDANCE, pi));

    assertThat(pi).hasPassed(Elements.ATTENDANCE_PLATFORM_BUSY).isWaitingAtExactly(Elements.ATTENDANCE_PLATFORM_AVAILABLE);
    assertThat(job(Elements.ATTENDANCE_PLATFORM_AVAILABLE, pi)).hasDueDate(Date.from(retryAt));

    fire(job(Elements.ATTENDANCE_PLATFORM_AVAILABLE, pi));
    execute(job(Elements.COLLECT_ATTENDANCE, pi));

    verify(attendanceCheck, times(2)).collect(any());
    assertThat(pi).isWaitingAtExactly(Elements.SEND_ATTENDANCE_LETTERS);
  }

  @Test
  void attendeesMatchedToNobodyAreReviewedByStaffWhoCanCountAnAbsentRepresentative() {
    doAnswer(attendance(false, true)).when(attendanceCheck).collect(any());
    doAnswer(invocation -> {
      // as the real listener does when staff recognise a representative among the unmatched attendees
      ((DelegateTask) invocation.getArgument(0)).setVariable(Vars.ANY_ATTENDED, true);
      return null;
    }).when(attendanceCheck).notify(any());
    ProcessInstance pi = atEventOver();
    fire(job(Elements.EVENT_OVER, pi));

    execute(job(Elements.COLLECT_ATTENDANCE, pi));

    assertThat(pi).hasPassed(Elements.UNMATCHED_ATTENDEES).isWaitingAtExactly(Elements.REVIEW_UNMATCHED_ATTENDEES);
    Task review = task(pi);
    assertThat(review).hasCandidateGroup(STAFF_GROUP).hasDueDate(Date.from(ATTENDANCE_DUE_AT.plus(ESCALATION_AFTER)));
    Assertions.assertThat(review.getDescription()).contains("Some of this parliament's representatives are recorded as absent");

    complete(review, withVariables(Vars.ATTENDED_REPRESENTATIVE_IDS, "12"));

    verify(attendanceCheck).notify(any());
    execute(job(Elements.SEND_ATTENDANCE_LETTERS, pi));
    assertThat(pi).isEnded().hasPassed(Elements.REVIEW_UNMATCHED_ATTENDEES, Elements.ATTENDED);
    Assertions.assertThat(endedWithOutcome).containsExactly("ATTENDED");
  }

  // ---- a reply changed after registration ----------------------------------------------------------------------

  @Test
  void aReplyChangedAfterRegistrationIsReviewedByStaffWhileTheInvitationGoesOn() {
    ProcessInstance pi = waitingForRegistration();
    representativesRegistered();
    execute(job(Elements.SEND_REGISTRATION_CONFIRMATIONS, pi));

    runtimeService().createMessageCorrelation(Messages.REPLY_CHANGED_AFTER_REGISTRATION)
        .processInstanceBusinessKey(BUSINESS_KEY)
        .setVariable(Vars.CHANGED_REPLY, "Declined: budget session")
        .correlate();

    assertThat(pi).hasPassed(Elements.REPLY_CHANGED_AFTER_REGISTRATION)
        .isWaitingAtExactly(Elements.REPLY_CHANGED_SUB_PROCESS, Elements.REVIEW_CHANGED_REPLY, Elements.JOINING_REMINDER_DUE);
    Task review = task(Elements.REVIEW_CHANGED_REPLY, pi);
    assertThat(review).hasCandidateGroup(STAFF_GROUP);
    Assertions.assertThat(review.getDescription()).contains("The parliament declined after its representatives were registered");
    Assertions.assertThat(taskService().getVariable(review.getId(), Vars.CHANGED_REPLY)).isEqualTo("Declined: budget session");

    complete(review);

    assertThat(pi).hasPassed(Elements.REPLY_CHANGED_SUB_PROCESS, Elements.CHANGED_REPLY_REVIEWED)
        .isWaitingAtExactly(Elements.JOINING_REMINDER_DUE);
    verify(meetingRegistration, times(1)).request(any());
    Assertions.assertThat(endedWithOutcome).isEmpty();
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  // ---- the event's start ends the reply phase --------------------------------------------------------

  @Test
  void theEventsStartEndsAnInvitationStillWaitingForItsReply() {
    ProcessInstance pi = invited();
    assertThat(timer(pi, Elements.EVENT_STARTED_WHILE_WAITING_FOR_REPLY)).hasDueDate(Date.from(EVENT_START));

    fire(timer(pi, Elements.EVENT_STARTED_WHILE_WAITING_FOR_REPLY));

    assertThat(pi).isEnded().hasPassed(Elements.CLOSED_AT_EVENT_START);
    Assertions.assertThat(endedWithOutcome).containsExactly("CLOSED_AT_EVENT_START");
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).as("no reminder left").isZero();
  }

  @Test
  void theEventsStartClosesAnOpenFollowUpAndAnOpenConfirmation() {
    ProcessInstance followingUp = invited();
    fire(job(Elements.REPLY_DEADLINE_REACHED, followingUp));
    assertThat(followingUp).isWaitingAtExactly(Elements.FOLLOW_UP);
    fire(timer(followingUp, Elements.EVENT_STARTED_DURING_FOLLOW_UP));
    assertThat(followingUp).isEnded().hasPassed(Elements.CLOSED_AT_EVENT_START);
    Assertions.assertThat(taskQuery().processInstanceId(followingUp.getId()).count()).isZero();

    ModelTestEngine.moveClockTo(T0);
    ProcessInstance confirming = invitedAs("UG");
    runtimeService().createMessageCorrelation(Messages.PARLIAMENT_REPLIED).processInstanceId(confirming.getId())
        .setVariable(Vars.REPLY, "nominated").setVariable(Vars.NOMINEE_IDS, "7").correlate();
    assertThat(confirming).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    fire(timer(confirming, Elements.EVENT_STARTED_DURING_CONFIRMATION));
    assertThat(confirming).isEnded().hasPassed(Elements.CLOSED_AT_EVENT_START);
    Assertions.assertThat(endedWithOutcome).containsExactly("CLOSED_AT_EVENT_START", "CLOSED_AT_EVENT_START");
  }

  // ---- the event moves or is cancelled ---------------------------------------------------------------

  @Test
  void aRescheduleRePlansTheTimersAndAnnouncesTheChangeWhileTheInvitationGoesOn() {
    ProcessInstance pi = invited();

    runtimeService().createMessageCorrelation(Messages.EVENT_RESCHEDULED).processInstanceId(pi.getId()).correlate();

    verify(eventSchedule).replan(any());
    assertThat(pi).isWaitingAt(Elements.SEND_RESCHEDULE_LETTERS, Elements.WAIT_FOR_REPLY);
    execute(job(Elements.SEND_RESCHEDULE_LETTERS, pi));
    verify(letters).announceChange(any());
    assertThat(pi).hasPassed(Elements.RESCHEDULE_ANNOUNCED).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);
    Assertions.assertThat(endedWithOutcome).isEmpty();
  }

  @Test
  void aCancellationStopsEverythingWritesTheLastLettersCancelsTheRegistrationsAndEndsTheInvitation() {
    ProcessInstance pi = invited();

    runtimeService().createMessageCorrelation(Messages.EVENT_CANCELLED).processInstanceId(pi.getId()).correlate();

    assertThat(pi).isWaitingAtExactly(Elements.EVENT_CANCELLED_SUB_PROCESS, Elements.SEND_CANCELLATION_LETTERS);
    Assertions.assertThat(jobsAt(pi, Elements.FIRST_REMINDER_DUE, Elements.DEADLINE_REMINDER_DUE,
        Elements.REPLY_DEADLINE_REACHED, Elements.EVENT_STARTED_WHILE_WAITING_FOR_REPLY)).isZero();
    execute(job(Elements.SEND_CANCELLATION_LETTERS, pi));
    execute(job(Elements.CANCEL_REGISTRATIONS, pi));
    InOrder inOrder = inOrder(letters, meetingRegistration);
    inOrder.verify(letters).announceChange(any());
    inOrder.verify(meetingRegistration).cancelAll(any());
    assertThat(pi).isEnded().hasPassed(Elements.EVENT_CANCELLED_END);
    Assertions.assertThat(endedWithOutcome).containsExactly("EVENT_CANCELLED");
  }

  private ProcessInstance start() {
    return start(INVITEE);
  }

  private ProcessInstance start(String invitee) {
    return runtimeService().startProcessInstanceByKey(
        InvitationProcess.KEY, InvitationProcess.businessKey(CAMPAIGN, invitee),
        withVariables(Vars.CAMPAIGN_ID, CAMPAIGN, Vars.INVITEE_CODE, invitee, Vars.PARLIAMENT_NAME, "United Nations"));
  }

  /** A second invitation of the same campaign, sent and waiting for the reply. */
  private ProcessInstance invitedAs(String invitee) {
    ProcessInstance pi = start(invitee);
    execute(job(Elements.SEND_INVITATION, pi));
    return pi;
  }

  /** Invitation sent, waiting for the reply. */
  private ProcessInstance invited() {
    ProcessInstance pi = start();
    execute(job(Elements.SEND_INVITATION, pi));
    assertThat(pi).isWaitingAtExactly(Elements.WAIT_FOR_REPLY);
    return pi;
  }

  private ProcessInstance atFollowUp() {
    ProcessInstance pi = invited();
    fire(job(Elements.REPLY_DEADLINE_REACHED, pi));
    assertThat(pi).isWaitingAtExactly(Elements.FOLLOW_UP);
    return pi;
  }

  private ProcessInstance nominated(String nomineeIds) {
    ProcessInstance pi = invited();
    parliamentReplied(Replies.NOMINATED, nomineeIds);
    assertThat(pi).isWaitingAtExactly(CONFIRMING);
    return pi;
  }

  private ProcessInstance waitingForRegistration() {
    ProcessInstance pi = nominated("11");
    when(nominees.anyConfirmed(CAMPAIGN, INVITEE)).thenReturn(true);
    decideAll(pi, "confirm");
    execute(job(Elements.REGISTER_REPRESENTATIVES, pi));
    assertThat(pi).isWaitingAtExactly(Elements.WAIT_FOR_REGISTRATION);
    return pi;
  }

  private ProcessInstance atEventOver() {
    ProcessInstance pi = waitingForRegistration();
    representativesRegistered();
    execute(job(Elements.SEND_REGISTRATION_CONFIRMATIONS, pi));
    fire(job(Elements.JOINING_REMINDER_DUE, pi));
    execute(job(Elements.SEND_JOINING_REMINDER, pi));
    assertThat(pi).isWaitingAtExactly(Elements.EVENT_OVER);
    return pi;
  }

  /** As ReplyService sends it while the invitation waits for the reply or is at the follow-up. */
  private void parliamentReplied(String reply, String nomineeIds) {
    runtimeService().createMessageCorrelation(Messages.PARLIAMENT_REPLIED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariable(Vars.REPLY, reply).setVariable(Vars.NOMINEE_IDS, nomineeIds).correlate();
  }

  /** As ReplyService sends it for a new reply on the reply page while nominees are being confirmed. */
  private void nominationChanged(String reply, String nomineeIds) {
    runtimeService().createMessageCorrelation(Messages.NOMINATION_CHANGED).processInstanceBusinessKey(BUSINESS_KEY)
        .setVariable(Vars.REPLY, reply).setVariable(Vars.NOMINEE_IDS, nomineeIds).correlate();
  }

  /** As the registration batcher sends it once every confirmed representative is registered. */
  private void representativesRegistered() {
    runtimeService().createMessageCorrelation(Messages.REPRESENTATIVES_REGISTERED).processInstanceBusinessKey(BUSINESS_KEY)
        .correlate();
  }

  private void decideAll(ProcessInstance pi, String decision) {
    for (Task t : confirmTasks(pi)) {
      taskService().complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, decision));
    }
  }

  private static List<Task> confirmTasks(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.CONFIRM_REPRESENTATIVE).list();
  }

  /** A timer by its element; camunda-bpm-assert's job(id, instance) misses boundary timers beside others. */
  private static org.camunda.bpm.engine.runtime.Job timer(ProcessInstance pi, String activityId) {
    return jobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  private static long jobsAt(ProcessInstance pi, String... activityIds) {
    return Arrays.stream(activityIds)
        .mapToLong(id -> jobQuery().processInstanceId(pi.getId()).activityId(id).count())
        .sum();
  }

  private static List<Long> ids(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).toList();
  }

  /** As EventSchedule.plan: the joining reminder's date, whether it is still ahead, the attendance check's date. */
  private static Answer<Void> eventSchedule(boolean joiningReminderAhead) {
    return invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      execution.setVariable(Vars.JOINING_REMINDER_AT, Date.from(JOINING_REMINDER_AT));
      execution.setVariable(Vars.JOINING_REMINDER_AHEAD, joiningReminderAhead);
      execution.setVariable(Vars.ATTENDANCE_DUE_AT, Date.from(ATTENDANCE_DUE_AT));
      return null;
    };
  }

  /** As AttendanceCheck.collect: whether anyone attended and whether staff should review unmatched attendees. */
  private static Answer<Void> attendance(boolean anyAttended, boolean unmatchedToReview) {
    return invocation -> {
      DelegateExecution execution = invocation.getArgument(0);
      execution.setVariable(Vars.ANY_ATTENDED, anyAttended);
      execution.setVariable(Vars.UNMATCHED_TO_REVIEW, unmatchedToReview);
      return null;
    };
  }
}
