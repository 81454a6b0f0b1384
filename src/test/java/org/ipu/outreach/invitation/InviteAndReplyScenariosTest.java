package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.campaign.CampaignStatus;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.NomineeFields;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/** The invitation, its reminders and the replies, on every channel, also while nominees are confirmed. Timers are checked by their due date first, then executed. */
class InviteAndReplyScenariosTest extends InvitationScenarioBase {

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
    inviteUn();

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
        ReplySchedule.plan(TestData.T0, TestData.T0.plus(Duration.ofDays(5)), 1, TestData.EVENT_START.toInstant(), timings);
    Assertions.assertThat(plan.firstReminderAt()).isAfter(plan.replyDueAt());
    Assertions.assertThat(plan.deadlineReminderAt()).isEqualTo(TestData.T0.plus(Duration.ofDays(2)));
  }

  // ---- replies ------------------------------------------------------------------------------------

  @Test
  void declineEndsTheInvitationAndTheCampaign() {
    inviteUn();

    decline(campaignId(campaign), "UN");

    assertThat(un).isEnded().hasPassed(Elements.DECLINED);
    Assertions.assertThat(outcome(un)).isEqualTo("DECLINED");
    assertThat(campaign).isEnded().hasPassed(CampaignProcess.Elements.COMPLETED);
    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  void aReplyMeansTheSameWhateverItsChannel() {
    inviteUn();

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
    inviteUn();
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
    inviteUn();
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
    inviteUn();
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

    // once registered, new nominees are substitutes for staff to confirm; kept, the registrations stay
    replyOnPage(
        campaignId(campaign), "UN", List.of(nominee("Dan Late", "dan@un.parliament.example")), null);
    assertThat(un).hasPassed(Elements.REPLY_CHANGED_AFTER_REGISTRATION)
        .isWaitingAt(Elements.CONFIRM_SUBSTITUTES, Elements.JOINING_REMINDER_DUE);
    Task review = task(un);
    Assertions.assertThat(review.getTaskDefinitionKey()).isEqualTo(Elements.CONFIRM_SUBSTITUTES);
    Assertions.assertThat((String) tasks.getVariable(review.getId(), Vars.CHANGED_REPLY))
        .startsWith("Nominated:\n- Dan Late (Chair, Human Rights Committee), MP, dan@un.parliament.example");
    Assertions.assertThat((String) tasks.getVariable(review.getId(), Vars.REGISTERED_NOW))
        .contains("Bob Example").contains("Carol Example");
    Assertions.assertThat(tasks.getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> "secretariat".equals(l.getGroupId()));
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN")).hasSize(4);

    tasks.complete(review.getId(), Map.of(Vars.SUBSTITUTION_DECISION, "keep"));
    runJob(un, Elements.SEND_SUBSTITUTES_NOT_ACCEPTED);
    assertThat(un).hasPassed(Elements.SUBSTITUTES_NOT_ACCEPTED).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .filteredOn(r -> r.status() == RepresentativeStatus.REGISTERED)
        .hasSize(2);
  }

  @Test
  void aDeclineWhileNomineesAreConfirmedEndsTheInvitationAsDeclined() {
    inviteUn();
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
    inviteUn();
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

  // ---- the event's start ends the reply phase ---------------------------------------------------------

  @Test
  void whenTheEventStartsAnUnansweredInvitationEndsAndNothingMoreIsSent() throws Exception {
    inviteUn();
    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    runJob(un, Elements.REPLY_DEADLINE_REACHED);
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);
    assertThat(jobAt(un, Elements.EVENT_STARTED_DURING_FOLLOW_UP)).hasDueDate(Date.from(TestData.EVENT_START.toInstant()));
    deliverMail();
    int before = mailTo(UN_PRESIDENT).size();

    moveClockTo(Date.from(TestData.EVENT_START.toInstant()));
    runJob(un, Elements.EVENT_STARTED_DURING_FOLLOW_UP);

    assertThat(un).isEnded().hasPassed(Elements.CLOSED_AT_EVENT_START);
    Assertions.assertThat(outcome(un)).isEqualTo("CLOSED_AT_EVENT_START");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(un.getId()).count()).isZero();
    assertThat(campaign).isEnded();
    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).hasSize(before);
  }

  @Test
  void aReminderWhoseTimerFiredJustBeforeTheReplyIsNotSent() throws Exception {
    inviteUn();
    moveClockTo(Date.from(TestData.T0.plus(timings.firstReminderAfter())));
    runJob(un, Elements.FIRST_REMINDER_DUE);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));

    runJob(un, Elements.SEND_FIRST_REMINDER);

    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).extracting(MimeMessage::getSubject).noneMatch(s -> s.startsWith("Reminder:"));
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
  }

  @Test
  void theSameAddressNamedByTwoParliamentsIsRefusedForTheSecond() {
    ProcessInstance both = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "kinds",
        CampaignProcess.Vars.INVITEE_KINDS, "PERMANENT_OBSERVER,ASSOCIATE_MEMBER"));
    tasks.complete(task(both).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(both);
    runJob(invitation(both, "UN"), Elements.SEND_INVITATION);
    runJob(invitation(both, "EALA"), Elements.SEND_INVITATION);
    nominate(campaignId(both), "UN", List.of(nominee("Alice Example", ALICE)));

    Assertions.assertThatThrownBy(
            () -> replyOnPage(campaignId(both), "EALA", List.of(nominee("Alice Again", ALICE.toUpperCase())), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already given for a representative of another parliament");
    Assertions.assertThat(representatives.findForInvitee(campaignId(both), "EALA")).isEmpty();
  }
}
