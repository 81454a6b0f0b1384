package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.task.Task;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * A parliament replaces its registered representative: staff confirm the substitute, the platform
 * registration of the one replaced is cancelled and the substitute is registered; each gets one letter.
 */
class SubstitutionScenariosTest extends InvitationScenarioBase {

  static final String BOB = "bob@un.parliament.example";

  @Test
  void aSubstituteReplacesTheRegisteredRepresentativeOnThePlatformAndEachPersonIsToldOnce() throws Exception {
    confirmedAndRegistered(ALICE);
    deliverMail();
    String uid = icsProperty(onlyAttachment(mailTo(ALICE), "Registration confirmed"), Property.UID);

    nominate(campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB)));

    Task confirm = tasks.createTaskQuery().processInstanceId(un.getId())
        .taskDefinitionKey(Elements.CONFIRM_SUBSTITUTES).singleResult();
    Assertions.assertThat((String) tasks.getVariable(confirm.getId(), Vars.REGISTERED_NOW)).contains("Alice Example");
    Assertions.assertThat((String) tasks.getVariable(confirm.getId(), Vars.CHANGED_REPLY)).contains("Bob Example");
    tasks.complete(confirm.getId(), Map.of(Vars.SUBSTITUTION_DECISION, "substitute"));
    runJob(un, Elements.SUBSTITUTE_REPRESENTATIVES);

    verify(simulator).cancel(eq(event.meetingId()), anyString(), eq(ALICE));
    assertThat(un).isWaitingAt(Elements.WAIT_FOR_SUBSTITUTES_REGISTRATION, Elements.JOINING_REMINDER_DUE);
    registrations.registerDue();
    runJob(un, Elements.SEND_SUBSTITUTES_CONFIRMATIONS);
    assertThat(un).hasPassed(Elements.REPRESENTATIVES_SUBSTITUTED).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .extracting(Representative::email, Representative::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ALICE, RepresentativeStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple(BOB, RepresentativeStatus.REGISTERED));

    deliverMail();
    MimeMessage cancelled = onlyAttachment(mailTo(ALICE), "Registration cancelled");
    Assertions.assertThat(plainText(cancelled)).contains("another representative will attend in your place");
    Assertions.assertThat(cancelled.getHeader("Cc")[0]).contains(UN_PRESIDENT);
    Calendar cancel = parse(cancelled);
    Assertions.assertThat(cancel.getProperty(Property.METHOD).map(p -> ((Property) p).getValue())).contains("CANCEL");
    Assertions.assertThat(value(cancel.<VEvent>getComponent(Component.VEVENT).orElseThrow(), Property.UID))
        .isEqualTo(uid);
    Assertions.assertThat(subjects(mailTo(ALICE), "Registration confirmed")).as("Alice's own, from before").hasSize(1);
    MimeMessage toBob = onlyAttachment(mailTo(BOB), "Registration confirmed");
    Assertions.assertThat(plainText(toBob)).contains("/simulator/");
    Assertions.assertThat(toBob.getHeader("Cc")[0]).contains(UN_PRESIDENT);

    // the joining reminder goes to the substitute only
    moveClockTo(Date.from(TestData.EVENT_START.toInstant().minus(timings.joiningReminderBefore())));
    execute(jobAt(un, Elements.JOINING_REMINDER_DUE));
    runJob(un, Elements.SEND_JOINING_REMINDER);
    deliverMail();
    Assertions.assertThat(subjects(mailTo(BOB), "Starting soon")).hasSize(1);
    Assertions.assertThat(subjects(mailTo(ALICE), "Starting soon")).isEmpty();
  }

  @Test
  void aRepresentativeNamedAgainStaysRegisteredAndOnlyTheNewOneIsAdded() throws Exception {
    confirmedAndRegistered(ALICE);

    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE), nominee("Bob Example", BOB)));
    tasks.complete(task(un, Elements.CONFIRM_SUBSTITUTES).getId(), Map.of(Vars.SUBSTITUTION_DECISION, "substitute"));
    runJob(un, Elements.SUBSTITUTE_REPRESENTATIVES);
    registrations.registerDue();
    runJob(un, Elements.SEND_SUBSTITUTES_CONFIRMATIONS);

    verify(simulator, never()).cancel(anyString(), anyString(), eq(ALICE));
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .filteredOn(r -> r.status() == RepresentativeStatus.REGISTERED)
        .extracting(Representative::email)
        .containsExactlyInAnyOrder(ALICE, BOB);
    deliverMail();
    Assertions.assertThat(subjects(mailTo(ALICE), "Registration")).hasSize(1);
    Assertions.assertThat(subjects(mailTo(BOB), "Registration confirmed")).hasSize(1);
  }

  @Test
  void keptRegistrationsStayAndTheParliamentIsToldTheSubstituteWasNotAccepted() throws Exception {
    confirmedAndRegistered(ALICE);

    nominate(campaignId(campaign), "UN", List.of(nominee("Bob Example", BOB)));
    tasks.complete(task(un, Elements.CONFIRM_SUBSTITUTES).getId(), Map.of(Vars.SUBSTITUTION_DECISION, "keep"));
    runJob(un, Elements.SEND_SUBSTITUTES_NOT_ACCEPTED);

    assertThat(un).hasPassed(Elements.SUBSTITUTES_NOT_ACCEPTED).isWaitingAt(Elements.JOINING_REMINDER_DUE);
    verify(simulator, never()).cancel(anyString(), anyString(), anyString());
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UN"))
        .extracting(Representative::email, Representative::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ALICE, RepresentativeStatus.REGISTERED),
            org.assertj.core.groups.Tuple.tuple(BOB, RepresentativeStatus.REJECTED));
    deliverMail();
    Assertions.assertThat(subjects(mailTo(UN_PRESIDENT), "Online panel discussion"))
        .extracting(InvitationScenarioBase::plainText)
        .anyMatch(t -> t.contains("Bob Example") && t.contains("unable to accept this nomination"));
  }

  private Task task(org.camunda.bpm.engine.runtime.ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }
}
