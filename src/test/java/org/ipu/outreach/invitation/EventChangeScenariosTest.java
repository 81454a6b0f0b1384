package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.campaign.CampaignStatus;
import org.ipu.outreach.change.EventChangeProcess;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * The event moves or is cancelled after its letters went out ("Change an event"): the timers of every
 * invitation follow, each person gets one letter, and after a cancellation nothing else is sent.
 */
class EventChangeScenariosTest extends InvitationScenarioBase {

  static final String REASON = "The plenary session was moved.";

  // the timers are looked up by their element (jobAt): once an event sub-process runs beside them,
  // camunda-bpm-assert's job(activityId, instance) looks at the wrong execution and finds none

  @Test
  void aRescheduleMovesTheTimersAndTellsTheParliamentAndTheRepresentativeOnceWithAnUpdatedCalendarEntry()
      throws Exception {
    confirmedAndRegistered(ALICE);
    assertThat(jobAt(un, Elements.JOINING_REMINDER_DUE))
        .hasDueDate(Date.from(TestData.EVENT_START.toInstant().minus(timings.joiningReminderBefore())));
    deliverMail();
    String uid = icsProperty(onlyAttachment(mailTo(ALICE), "Registration confirmed"), Property.UID);

    ZonedDateTime newStart = TestData.EVENT_START.plusDays(1);
    reschedule(newStart.toLocalDateTime(), newStart.plusMinutes(90).toLocalDateTime());

    assertThat(jobAt(un, Elements.JOINING_REMINDER_DUE))
        .hasDueDate(Date.from(newStart.toInstant().minus(timings.joiningReminderBefore())));
    Assertions.assertThat(jdbc.queryForList(
            "select expires_at from reply_token where campaign_id = ?", java.sql.Timestamp.class, campaignId(campaign)))
        .isNotEmpty()
        .allSatisfy(t -> Assertions.assertThat(t.toInstant()).isEqualTo(newStart.plusMinutes(90).toInstant()));

    runJob(un, Elements.SEND_RESCHEDULE_LETTERS);
    assertThat(un).hasPassed(Elements.RESCHEDULE_ANNOUNCED).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    // once the joining reminder has gone, attendance waits for the new end too
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    assertThat(jobAt(un, Elements.EVENT_OVER))
        .hasDueDate(Date.from(newStart.plusMinutes(90).toInstant().plus(timings.attendanceCollectionAfter())));
    deliverMail();
    List<MimeMessage> toPresident = subjects(mailTo(UN_PRESIDENT), "New date and time");
    Assertions.assertThat(toPresident).hasSize(1);
    Assertions.assertThat(plainText(toPresident.get(0)))
        .contains("Previously announced: 1 April 2026, 15:00–16:30 CEST.")
        .contains("2 April 2026, 15:00–16:30 CEST")
        .contains("Reason: " + REASON);
    MimeMessage toAlice = onlyAttachment(mailTo(ALICE), "New date and time");
    Calendar update = parse(toAlice);
    VEvent entry = update.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    Assertions.assertThat(value(entry, Property.UID)).isEqualTo(uid);
    Assertions.assertThat(value(entry, Property.SEQUENCE)).isEqualTo("1");
    Assertions.assertThat(update.getProperty(Property.METHOD).map(p -> ((Property) p).getValue())).contains("REQUEST");
    Assertions.assertThat(value(entry, Property.DTSTART)).isEqualTo("20260402T130000Z");
    Assertions.assertThat(toAlice.getHeader("Cc")).as("the parliament has its own letter").isNull();
  }

  @Test
  void anEarlierDateAcrossTheChangeToSummerTimeIsQuotedInWinterTimeAndItsTimersFollow() throws Exception {
    confirmedAndRegistered(ALICE);
    // 1 April 15:00 CEST becomes 27 March 15:00 CET: summer time begins on 29 March
    ZonedDateTime newStart = LocalDateTime.of(2026, 3, 27, 15, 0).atZone(TestData.GENEVA);
    reschedule(newStart.toLocalDateTime(), newStart.plusHours(1).toLocalDateTime());

    assertThat(jobAt(un, Elements.JOINING_REMINDER_DUE)).hasDueDate(Date.from(java.time.Instant.parse("2026-03-26T14:00:00Z")));
    runJob(un, Elements.SEND_RESCHEDULE_LETTERS);
    deliverMail();
    Assertions.assertThat(plainText(subjects(mailTo(UN_PRESIDENT), "New date and time").get(0)))
        .contains("27 March 2026, 15:00–16:00 CET")
        .contains("Previously announced: 1 April 2026, 15:00–16:30 CEST.");
  }

  @Test
  void twoReschedulesBeforeTheLettersWentOutAreAnnouncedInOneLetterFromTheLastKnownTimes() throws Exception {
    inviteUn();
    reschedule(TestData.EVENT_START.plusDays(1).toLocalDateTime(), TestData.EVENT_END.plusDays(1).toLocalDateTime());
    reschedule(TestData.EVENT_START.plusDays(2).toLocalDateTime(), TestData.EVENT_END.plusDays(2).toLocalDateTime());

    List<Job> letters = management.createJobQuery().processInstanceId(un.getId())
        .activityId(Elements.SEND_RESCHEDULE_LETTERS).list();
    Assertions.assertThat(letters).hasSize(2);
    letters.forEach(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests::execute);
    deliverMail();
    List<MimeMessage> letters2 = subjects(mailTo(UN_PRESIDENT), "New date and time");
    Assertions.assertThat(letters2).hasSize(1);
    Assertions.assertThat(plainText(letters2.get(0)))
        .contains("Previously announced: 1 April 2026, 15:00–16:30 CEST.")
        .contains("3 April 2026, 15:00–16:30 CEST");

    // a third change, after that letter went out, gets a letter of its own from the times last announced
    reschedule(TestData.EVENT_START.plusDays(4).toLocalDateTime(), TestData.EVENT_END.plusDays(4).toLocalDateTime());
    runJob(un, Elements.SEND_RESCHEDULE_LETTERS);
    deliverMail();
    Assertions.assertThat(subjects(mailTo(UN_PRESIDENT), "New date and time"))
        .hasSize(2)
        .extracting(InvitationScenarioBase::plainText)
        .anyMatch(t -> t.contains("Previously announced: 3 April 2026") && t.contains("5 April 2026, 15:00–16:30 CEST"));
  }

  @Test
  void aCancellationEndsEveryInvitationTellsEveryoneOnceAndNothingIsSentAfterwards() throws Exception {
    campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "kinds",
        CampaignProcess.Vars.INVITEE_KINDS, "PERMANENT_OBSERVER,ASSOCIATE_MEMBER"));
    Assertions.assertThatThrownBy(() -> cancel())
        .as("a change waits until every campaign of the event has started its invitations")
        .hasMessageContaining("still under review");
    tasks.complete(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(campaign).getId(),
        Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    un = invitation(campaign, "UN");
    ProcessInstance eala = invitation(campaign, "EALA");
    runJob(un, Elements.SEND_INVITATION);
    runJob(eala, Elements.SEND_INVITATION);
    deliverMail();
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    tasks.complete(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(un).getId(),
        Map.of(InvitationProcess.Vars.CONFIRM_DECISION, "confirm"));
    registerRepresentatives(un);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    // EALA's first reminder is due and written, but not yet sent
    moveClockTo(Date.from(TestData.T0.plus(timings.firstReminderAfter())));
    runJob(eala, Elements.FIRST_REMINDER_DUE);
    runJob(eala, Elements.SEND_FIRST_REMINDER);
    deliverMailExceptTo(TestData.EALA.presidentEmail());

    cancel();

    for (ProcessInstance invitation : List.of(un, eala)) {
      assertThat(invitation).isWaitingAt(Elements.SEND_CANCELLATION_LETTERS);
      runJob(invitation, Elements.SEND_CANCELLATION_LETTERS);
    }
    runJob(un, Elements.CANCEL_REGISTRATIONS);
    runJob(eala, Elements.CANCEL_REGISTRATIONS);
    for (ProcessInstance invitation : List.of(un, eala)) {
      assertThat(invitation).isEnded().hasPassed(Elements.EVENT_CANCELLED_END);
      Assertions.assertThat(outcome(invitation)).isEqualTo("EVENT_CANCELLED");
    }
    verify(simulator).cancel(eq(event.meetingId()), anyString(), eq(ALICE));
    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().status()).isEqualTo(CampaignStatus.CANCELLED);
    assertThat(campaign).isEnded();

    // long after the event: no job left, and the mail that goes out is the cancellation, once each
    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(30))));
    Assertions.assertThat(management.createJobQuery().processInstanceId(un.getId()).count()
        + management.createJobQuery().processInstanceId(eala.getId()).count()).isZero();
    deliverMail();
    Assertions.assertThat(subjects(mailTo(TestData.EALA.presidentEmail()), "")).extracting(MimeMessage::getSubject)
        .as("the reminder written before the cancellation was withdrawn")
        .hasSize(2)
        .anyMatch(subject -> subject.startsWith("Invitation:"))
        .contains("Cancelled: online panel discussion “" + event.title() + "”");
    Assertions.assertThat(subjects(mailTo(UN_PRESIDENT), "Cancelled")).hasSize(1);
    MimeMessage toAlice = onlyAttachment(mailTo(ALICE), "Cancelled");
    Calendar cancelled = parse(toAlice);
    Assertions.assertThat(cancelled.getProperty(Property.METHOD).map(p -> ((Property) p).getValue())).contains("CANCEL");
    Assertions.assertThat(value(cancelled.<VEvent>getComponent(Component.VEVENT).orElseThrow(), Property.SEQUENCE))
        .isEqualTo("1");
    Assertions.assertThat(jdbc.queryForObject(
            "select status from mail_outbox where kind = 'FIRST_REMINDER' and business_key = ?", String.class,
            eala.getBusinessKey()))
        .isEqualTo("WITHDRAWN");
  }

  @Test
  void aChangeThatCannotBeAppliedIsRefusedWithEveryReasonAndChangesNothing() {
    inviteUn();
    Map<String, Object> form = new HashMap<>(Map.of(
        EventChangeProcess.Vars.EVENT_CODE, event.code(),
        EventChangeProcess.Vars.CHANGE, EventChangeProcess.Changes.RESCHEDULE,
        EventChangeProcess.Vars.NEW_START, "2026-03-29T02:30",
        EventChangeProcess.Vars.NEW_END, "2026-03-29T04:00"));
    Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(EventChangeProcess.KEY, form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2026-03-29 02:30 does not exist in Europe/Zurich")
        .hasMessageContaining("Give the reason");
    form.put(EventChangeProcess.Vars.NEW_START, "2026-03-10T15:00");
    form.put(EventChangeProcess.Vars.NEW_END, "2026-03-10T16:00");
    form.put(EventChangeProcess.Vars.REASON, REASON);
    Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(EventChangeProcess.KEY, form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not before the new start");

    Assertions.assertThat(events.find(event.code()).orElseThrow().start()).isEqualTo(TestData.EVENT_START);
    Assertions.assertThat(jdbc.queryForObject(
            "select count(*) from event_change where event_code = ?", Integer.class, event.code())).isZero();
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(EventChangeProcess.KEY).count()).isZero();
    assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private void reschedule(LocalDateTime start, LocalDateTime end) {
    runtime.startProcessInstanceByKey(EventChangeProcess.KEY, Map.of(
        EventChangeProcess.Vars.EVENT_CODE, event.code(),
        EventChangeProcess.Vars.CHANGE, EventChangeProcess.Changes.RESCHEDULE,
        EventChangeProcess.Vars.NEW_START, start.toString(),
        EventChangeProcess.Vars.NEW_END, end.toString(),
        EventChangeProcess.Vars.REASON, REASON));
  }

  private void cancel() {
    runtime.startProcessInstanceByKey(EventChangeProcess.KEY, Map.of(
        EventChangeProcess.Vars.EVENT_CODE, event.code(),
        EventChangeProcess.Vars.CHANGE, EventChangeProcess.Changes.CANCEL,
        EventChangeProcess.Vars.REASON, REASON));
  }

  /** Delivers the outbox but leaves the letters to one address waiting (they are written, not yet sent). */
  private void deliverMailExceptTo(String address) {
    List<Long> held = jdbc.queryForList(
        "select id from mail_outbox where status = 'PENDING' and recipient_to = ?", Long.class, address);
    held.forEach(id -> jdbc.update("update mail_outbox set status = 'HELD' where id = ?", id));
    deliverMail();
    held.forEach(id -> jdbc.update("update mail_outbox set status = 'PENDING' where id = ?", id));
  }
}
