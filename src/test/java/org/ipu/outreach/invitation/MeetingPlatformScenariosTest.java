package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
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
import java.util.LinkedHashMap;
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
import org.ipu.outreach.meeting.MeetingPlatform.Registrant;
import org.ipu.outreach.meeting.MeetingPlatform.Registration;
import org.ipu.outreach.meeting.MeetingPlatform.Registrations;
import org.ipu.outreach.meeting.MeetingPlatformBusyException;
import org.ipu.outreach.meeting.RegistrationBatcher;
import org.ipu.outreach.meeting.RegistrationThrottling;
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

  /** Alice and Bob of the UN confirmed; the platform refuses Alice (she is an alternative host) and registers Bob. */
  private void aliceRefusedBobRegistered() {
    doAnswer(call -> {
      String meeting = call.getArgument(0);
      List<Registrant> people = call.getArgument(1);
      Map<String, Registration> registered = new LinkedHashMap<>();
      Map<String, String> refused = new LinkedHashMap<>();
      for (Registrant p : people) {
        if (p.email().equals(ALICE)) {
          refused.put(ALICE, "The address is the Zoom meeting's alternative host, and Zoom does not register hosts (code 3027).");
        } else {
          registered.put(p.email(), simulator.register(meeting, p));
        }
      }
      return new Registrations(registered, refused);
    }).when(simulator).registerAll(anyString(), anyList());
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE), nominee("Bob Example", BOB)));
    confirmTasks(un).forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);

    Assertions.assertThat(registrations.registerDue()).isEqualTo(new RegistrationBatcher.Round(0, 1, 0, 0));
  }

  private Representative rep(String email) {
    return representatives.findForInvitee(campaignId(campaign), "UN").stream()
        .filter(r -> r.email().equals(email)).findFirst().orElseThrow();
  }

  @Test
  void aRefusedRepresentativeStaffDropIsLeftOutAndTheOthersGetTheirLink() throws Exception {
    aliceRefusedBobRegistered();

    assertThat(un).isWaitingAt(Elements.CORRECT_REFUSED_REPRESENTATIVE);
    Assertions.assertThat(rep(BOB).status()).isEqualTo(RepresentativeStatus.REGISTERED);
    Task fix = task(un);
    Assertions.assertThat(fix.getName()).isEqualTo("Correct the refused representative: United Nations");
    Assertions.assertThat(tasks.getIdentityLinksForTask(fix.getId())).anyMatch(l -> "secretariat".equals(l.getGroupId()));
    Assertions.assertThat((String) tasks.getVariable(fix.getId(), Vars.REFUSAL_REASON)).contains("alternative host");
    String fixId = fix.getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(fixId, Map.of(Vars.REFUSAL_DECISION, "maybe")))
        .hasMessageContaining("Choose retry (register again) or drop");

    tasks.complete(fixId, Map.of(Vars.REFUSAL_DECISION, "drop"));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(1);

    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Assertions.assertThat(rep(ALICE).status()).isEqualTo(RepresentativeStatus.WITHDRAWN);
    verify(simulator, times(1)).registerAll(anyString(), anyList());
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    deliverMail();
    Assertions.assertThat(mailTo(BOB)).hasSize(1);
    Assertions.assertThat(plainText(mailTo(BOB).get(0))).contains(rep(BOB).joinUrl());
    Assertions.assertThat(mailTo(ALICE)).isEmpty();
  }

  @Test
  void whenTheEventStartsBeforeStaffCorrectARefusalTheRegisteredOthersStillGetTheirLink() {
    aliceRefusedBobRegistered();

    assertThat(job(Elements.EVENT_STARTED_DURING_REFUSAL_FIX, un)).hasDueDate(Date.from(TestData.EVENT_START.toInstant()));
    moveClockTo(Date.from(TestData.EVENT_START.toInstant()));
    runJob(un, Elements.EVENT_STARTED_DURING_REFUSAL_FIX);

    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(un.getId()).count()).isZero();
    Assertions.assertThat(rep(BOB).status()).isEqualTo(RepresentativeStatus.REGISTERED);
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
  void aRoundThatKeepsBeingThrottledBacksOffOneTwoFourMinutesAndThenRaisesOneIncidentOnTheCampaign() {
    doThrow(new MeetingPlatformBusyException("Zoom answered HTTP 429 (Too many requests) to 'list the registrants'", null, false))
        .when(simulator).registerAll(anyString(), anyList());
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    List<ProcessInstance> waiting = new java.util.ArrayList<>();
    for (String code : List.of("UN", "UG", "BF")) {
      ProcessInstance pi = invitation(campaign, code);
      runJob(pi, Elements.SEND_INVITATION);
      nominate(campaignId(campaign), code, List.of(nominee("First " + code, "first@" + code.toLowerCase() + ".parliament.example")));
      confirmTasks(pi).forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
      runJob(pi, Elements.REGISTER_REPRESENTATIVES);
      waiting.add(pi);
    }

    Instant now = TestData.T0;
    for (int round = 0; round < 5; round++) {
      Assertions.assertThat(registrations.registerDue().postponed()).isEqualTo(3);
      Duration wait = Duration.ofMinutes(1L << round);
      List<Instant> due = jdbc.queryForList("select not_before from meeting_registration_request", java.sql.Timestamp.class)
          .stream().map(java.sql.Timestamp::toInstant).distinct().toList();
      // one wait for the meeting's round, with up to 20% jitter
      Assertions.assertThat(due).hasSize(1);
      Assertions.assertThat(due.get(0)).isBetween(now.plus(wait), now.plus(wait).plusMillis(wait.toMillis() / 5));
      Assertions.assertThat(runtime.createIncidentQuery().count()).as("incidents after round %d", round + 1).isEqualTo(round < 4 ? 0 : 1);
      moveClockTo(Date.from(due.get(0).minusSeconds(1)));
      Assertions.assertThat(registrations.registerDue()).as("not due before its back-off").isEqualTo(new RegistrationBatcher.Round(0, 0, 0, 0));
      now = due.get(0);
      moveClockTo(Date.from(now));
    }

    // one incident, on the campaign, saying what is going on; none on the invitations, no failure counted
    var incident = runtime.createIncidentQuery().singleResult();
    Assertions.assertThat(incident.getProcessInstanceId()).isEqualTo(campaign.getId());
    Assertions.assertThat(incident.getIncidentType()).isEqualTo(RegistrationThrottling.INCIDENT_TYPE);
    Assertions.assertThat(incident.getIncidentMessage()).contains("meeting platform is throttling")
        .contains("meeting " + event.meetingId()).contains("5 rounds in a row").contains("3 invitation(s) waiting");
    Assertions.assertThat(jdbc.queryForObject("select max(failures) from meeting_registration_request", Integer.class)).isZero();
    Assertions.assertThat(registrations.registerDue().postponed()).isEqualTo(3);
    Assertions.assertThat(runtime.createIncidentQuery().count()).as("still one").isEqualTo(1);
    Instant sixth = jdbc.queryForObject("select max(not_before) from meeting_registration_request", java.sql.Timestamp.class).toInstant();
    Assertions.assertThat(sixth).isAfterOrEqualTo(now.plus(Duration.ofMinutes(32)));

    // the platform takes calls again: everybody is registered and the incident resolves itself
    doCallRealMethod().when(simulator).registerAll(anyString(), anyList());
    moveClockTo(Date.from(sixth));
    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(3);
    Assertions.assertThat(runtime.createIncidentQuery().count()).isZero();
    waiting.forEach(pi -> assertThat(pi).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS));
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
