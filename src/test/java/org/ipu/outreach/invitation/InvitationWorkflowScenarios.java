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
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.campaign.CampaignRepository;
import org.ipu.outreach.campaign.CampaignStatus;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.NomineeFields;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.MeetingConfigurationException;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.meeting.MeetingPlatformBusyException;
import org.ipu.outreach.meeting.RegistrationBatcher;
import org.ipu.outreach.meeting.simulator.SimulatedMeetingPlatform;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Every path of the campaign and parliament-invitation processes, run on the database of the concrete
 * subclass. Timers are checked by their due date first, then executed.
 */
abstract class InvitationWorkflowScenarios extends OutreachTestBase {

  static final String UN_PRESIDENT = TestData.UN.presidentEmail();
  static final String UN_SECRETARY = TestData.UN.secretaryEmail();
  static final String ALICE = "alice@un.parliament.example";
  static final String BOB = "bob@un.parliament.example";

  @Autowired HistoryService history;
  @Autowired CampaignRepository campaigns;
  /** The simulator as the platform; single tests make it fail the ways Zoom can. */
  @MockitoSpyBean SimulatedMeetingPlatform simulator;
  @Autowired InvitationTimings timings;

  /** The process tests together must cover at least 90% of the flow nodes (report under target/). */
  @TestConfiguration
  static class Coverage {
    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(0.9).build();
    }
  }

  // ---- the invitation and the wait for a reply ---------------------------------------------------

  @Test
  void invitationIsSentInTheInviteesLanguageAndTheReplyTimersFollowTheConfiguration() throws Exception {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    assertThat(un).isWaitingAt(Elements.SEND_INVITATION);

    runJob(un, Elements.SEND_INVITATION);

    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
    assertThat(job(Elements.FIRST_REMINDER_DUE, un))
        .hasDueDate(Date.from(TestData.T0.plus(timings.firstReminderAfter())));
    assertThat(job(Elements.DEADLINE_REMINDER_DUE, un))
        .hasDueDate(Date.from(TestData.REPLY_DEADLINE.minus(timings.deadlineReminderBefore())));
    assertThat(job(Elements.REPLY_DEADLINE_REACHED, un)).hasDueDate(Date.from(TestData.REPLY_DEADLINE));

    Assertions.assertThat(deliverMail()).isEqualTo(1);
    List<MimeMessage> received = mailTo(UN_PRESIDENT);
    Assertions.assertThat(received).hasSize(1);
    MimeMessage letter = received.get(0);
    Assertions.assertThat(letter.getSubject()).startsWith("Invitation: online panel discussion");
    Assertions.assertThat(letter.getHeader("Cc")[0]).contains(UN_SECRETARY);
    String text = plainText(letter);
    Assertions.assertThat(text)
        .contains("Dear Madam President,")
        .contains("15:00")
        .contains("CEST")
        .contains("09:00") // 15:00 CEST is 09:00 in New York
        .contains("English, French and Spanish");
  }

  @Test
  void remindersAreSentWhenTheirTimersFire() throws Exception {
    ProcessInstance un = invitedParliament();

    runJob(un, Elements.FIRST_REMINDER_DUE);
    runJob(un, Elements.SEND_FIRST_REMINDER);
    runJob(un, Elements.DEADLINE_REMINDER_DUE);
    runJob(un, Elements.SEND_DEADLINE_REMINDER);

    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY).hasPassed(Elements.SEND_FIRST_REMINDER, Elements.SEND_DEADLINE_REMINDER);
    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).extracting(MimeMessage::getSubject)
        .anyMatch(s -> s.startsWith("Reminder:"))
        .anyMatch(s -> s.startsWith("Reply requested by"));
  }

  @Test
  void aReminderThatWouldComeAfterTheDeadlineIsNeverSent() {
    ReplySchedule.Plan plan =
        ReplySchedule.plan(TestData.T0, TestData.T0.plus(Duration.ofDays(5)), 1, timings);
    Assertions.assertThat(plan.firstReminderAt()).isAfter(plan.replyDueAt());
    Assertions.assertThat(plan.deadlineReminderAt()).isEqualTo(TestData.T0.plus(Duration.ofDays(2)));
  }

  // ---- replies ------------------------------------------------------------------------------------

  @Test
  void declineEndsTheInvitationAndTheCampaign() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);

    decline(campaignId(campaign), "UN");

    assertThat(un).isEnded().hasPassed(Elements.DECLINED);
    Assertions.assertThat(outcome(un)).isEqualTo("DECLINED");
    assertThat(campaign).isEnded().hasPassed(CampaignProcess.Elements.COMPLETED);
    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  void aReplyMeansTheSameWhateverItsChannel() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);

    // the parliament on its page, staff on their form, staff over the API: each replaces the nominees before
    replyOnPage(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)), null);
    replyByStaff(campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB)), null);
    nominate(campaignId(campaign), "UN", List.of(nominee("Carol Example", "carol@un.parliament.example")));

    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .extracting(Representative::fullName, Representative::status)
        .containsExactly(
            Assertions.tuple("Alice Example", RepresentativeStatus.WITHDRAWN),
            Assertions.tuple("Bob Example", RepresentativeStatus.WITHDRAWN),
            Assertions.tuple("Carol Example", RepresentativeStatus.NOMINATED));
    Assertions.assertThat(confirmTasks(un))
        .extracting(t -> tasks.getVariableLocal(t.getId(), NomineeFields.NAME))
        .containsExactly("Carol Example");
    // every reply is confirmed to the parliament, and recorded with its channel and who recorded it
    Assertions.assertThat(jdbc.queryForObject(
            "select count(*) from mail_outbox where kind = 'REPLY_RECEIVED' and business_key = ?", Integer.class,
            un.getBusinessKey()))
        .isEqualTo(3);
    Assertions.assertThat(jdbc.queryForList(
            "select channel || ':' || coalesce(recorded_by, '-') from invitation_reply where campaign_id = ?"
                + " and invitee_code = 'UN' order by id", String.class, campaignId(campaign)))
        .containsExactly("REPLY_PAGE:-", "STAFF_FORM:staff", "API:staff");
  }

  @Test
  void aReplyTheProcessNoLongerTakesIsRefusedOnEveryChannelAndStoresNothing() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    decline(campaignId(campaign), "UN");
    assertThat(un).isEnded();

    for (Runnable late : List.<Runnable>of(
        () -> replyOnPage(campaignId(campaign), "UN", List.of(nominee("Carol Late", "carol@un.parliament.example")), null),
        () -> replyByStaff(campaignId(campaign), "UN", List.of(nominee("Carol Late", "carol@un.parliament.example")), null),
        () -> nominate(campaignId(campaign), "UN", List.of(nominee("Carol Late", "carol@un.parliament.example"))))) {
      Assertions.assertThatThrownBy(late::run).isInstanceOf(org.ipu.outreach.reply.ReplyClosedException.class);
    }
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN")).isEmpty();
    Assertions.assertThat(jdbc.queryForObject(
            "select count(*) from invitation_reply where campaign_id = ?", Integer.class, campaignId(campaign)))
        .isEqualTo(1);
  }

  @Test
  void aBadReplyIsRefusedWithItsReasonWhateverItsChannel() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    List<Representative.Nomination> eleven = java.util.stream.IntStream.range(0, 11)
        .mapToObj(i -> nominee("Person " + i, "person" + i + "@un.parliament.example")).toList();
    List<Representative.Nomination> twice = List.of(nominee("Alice Example", ALICE), nominee("Alice Again", ALICE.toUpperCase()));

    Assertions.assertThatThrownBy(() -> nominate(campaignId(campaign), "UN", eleven))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10 representatives");
    Assertions.assertThatThrownBy(() -> replyOnPage(campaignId(campaign), "UN", eleven, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10 representatives");
    Assertions.assertThatThrownBy(() -> replyByStaff(campaignId(campaign), "UN", twice, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is given for two representatives");
    Assertions.assertThatThrownBy(() -> nominate(campaignId(campaign), "UN", List.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one representative");

    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN")).isEmpty();
  }

  // ---- a reply changed on the reply page ------------------------------------------------------------

  @Test
  void aReplyChangedWhileNomineesAreConfirmedReplacesTheOpenConfirmations() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    replyOnPage(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)), null);
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Task alicesConfirmation = task(un);

    replyOnPage(
        campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB), nominee("Carol Example", "carol@un.parliament.example")),
        null);

    assertThat(un).hasPassed(Elements.NOMINATION_CHANGED).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    List<Task> confirmations = confirmTasks(un);
    Assertions.assertThat(confirmations).extracting(Task::getId).doesNotContain(alicesConfirmation.getId());
    Assertions.assertThat(confirmations)
        .extracting(t -> tasks.getVariableLocal(t.getId(), NomineeFields.NAME))
        .containsExactlyInAnyOrder("Bob Example", "Carol Example");
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .filteredOn(r -> r.email().equals(ALICE))
        .extracting(Representative::status)
        .containsExactly(RepresentativeStatus.WITHDRAWN);
    // each reply is confirmed to the parliament
    Assertions.assertThat(jdbc.queryForObject(
            "select count(*) from mail_outbox where kind = 'REPLY_RECEIVED' and business_key = ?", Integer.class,
            un.getBusinessKey()))
        .isEqualTo(2);

    confirmations.forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    registrations.registerDue();
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .filteredOn(r -> r.status() == RepresentativeStatus.REGISTERED)
        .extracting(Representative::fullName)
        .containsExactlyInAnyOrder("Bob Example", "Carol Example");

    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    assertThat(un).isWaitingAt(Elements.JOINING_REMINDER_DUE);

    // once registered, a change becomes a staff task; the registrations and the rest of the process stay
    replyOnPage(
        campaignId(campaign), "UN", List.of(nominee("Dan Late", "dan@un.parliament.example")), null);
    assertThat(un).hasPassed(Elements.REPLY_CHANGED_AFTER_REGISTRATION)
        .isWaitingAt(Elements.REVIEW_CHANGED_REPLY, Elements.JOINING_REMINDER_DUE);
    Task review = task(un);
    Assertions.assertThat(review.getTaskDefinitionKey()).isEqualTo(Elements.REVIEW_CHANGED_REPLY);
    Assertions.assertThat((String) tasks.getVariable(review.getId(), Vars.CHANGED_REPLY))
        .startsWith("Nominated:\n- Dan Late (Chair, Human Rights Committee), MP, dan@un.parliament.example");
    Assertions.assertThat(tasks.getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> "secretariat".equals(l.getGroupId()));
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN")).hasSize(3);

    tasks.complete(review.getId());
    assertThat(un).hasPassed(Elements.CHANGED_REPLY_REVIEWED).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .filteredOn(r -> r.status() == RepresentativeStatus.REGISTERED)
        .hasSize(2);
  }

  @Test
  void aDeclineWhileNomineesAreConfirmedEndsTheInvitationAsDeclined() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    replyOnPage(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)), null);

    replyOnPage(campaignId(campaign), "UN", List.of(), "Budget session");

    assertThat(un).hasPassed(Elements.NOMINATION_CHANGED, Elements.DECLINED).isEnded();
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(un.getId())
            .variableName(Vars.OUTCOME).singleResult().getValue())
        .isEqualTo("DECLINED");
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .extracting(Representative::status)
        .containsExactly(RepresentativeStatus.WITHDRAWN);
  }

  @Test
  void afterTheDeadlineOnlyStaffCanStillRecordAReply() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    runJob(un, Elements.REPLY_DEADLINE_REACHED);
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);

    Assertions.assertThatThrownBy(
            () -> replyOnPage(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)), null))
        .isInstanceOf(org.ipu.outreach.reply.ReplyClosedException.class);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN")).isEmpty();

    replyByStaff(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)), null);
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
  }

  // ---- happy path to attendance ----------------------------------------------------------------------

  @Test
  void happyPathFromNominationToAttendance() throws Exception {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);

    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE), nominee("Bob Example", BOB)));

    List<Task> confirmations = confirmTasks(un);
    Assertions.assertThat(confirmations).hasSize(2);
    Assertions.assertThat(confirmations)
        .extracting(t -> tasks.getVariableLocal(t.getId(), NomineeFields.NAME))
        .containsExactlyInAnyOrder("Alice Example", "Bob Example");
    Assertions.assertThat(confirmations).allSatisfy(t -> {
      Assertions.assertThat(t.getDueDate()).isEqualTo(Date.from(TestData.T0.plus(Duration.ofDays(2))));
      Assertions.assertThat(tasks.getIdentityLinksForTask(t.getId()))
          .anyMatch(l -> "secretariat".equals(l.getGroupId()));
    });
    confirmations.forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));

    registerRepresentatives(un);
    List<Representative> reps = representatives.findForInvitee(campaignId(campaign), "UN");
    Assertions.assertThat(reps).allSatisfy(r -> {
      Assertions.assertThat(r.status()).isEqualTo(RepresentativeStatus.REGISTERED);
      Assertions.assertThat(r.joinUrl()).contains("/simulator/join/");
    });

    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    assertThat(un).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    assertThat(job(Elements.JOINING_REMINDER_DUE, un))
        .hasDueDate(Date.from(TestData.EVENT_START.toInstant().minus(timings.joiningReminderBefore())));
    deliverMail();
    MimeMessage confirmation = mailTo(ALICE).get(0);
    Assertions.assertThat(confirmation.getSubject()).startsWith("Registration confirmed");
    Assertions.assertThat(plainText(confirmation)).contains(reps.get(0).joinUrl());
    Assertions.assertThat(attachmentNames(confirmation)).contains("invitation.ics");
    Assertions.assertThat(confirmation.getHeader("Cc")[0]).contains(UN_PRESIDENT);

    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    assertThat(un).isWaitingAt(Elements.EVENT_OVER);
    assertThat(job(Elements.EVENT_OVER, un))
        .hasDueDate(Date.from(TestData.EVENT_END.toInstant().plus(timings.attendanceCollectionAfter())));

    Representative alice = reps.stream().filter(r -> r.email().equals(ALICE)).findFirst().orElseThrow();
    simulator.recordMinutes(alice.registrantId(), 80);
    runJob(un, Elements.EVENT_OVER);
    runJob(un, Elements.COLLECT_ATTENDANCE);
    runJob(un, Elements.SEND_ATTENDANCE_LETTERS);

    assertThat(un).isEnded().hasPassed(Elements.ATTENDED);
    Assertions.assertThat(outcome(un)).isEqualTo("ATTENDED");
    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().attendedMinutes()).isEqualTo(80);
    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).extracting(MimeMessage::getSubject).anyMatch(s -> s.startsWith("Thank you"));
    Assertions.assertThat(mailTo(BOB)).extracting(MimeMessage::getSubject)
        .contains(mailTo(BOB).get(0).getSubject())
        .anyMatch(s -> s.startsWith("We missed you"));
    Assertions.assertThat(mailTo(ALICE)).extracting(MimeMessage::getSubject).noneMatch(s -> s.startsWith("We missed you"));
    assertThat(campaign).isEnded();
  }

  @Test
  void absentRepresentativeEndsAsAbsent() throws Exception {
    ProcessInstance un = confirmedAndRegistered(ALICE);
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    runJob(un, Elements.EVENT_OVER);
    runJob(un, Elements.COLLECT_ATTENDANCE);
    runJob(un, Elements.SEND_ATTENDANCE_LETTERS);

    assertThat(un).isEnded().hasPassed(Elements.ABSENT);
    Assertions.assertThat(outcome(un)).isEqualTo("ABSENT");
    deliverMail();
    Assertions.assertThat(mailTo(ALICE)).extracting(MimeMessage::getSubject).anyMatch(s -> s.startsWith("We missed you"));
  }

  @Test
  void aRepresentativeConfirmedAfterTheJoiningReminderTimeGetsNoSeparateReminder() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    moveClockTo(Date.from(TestData.EVENT_START.toInstant().minus(Duration.ofHours(2))));
    confirmTasks(un).forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
    registerRepresentatives(un);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);

    assertThat(un).isWaitingAt(Elements.EVENT_OVER).hasNotPassed(Elements.JOINING_REMINDER_DUE);
  }

  // ---- confirmation decisions ----------------------------------------------------------------------

  @Test
  void askingForAnotherNomineeWritesToTheParliamentAndWaitsAgain() throws Exception {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    Instant asked = TestData.REPLY_DEADLINE.minus(Duration.ofDays(1));
    moveClockTo(Date.from(asked));

    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "another"));
    runJob(un, Elements.REQUEST_ANOTHER_NOMINEE);

    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
    // the deadline had nearly passed: the parliament gets the replacement period from now
    assertThat(job(Elements.REPLY_DEADLINE_REACHED, un))
        .hasDueDate(Date.from(asked.plus(timings.replacementReplyPeriod())));
    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).extracting(MimeMessage::getSubject)
        .anyMatch(s -> s.contains("request for another representative"));

    nominate(campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB)));
    Task second = task(un);
    Assertions.assertThat(tasks.getVariableLocal(second.getId(), NomineeFields.EMAIL)).isEqualTo(BOB);
    tasks.complete(second.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    assertThat(un).isWaitingAt(Elements.REGISTER_REPRESENTATIVES);
  }

  @Test
  void rejectingEveryNomineeTellsTheParliamentAndEndsAsRejected() throws Exception {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));

    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "reject"));
    runJob(un, Elements.SEND_NOT_ACCEPTED);

    assertThat(un).isEnded().hasPassed(Elements.NOMINEES_REJECTED);
    Assertions.assertThat(outcome(un)).isEqualTo("REJECTED");
    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).extracting(MimeMessage::getSubject)
        .anyMatch(s -> s.contains("nomination of Alice Example"));
  }

  @Test
  void anUnknownConfirmDecisionIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    String taskId = task(un).getId();

    Assertions.assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Vars.CONFIRM_DECISION, "maybe")))
        .hasMessageContaining("Choose confirm, another or reject");
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN").get(0).status())
        .isEqualTo(RepresentativeStatus.NOMINATED);
  }

  // ---- no reply: follow-up -------------------------------------------------------------------------

  @Test
  void noReplyByTheDeadlineOpensAFollowUpTaskThatIsEscalatedWhenLeftOpen() {
    ProcessInstance un = atFollowUp();
    Task followUp = task(un);
    Date due = Date.from(TestData.REPLY_DEADLINE.plus(Duration.ofDays(2))); // Monday night + 2 working days
    Assertions.assertThat(followUp.getDueDate()).isEqualTo(due);
    Job escalation = job(Elements.FOLLOW_UP, un);
    assertThat(escalation).hasDueDate(due);

    runJob(un, Elements.FOLLOW_UP);

    Task escalated = task(un);
    Assertions.assertThat(escalated.getId()).isEqualTo(followUp.getId());
    Assertions.assertThat(escalated.getName()).isEqualTo("Follow up with the parliament (escalated)");
    Assertions.assertThat(escalated.getPriority()).isEqualTo(100);
    Assertions.assertThat(tasks.getIdentityLinksForTask(escalated.getId()))
        .anyMatch(l -> "managers".equals(l.getGroupId()))
        .anyMatch(l -> "secretariat".equals(l.getGroupId()));
  }

  @Test
  void followUpFindsANomination() {
    ProcessInstance un = atFollowUp();
    tasks.complete(
        task(un).getId(),
        Map.of(
            Vars.FOLLOW_UP_OUTCOME, "nominated",
            NomineeFields.NAME, "Carol Phone",
            NomineeFields.FUNCTION, "Deputy Speaker",
            NomineeFields.ROLE, "MP",
            NomineeFields.EMAIL, "carol@un.parliament.example",
            NomineeFields.LANGUAGE, "fr"));

    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(tasks.getVariableLocal(task(un).getId(), NomineeFields.NAME)).isEqualTo("Carol Phone");
    Assertions.assertThat(tasks.getVariableLocal(task(un).getId(), NomineeFields.LANGUAGE)).isEqualTo("fr");
  }

  @Test
  void followUpWithAnIncompleteNomineeIsRefusedAndChangesNothing() {
    ProcessInstance un = atFollowUp();
    String taskId = task(un).getId();

    Assertions.assertThatThrownBy(
            () -> tasks.complete(taskId, Map.of(Vars.FOLLOW_UP_OUTCOME, "nominated", NomineeFields.NAME, "Carol Phone",
                NomineeFields.EMAIL, "not-an-address")))
        .hasMessageContaining("Nominee function is missing")
        .hasMessageContaining("'not-an-address' is not a valid e-mail address");
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);
  }

  @Test
  void followUpFindsADecline() {
    ProcessInstance un = atFollowUp();
    tasks.complete(task(un).getId(), Map.of(Vars.FOLLOW_UP_OUTCOME, "declined"));
    assertThat(un).isEnded().hasPassed(Elements.DECLINED_AFTER_FOLLOW_UP);
    Assertions.assertThat(outcome(un)).isEqualTo("DECLINED");
  }

  @Test
  void followUpFindsNoAnswer() {
    ProcessInstance un = atFollowUp();
    tasks.complete(task(un).getId(), Map.of(Vars.FOLLOW_UP_OUTCOME, "noAnswer"));
    assertThat(un).isEnded().hasPassed(Elements.NO_REPLY);
    Assertions.assertThat(outcome(un)).isEqualTo("NO_REPLY");
  }

  @Test
  void aLateReplyWhileTheFollowUpIsOpenReplacesTheFollowUp() {
    ProcessInstance un = atFollowUp();
    nominate(un.getBusinessKey().split(":")[0], "UN", List.of(nominee("Alice Example", ALICE)));
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(un.getId()).taskDefinitionKey(Elements.FOLLOW_UP).count())
        .isZero();
  }

  @Test
  void noAnswerAfterAnEarlierConfirmationStillRegistersTheConfirmedRepresentative() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE), nominee("Bob Example", BOB)));
    List<Task> both = confirmTasks(un);
    tasks.complete(both.get(0).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    tasks.complete(both.get(1).getId(), Map.of(Vars.CONFIRM_DECISION, "another"));
    runJob(un, Elements.REQUEST_ANOTHER_NOMINEE);
    runJob(un, Elements.REPLY_DEADLINE_REACHED);

    tasks.complete(task(un).getId(), Map.of(Vars.FOLLOW_UP_OUTCOME, "noAnswer"));

    assertThat(un).isWaitingAt(Elements.REGISTER_REPRESENTATIVES);
  }

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
    Assertions.assertThat(fix.getName()).isEqualTo("Fix the meeting settings");
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
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
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
    Assertions.assertThat(review.getName()).isEqualTo("Review unmatched attendees");
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

  // ---- campaign ------------------------------------------------------------------------------------

  @Test
  void theReviewShowsCountsPerLanguageAndASampleLetterAndIsEscalatedWhenLeftOpen() {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    assertThat(campaign).isWaitingAt(CampaignProcess.Elements.REVIEW);
    Map<String, Object> vars = runtime.getVariables(campaign.getId());
    Assertions.assertThat(vars.get(CampaignProcess.Vars.INVITEE_COUNT)).isEqualTo(5);
    Assertions.assertThat(vars.get(CampaignProcess.Vars.LANGUAGE_COUNTS)).isEqualTo("EN: 3, FR: 1, ES: 1");
    Assertions.assertThat((String) vars.get(CampaignProcess.Vars.SAMPLE_LETTER)).contains(event.title());

    assertThat(job(CampaignProcess.Elements.REVIEW, campaign)).hasDueDate(Date.from(TestData.T0.plus(Duration.ofDays(2))));
    runJob(campaign, CampaignProcess.Elements.REVIEW);
    Assertions.assertThat(task(campaign).getName()).endsWith("(escalated)");
  }

  @Test
  void anApprovedCampaignStartsOneInvitationPerInviteeInBatches() {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));

    runJob(campaign, CampaignProcess.Elements.START_BATCH);
    Assertions.assertThat(invitationsOf(campaign)).isEqualTo(2); // batch size 2 in tests
    launchAll(campaign);

    Assertions.assertThat(invitationsOf(campaign)).isEqualTo(5);
    assertThat(campaign).isWaitingAt(CampaignProcess.Elements.WAIT_FOR_INVITATIONS);
    for (String code : List.of("UN", "UG", "BF", "AR", "EALA")) {
      Assertions.assertThat(invitation(campaign, code)).as(code).isNotNull();
    }
  }

  @Test
  void aCancelledCampaignInvitesNobody() {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "cancel"));

    assertThat(campaign).isEnded().hasPassed(CampaignProcess.Elements.CANCELLED);
    Assertions.assertThat(invitationsOf(campaign)).isZero();
    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().status()).isEqualTo(CampaignStatus.CANCELLED);
  }

  @Test
  void aCampaignForAnEventThatHasStartedIsRefusedWithAClearMessage() {
    moveClockTo(Date.from(TestData.EVENT_START.toInstant().plusSeconds(60)));
    Assertions.assertThatThrownBy(() -> startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has already started");
    Assertions.assertThat(campaigns.findAll()).noneMatch(c -> c.eventCode().equals(event.code()));
  }

  @Test
  void approvingAfterTheEventHasStartedIsRefused() {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    moveClockTo(Date.from(TestData.EVENT_START.toInstant().plusSeconds(60)));
    String taskId = task(campaign).getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(taskId, Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve")))
        .hasMessageContaining("has already started");
    assertThat(campaign).isWaitingAt(CampaignProcess.Elements.REVIEW);
  }

  @Test
  void aSecondCampaignForTheSameEventIsRefusedSoNobodyIsInvitedTwice() {
    startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    Assertions.assertThatThrownBy(() -> startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all")))
        .hasMessageContaining("already has a campaign");
  }

  @Test
  void afterACompletedCampaignTheEventCannotBeCampaignedAgainButAfterACancelledOneItCan() {
    ProcessInstance cancelled = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(cancelled).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "cancel"));
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    runJob(invitation(campaign, "UN"), Elements.SEND_INVITATION);
    decline(campaignId(campaign), "UN");
    assertThat(campaign).isEnded();

    Assertions.assertThatThrownBy(() -> startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all")))
        .hasMessageContaining("already has a campaign");
  }

  @Test
  void badStartFormInputIsRefusedWithEveryProblemNamed() {
    Assertions.assertThatThrownBy(
            () -> startCampaign(Map.of(
                CampaignProcess.Vars.INVITEE_SCOPE, "kinds",
                CampaignProcess.Vars.INVITEE_KINDS, "MEMBER,SENATOR",
                CampaignProcess.Vars.REPLY_DEADLINE, "next week")))
        .hasMessageContaining("Unknown kind 'SENATOR'")
        .hasMessageContaining("'next week' is not a date");
    Assertions.assertThatThrownBy(
            () -> startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all", CampaignProcess.Vars.EVENT_CODE, "NOPE")))
        .hasMessageContaining("There is no event with the code 'NOPE'");
    Assertions.assertThatThrownBy(
            () -> startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all", CampaignProcess.Vars.REPLY_DEADLINE, "2026-04-02")))
        .hasMessageContaining("must be before the event starts");
    Assertions.assertThat(campaigns.findAll()).noneMatch(c -> c.eventCode().equals(event.code()));
  }

  @Test
  void aCampaignByGroupInvitesOnlyThatGroup() {
    ProcessInstance campaign =
        startCampaign(Map.of(
            CampaignProcess.Vars.INVITEE_SCOPE, "groups",
            CampaignProcess.Vars.INVITEE_GROUPS, Variables.stringValue("GRULAC")));
    Assertions.assertThat(runtime.getVariable(campaign.getId(), CampaignProcess.Vars.INVITEE_COUNT)).isEqualTo(1);
    Assertions.assertThat(runtime.getVariable(campaign.getId(), CampaignProcess.Vars.LANGUAGE_COUNTS)).isEqualTo("ES: 1");
  }

  @Test
  void aFrenchSpeakingParliamentIsInvitedWithTheEventsFrenchTitle() throws Exception {
    OutreachEvent translated = new OutreachEvent(
        event.code(), event.title(), event.start(), event.end(), event.meetingId(), event.interpretationLanguages(),
        event.audienceNote(), event.replyDeadline(), event.signatoryName(), event.signatoryTitle(),
        Map.of(org.ipu.outreach.directory.Language.FR,
            new OutreachEvent.Translation("La solidarité parlementaire", "Les parlementaires des Parlements membres.")));
    events.save(translated);
    Assertions.assertThat(events.find(event.code()).orElseThrow().translations()).isEqualTo(translated.translations());

    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    runJob(invitation(campaign, "BF"), Elements.SEND_INVITATION);
    deliverMail();

    MimeMessage letter = mailTo(TestData.BF.presidentEmail()).get(0);
    Assertions.assertThat(letter.getSubject()).contains("La solidarité parlementaire");
    Assertions.assertThat(plainText(letter)).contains("Monsieur le Président,").contains("Les parlementaires des Parlements membres.");
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private ProcessInstance invitedParliament() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    return un;
  }

  private ProcessInstance atFollowUp() {
    ProcessInstance un = invitedParliament();
    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    runJob(un, Elements.REPLY_DEADLINE_REACHED);
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);
    return un;
  }

  /** The invitation asks for the registration, and a registration round carries it out. */
  private void registerRepresentatives(ProcessInstance pi) {
    runJob(pi, Elements.REGISTER_REPRESENTATIVES);
    assertThat(pi).isWaitingAt(Elements.WAIT_FOR_REGISTRATION);
    registrations.registerDue();
  }

  private ProcessInstance confirmed(String email) {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", email)));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    return un;
  }

  private ProcessInstance confirmedAndRegistered(String email) {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", email)));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    registerRepresentatives(un);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    return un;
  }

  private List<Task> confirmTasks(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.CONFIRM_REPRESENTATIVE).list();
  }

  private long invitationsOf(ProcessInstance campaign) {
    return runtime.createProcessInstanceQuery()
        .processDefinitionKey(InvitationProcess.KEY)
        .processInstanceBusinessKeyLike(campaignId(campaign) + ":%")
        .count();
  }

  private String outcome(ProcessInstance pi) {
    return (String) history.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(Vars.OUTCOME).singleResult().getValue();
  }

  static String plainText(MimeMessage message) throws Exception {
    return findPart(message.getContent(), "text/plain");
  }

  static String findPart(Object content, String type) throws Exception {
    if (content instanceof MimeMultipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        var part = mp.getBodyPart(i);
        if (part.isMimeType(type)) {
          return (String) part.getContent();
        }
        String inner = findPart(part.getContent(), type);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  static List<String> attachmentNames(MimeMessage message) throws Exception {
    MimeMultipart mixed = (MimeMultipart) message.getContent();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < mixed.getCount(); i++) {
      if (mixed.getBodyPart(i).getFileName() != null) {
        names.add(mixed.getBodyPart(i).getFileName());
      }
    }
    return names;
  }
}
