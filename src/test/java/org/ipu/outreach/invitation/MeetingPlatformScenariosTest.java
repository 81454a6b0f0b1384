package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.MeetingConfigurationException;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.meeting.MeetingPlatformBusyException;
import org.ipu.outreach.meeting.RegistrationBatcher;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/** The meeting platform fails, refuses, is busy, or reports people we cannot place. Timers are checked by their due date first, then executed. */
class MeetingPlatformScenariosTest extends InvitationScenarioBase {

  // ---- failures ------------------------------------------------------------------------------------

  @Test
  void aRegistrationThatKeepsFailingIsRetriedThenBecomesAnIncidentThatResolvesItselfOnSuccess() {
    doThrow(new IllegalStateException("Zoom could not be reached to list the registrants"))
        .doThrow(new IllegalStateException("Zoom could not be reached to list the registrants"))
        .doThrow(new IllegalStateException("Zoom could not be reached to list the registrants"))
        .doCallRealMethod()
        .when(simulator).registerAll(anyString(), anyList());
    ProcessInstance un = confirmed(ALICE);
    runJob(un, Elements.REGISTER_REPRESENTATIVES);

    Assertions.assertThat(registrations.registerDue().failed()).isEqualTo(1);
    Assertions.assertThat(registrations.registerDue().failed()).as("not due before its back-off").isZero();
    moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(1))));
    Assertions.assertThat(registrations.registerDue().failed()).isEqualTo(1);
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(un.getId()).count()).isZero();
    moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(3))));
    Assertions.assertThat(registrations.registerDue().failed()).isEqualTo(1);

    // first try and the two retries of the configured cycle, as for a job
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(un.getId()).singleResult())
        .satisfies(i -> {
          Assertions.assertThat(i.getIncidentType()).isEqualTo(RegistrationBatcher.INCIDENT_TYPE);
          Assertions.assertThat(i.getActivityId()).isEqualTo(Elements.WAIT_FOR_REGISTRATION);
          Assertions.assertThat(i.getIncidentMessage()).contains("could not be reached").contains("failed 3 time(s)");
        });
    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REGISTRATION);

    moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(5))));
    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(1);

    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(un.getId()).count()).isZero();
  }

  @Test
  void representativesOfManyParliamentsAreRegisteredTogetherInOneCallPerMeeting() {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    List<String> codes = List.of("UN", "UG", "BF", "AR");
    for (String code : codes) {
      ProcessInstance pi = invitation(campaign, code);
      runJob(pi, Elements.SEND_INVITATION);
      nominate(campaignId(campaign), code, List.of(
          nominee("First " + code, "first@" + code.toLowerCase() + ".parliament.example"),
          nominee("Second " + code, "second@" + code.toLowerCase() + ".parliament.example")));
      confirmTasks(pi).forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
      runJob(pi, Elements.REGISTER_REPRESENTATIVES);
      assertThat(pi).isWaitingAt(Elements.WAIT_FOR_REGISTRATION);
    }
    // one request per invitation, all taken by the next round
    Assertions.assertThat(jdbc.queryForObject("select count(*) from meeting_registration_request", Integer.class)).isEqualTo(4);

    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(4);

    verify(simulator, times(1)).registerAll(eq(event.meetingId()), argThat(list -> list.size() == 8));
    for (String code : codes) {
      assertThat(invitation(campaign, code)).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
      Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), code))
          .allSatisfy(r -> Assertions.assertThat(r.status()).isEqualTo(RepresentativeStatus.REGISTERED));
    }
    Assertions.assertThat(registrations.registerDue()).isEqualTo(new RegistrationBatcher.Round(0, 0, 0, 0));
  }

  // ---- the meeting platform refuses, is busy, or reports people we cannot place ----------------------

  @Test
  void aWronglySetUpMeetingGoesToStaffWhoFixItAndTheRegistrationRunsAgain() {
    doThrow(new MeetingConfigurationException("The Zoom meeting is full: raise its capacity."))
        .doCallRealMethod()
        .when(simulator).registerAll(anyString(), anyList());
    ProcessInstance un = confirmed(ALICE);
    runJob(un, Elements.REGISTER_REPRESENTATIVES);

    Assertions.assertThat(registrations.registerDue().sentToStaff()).isEqualTo(1);

    assertThat(un).isWaitingAt(Elements.FIX_MEETING_SETTINGS).hasPassed(Elements.MEETING_SETTINGS_WRONG);
    Task fix = task(un);
    Assertions.assertThat(fix.getName()).isEqualTo("Fix the meeting settings: United Nations");
    Assertions.assertThat(tasks.getVariable(fix.getId(), Vars.MEETING_PROBLEM)).isEqualTo("The Zoom meeting is full: raise its capacity.");
    Assertions.assertThat(tasks.getIdentityLinksForTask(fix.getId())).anyMatch(l -> "secretariat".equals(l.getGroupId()));
    Date due = Date.from(TestData.T0.plus(Duration.ofDays(2)));
    Assertions.assertThat(fix.getDueDate()).isEqualTo(due);
    assertThat(job(Elements.FIX_MEETING_SETTINGS, un)).hasDueDate(due);
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(un.getId()).count()).isZero();
    Assertions.assertThat(representatives.findForInvitee(un.getBusinessKey().split(":")[0], "UN").get(0).status())
        .isEqualTo(RepresentativeStatus.CONFIRMED);

    tasks.complete(fix.getId());
    registerRepresentatives(un);

    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Assertions.assertThat(representatives.findForInvitee(un.getBusinessKey().split(":")[0], "UN").get(0).status())
        .isEqualTo(RepresentativeStatus.REGISTERED);
  }

  @Test
  void aBusyPlatformIsWaitedForUntilItsRetryAfterWithoutCountingAsAFailure() {
    Instant retryAt = TestData.T0.plus(Duration.ofHours(3));
    doThrow(new MeetingPlatformBusyException("Zoom answered HTTP 429 (daily limit)", retryAt, true))
        .doCallRealMethod()
        .when(simulator).registerAll(anyString(), anyList());
    ProcessInstance un = confirmed(ALICE);
    runJob(un, Elements.REGISTER_REPRESENTATIVES);

    Assertions.assertThat(registrations.registerDue().postponed()).isEqualTo(1);
    moveClockTo(Date.from(retryAt.minusSeconds(1)));
    Assertions.assertThat(registrations.registerDue()).isEqualTo(new RegistrationBatcher.Round(0, 0, 0, 0));
    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REGISTRATION);
    Assertions.assertThat(jdbc.queryForObject("select failures from meeting_registration_request", Integer.class)).isZero();

    moveClockTo(Date.from(retryAt));
    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(1);

    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(un.getId()).count()).isZero();
  }

  @Test
  void aBusyPlatformAtAttendanceTimeIsWaitedForToo() {
    ProcessInstance un = confirmedAndRegistered(ALICE);
    Instant retryAt = TestData.EVENT_END.toInstant().plus(Duration.ofHours(2));
    doThrow(new MeetingPlatformBusyException("Zoom answered HTTP 429", retryAt, false))
        .doCallRealMethod()
        .when(simulator).participants(anyString());
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    runJob(un, Elements.EVENT_OVER);

    runJob(un, Elements.COLLECT_ATTENDANCE);

    assertThat(un).isWaitingAt(Elements.ATTENDANCE_PLATFORM_AVAILABLE).hasPassed(Elements.ATTENDANCE_PLATFORM_BUSY);
    assertThat(job(Elements.ATTENDANCE_PLATFORM_AVAILABLE, un)).hasDueDate(Date.from(retryAt));
    runJob(un, Elements.ATTENDANCE_PLATFORM_AVAILABLE);
    runJob(un, Elements.COLLECT_ATTENDANCE);
    assertThat(un).isWaitingAt(Elements.SEND_ATTENDANCE_LETTERS);
  }

  @Test
  void attendeesWhoMatchNobodyAreReviewedByStaffWhoCanCountAnAbsentRepresentative() throws Exception {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE), nominee("Bob Example", BOB)));
    confirmTasks(un).forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
    registerRepresentatives(un);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    List<Representative> reps = representatives.findForInvitee(campaignId(campaign), "UN");
    Representative alice = reps.stream().filter(r -> r.email().equals(ALICE)).findFirst().orElseThrow();
    Representative bob = reps.stream().filter(r -> r.email().equals(BOB)).findFirst().orElseThrow();
    // Alice reconnects once; Bob joins from a phone under a nickname, without his registrant id
    doReturn(List.of(
            new Participation(alice.registrantId(), null, "Alice Example", 20 * 60),
            new Participation(alice.registrantId(), null, "Alice Example", 35 * 60),
            new Participation(null, null, "Bobby (iPhone)", 50 * 60)))
        .when(simulator).participants(anyString());
    runJob(un, Elements.EVENT_OVER);

    runJob(un, Elements.COLLECT_ATTENDANCE);

    assertThat(un).isWaitingAt(Elements.REVIEW_UNMATCHED_ATTENDEES);
    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().attendedMinutes()).isEqualTo(55);
    Assertions.assertThat(representatives.find(bob.id()).orElseThrow().attended()).isFalse();
    Task review = task(un);
    Assertions.assertThat(review.getName()).isEqualTo("Review unmatched attendees: United Nations");
    Assertions.assertThat(tasks.getIdentityLinksForTask(review.getId())).anyMatch(l -> "secretariat".equals(l.getGroupId()));
    assertThat(job(Elements.REVIEW_UNMATCHED_ATTENDEES, un)).hasDueDate(review.getDueDate());
    Assertions.assertThat((String) tasks.getVariable(review.getId(), Vars.UNMATCHED_ATTENDEES)).isEqualTo("Bobby (iPhone), 50 min");
    Assertions.assertThat(tasks.getVariable(review.getId(), Vars.ABSENT_REPRESENTATIVES).toString())
        .contains("Bob Example <" + BOB + ">").contains("\"" + bob.id() + "\"").doesNotContain(ALICE);

    String reviewId = review.getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(reviewId, Map.of(Vars.ATTENDED_REPRESENTATIVE_IDS, String.valueOf(alice.id()))))
        .hasMessageContaining("not one of this parliament's representatives recorded as absent");
    Assertions.assertThat(representatives.find(bob.id()).orElseThrow().attended()).isFalse();

    tasks.complete(reviewId, Map.of(Vars.ATTENDED_REPRESENTATIVE_IDS, Variables.objectValue(List.of(String.valueOf(bob.id()))).create()));
    runJob(un, Elements.SEND_ATTENDANCE_LETTERS);

    assertThat(un).isEnded().hasPassed(Elements.ATTENDED);
    Assertions.assertThat(representatives.find(bob.id()).orElseThrow().attended()).isTrue();
    deliverMail();
    Assertions.assertThat(mailTo(BOB)).extracting(MimeMessage::getSubject).noneMatch(s -> s.startsWith("We missed you"));
  }

  @Test
  void unmatchedAttendeesAreNotReviewedWhenEveryRepresentativeAttended() {
    ProcessInstance un = confirmedAndRegistered(ALICE);
    Representative alice = representatives.findForInvitee(un.getBusinessKey().split(":")[0], "UN").get(0);
    doReturn(List.of(
            new Participation(null, ALICE.toUpperCase(), "A. E.", 30 * 60),
            new Participation(null, null, "Somebody Else", 40 * 60)))
        .when(simulator).participants(anyString());
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    runJob(un, Elements.EVENT_OVER);
    runJob(un, Elements.COLLECT_ATTENDANCE);

    assertThat(un).isWaitingAt(Elements.SEND_ATTENDANCE_LETTERS).hasNotPassed(Elements.REVIEW_UNMATCHED_ATTENDEES);
    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().attendedMinutes()).isEqualTo(30);
  }
}
