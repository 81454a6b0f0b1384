package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.NomineeFields;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/** From a nomination to attendance, and every decision staff can take on a nominee. Timers are checked by their due date first, then executed. */
class ConfirmAndAttendScenariosTest extends InvitationScenarioBase {

  // ---- happy path to attendance ----------------------------------------------------------------------

  @Test
  void happyPathFromNominationToAttendance() throws Exception {
    inviteUn();

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
    inviteUn();
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
    inviteUn();
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
    MimeMessage request = mailTo(UN_PRESIDENT).stream()
        .filter(m -> subject(m).contains("request for another representative")).findFirst().orElseThrow();
    // the letter quotes the new round's deadline (22 March in New York), not the campaign's (16 March)
    Assertions.assertThat(plainText(request)).contains("22 March 2026").doesNotContain("16 March 2026");

    nominate(campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB)));
    Task second = task(un);
    Assertions.assertThat(tasks.getVariableLocal(second.getId(), NomineeFields.EMAIL)).isEqualTo(BOB);
    tasks.complete(second.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    assertThat(un).isWaitingAt(Elements.REGISTER_REPRESENTATIVES);
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rejectingEveryNomineeTellsTheParliamentAndEndsAsRejected() throws Exception {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));

    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "reject"));

    assertThat(un).isEnded().hasPassed(Elements.NOMINEES_REJECTED);
    Assertions.assertThat(outcome(un)).isEqualTo("REJECTED");
    deliverMail();
    Assertions.assertThat(mailTo(UN_PRESIDENT)).extracting(MimeMessage::getSubject)
        .anyMatch(s -> s.contains("nomination of Alice Example"));
  }

  @Test
  void mixedDecisionsTellTheParliamentOfEachNomineeNotAcceptedWhileTheOthersGoOn() throws Exception {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(
        nominee("Alice Example", ALICE), nominee("Bob Example", BOB), nominee("Carol Example", "carol@un.parliament.example")));
    List<Task> decisions = confirmTasks(un);
    Map<String, String> byName = Map.of("Alice Example", "confirm", "Bob Example", "reject", "Carol Example", "another");
    for (Task t : decisions) {
      tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, byName.get((String) tasks.getVariableLocal(t.getId(), NomineeFields.NAME))));
    }
    runJob(un, Elements.REQUEST_ANOTHER_NOMINEE);
    deliverMail();

    List<String> subjects = mailTo(UN_PRESIDENT).stream().map(ConfirmAndAttendScenariosTest::subject).toList();
    Assertions.assertThat(subjects).filteredOn(s -> s.contains("nomination of Bob Example")).hasSize(1);
    Assertions.assertThat(subjects).filteredOn(s -> s.contains("request for another representative")).hasSize(1);
    Assertions.assertThat(subjects).noneMatch(s -> s.contains("nomination of Alice Example"));
    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
  }

  @Test
  void theReplyPageKnowsWhetherTheRepresentativesAreBeingRegisteredRegisteredOrTheEventIsOver() {
    confirmed(ALICE);
    Assertions.assertThat(replies.situation(campaignId(campaign), "UN").stage())
        .isEqualTo(org.ipu.outreach.reply.ReplyService.Stage.REGISTRATION_PENDING);
    registerRepresentatives(un);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Assertions.assertThat(replies.situation(campaignId(campaign), "UN").stage())
        .isEqualTo(org.ipu.outreach.reply.ReplyService.Stage.REGISTERED);

    moveClockTo(Date.from(TestData.EVENT_END.toInstant()));
    org.ipu.outreach.reply.ReplyService.Situation after = replies.situation(campaignId(campaign), "UN");
    Assertions.assertThat(after.stage()).isEqualTo(org.ipu.outreach.reply.ReplyService.Stage.EVENT_OVER);
    Assertions.assertThat(after.closedBecause()).isEqualTo("EVENT_OVER");
    Assertions.assertThatThrownBy(() -> replyByStaff(campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB)), null))
        .isInstanceOf(org.ipu.outreach.reply.ReplyClosedException.class);
  }

  @Test
  void anUnknownConfirmDecisionIsRefusedAndTheTaskStaysOpen() {
    inviteUn();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    String taskId = task(un).getId();

    Assertions.assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Vars.CONFIRM_DECISION, "maybe")))
        .hasMessageContaining("Choose confirm, another or reject");
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN").get(0).status())
        .isEqualTo(RepresentativeStatus.NOMINATED);
  }
}
