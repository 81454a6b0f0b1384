package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.change.CampaignChangeProcess;
import org.ipu.outreach.change.CampaignChangeProcess.Changes;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * Staff change a running campaign ("Change a running campaign"): a later reply deadline reaches every
 * parliament still waiting, once, and moves its timers; a late invitee is invited once like the others.
 */
class CampaignChangeScenariosTest extends InvitationScenarioBase {

  /** 23 March 2026, 23:59 in Geneva (still winter time: summer time starts on the 29th). */
  static final Instant NEW_DEADLINE = LocalDateTime.of(2026, 3, 23, 23, 59).atZone(TestData.GENEVA).toInstant();

  @Test
  void aLaterDeadlineMovesTheTimersOfThoseStillWaitingAndTellsEachOfThemOnce() throws Exception {
    campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "kinds",
        CampaignProcess.Vars.INVITEE_KINDS, "PERMANENT_OBSERVER,ASSOCIATE_MEMBER"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    un = invitation(campaign, "UN");
    ProcessInstance eala = invitation(campaign, "EALA");
    runJob(un, Elements.SEND_INVITATION);
    runJob(eala, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    assertThat(jobAt(eala, Elements.REPLY_DEADLINE_REACHED)).hasDueDate(Date.from(TestData.REPLY_DEADLINE));

    extendDeadline("2026-03-23");

    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().replyDeadline()).isEqualTo(NEW_DEADLINE);
    assertThat(jobAt(eala, Elements.REPLY_DEADLINE_REACHED)).hasDueDate(Date.from(NEW_DEADLINE));
    assertThat(jobAt(eala, Elements.DEADLINE_REMINDER_DUE))
        .hasDueDate(Date.from(NEW_DEADLINE.minus(timings.deadlineReminderBefore())));
    Assertions.assertThat(jobAt(un, Elements.SEND_DEADLINE_EXTENDED)).as("the UN has replied: nothing to tell").isNull();
    assertThat(un).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    runJob(eala, Elements.SEND_DEADLINE_EXTENDED);
    assertThat(eala).hasPassed(Elements.DEADLINE_EXTENSION_ANNOUNCED).isWaitingAt(Elements.WAIT_FOR_REPLY);

    // the old deadline passes without effect; the reminder before the new one quotes it
    moveClockTo(Date.from(NEW_DEADLINE.minus(timings.deadlineReminderBefore())));
    runJob(eala, Elements.DEADLINE_REMINDER_DUE);
    runJob(eala, Elements.SEND_DEADLINE_REMINDER);
    deliverMail();
    List<MimeMessage> toEala = mailTo(TestData.EALA.presidentEmail());
    List<MimeMessage> extended = subjects(toEala, "Reply deadline extended");
    Assertions.assertThat(extended).hasSize(1);
    Assertions.assertThat(plainText(extended.get(0)))
        .contains("has been extended")
        .as("23:59 in Geneva is already the 24th in Dar es Salaam, where the letter is read")
        .contains("by 24 March 2026")
        .contains("/reply/");
    Assertions.assertThat(plainText(subjects(toEala, "Reply requested by").get(0))).contains("by 24 March 2026");
    Assertions.assertThat(subjects(mailTo(UN_PRESIDENT), "Reply deadline extended")).isEmpty();

    moveClockTo(Date.from(NEW_DEADLINE));
    runJob(eala, Elements.REPLY_DEADLINE_REACHED);
    assertThat(eala).isWaitingAt(Elements.FOLLOW_UP);
  }

  @Test
  void aParliamentInFollowUpIsToldTheNewDeadlineAndItsFollowUpStaysOpen() throws Exception {
    atFollowUp();

    extendDeadline("2026-03-23T18:00");

    runJob(un, Elements.SEND_DEADLINE_EXTENDED);
    assertThat(un).isWaitingAt(Elements.FOLLOW_UP);
    deliverMail();
    List<MimeMessage> extended = subjects(mailTo(UN_PRESIDENT), "Reply deadline extended");
    Assertions.assertThat(extended).hasSize(1);
    Assertions.assertThat(plainText(extended.get(0))).contains("by 23 March 2026");
    Assertions.assertThat(jobAt(un, Elements.SEND_DEADLINE_EXTENDED)).isNull();
  }

  @Test
  void aDeadlineThatIsNotLaterOrNotBeforeTheEventIsRefusedWithItsReasonAndChangesNothing() {
    inviteUn();
    Assertions.assertThatThrownBy(() -> extendDeadline("2026-03-10"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not later than the current one");
    Assertions.assertThatThrownBy(() -> extendDeadline("2026-04-02"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be before the event starts");
    Assertions.assertThatThrownBy(() -> extendDeadline("23/03/2026"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'23/03/2026' is not a date");
    Assertions.assertThatThrownBy(() -> change(Map.of(CampaignChangeProcess.Vars.CAMPAIGN_ID, "NO-SUCH-1",
            CampaignChangeProcess.Vars.CHANGE, Changes.EXTEND_DEADLINE,
            CampaignChangeProcess.Vars.NEW_DEADLINE, "2026-03-23")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("There is no campaign 'NO-SUCH-1'");

    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().replyDeadline())
        .isEqualTo(TestData.REPLY_DEADLINE);
    assertThat(jobAt(un, Elements.REPLY_DEADLINE_REACHED)).hasDueDate(Date.from(TestData.REPLY_DEADLINE));
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CampaignChangeProcess.KEY).count())
        .isZero();
  }

  @Test
  void aLateInviteeIsInvitedOnceAndTheCampaignWaitsForItsInvitationToo() throws Exception {
    inviteUn();
    Assertions.assertThatThrownBy(() -> addInvitees("UG, UN,\nXX"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(UN) is already invited")
        .hasMessageContaining("no directory entry with the code 'XX'");
    Assertions.assertThat(invitationsOf(campaign)).isEqualTo(1);

    addInvitees("UG");

    ProcessInstance ug = invitation(campaign, "UG");
    assertThat(ug).isWaitingAt(Elements.SEND_INVITATION);
    runJob(ug, Elements.SEND_INVITATION);
    Assertions.assertThatThrownBy(() -> addInvitees("UG"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Parliament of Uganda (UG) is already invited");
    deliverMail();
    Assertions.assertThat(subjects(mailTo(TestData.UG.presidentEmail()), "Invitation")).hasSize(1);
    Assertions.assertThat(campaigns.find(campaignId(campaign)).orElseThrow().inviteeCount()).isEqualTo(2);

    decline(campaignId(campaign), "UN");
    assertThat(campaign).isWaitingAt(CampaignProcess.Elements.WAIT_FOR_INVITATIONS);
    decline(campaignId(campaign), "UG");
    assertThat(campaign).isEnded().hasPassed(CampaignProcess.Elements.COMPLETED);
  }

  @Test
  void aLateInviteeAfterTheDeadlineIsRefusedUntilTheDeadlineIsExtended() {
    atFollowUp();
    Assertions.assertThatThrownBy(() -> addInvitees("UG"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has passed: extend it first");
    extendDeadline("2026-03-23");
    addInvitees("UG");
    assertThat(invitation(campaign, "UG")).isWaitingAt(Elements.SEND_INVITATION);
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private void extendDeadline(String deadline) {
    change(Map.of(CampaignChangeProcess.Vars.CHANGE, Changes.EXTEND_DEADLINE,
        CampaignChangeProcess.Vars.NEW_DEADLINE, deadline));
  }

  private void addInvitees(String codes) {
    change(Map.of(CampaignChangeProcess.Vars.CHANGE, Changes.ADD_INVITEES,
        CampaignChangeProcess.Vars.INVITEE_CODES, codes));
  }

  private void change(Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>(form);
    variables.putIfAbsent(CampaignChangeProcess.Vars.CAMPAIGN_ID, campaignId(campaign));
    runtime.startProcessInstanceByKey(CampaignChangeProcess.KEY, variables);
  }
}
