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
import org.camunda.bpm.engine.variable.Variables;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.campaign.CampaignStatus;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;

/** The campaign: review, launch in batches, refusals, and who is invited. Timers are checked by their due date first, then executed. */
class CampaignScenariosTest extends InvitationScenarioBase {

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

    runJob(campaign, CampaignProcess.Elements.CHECK_MEETING);
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
  void approvingAfterTheReplyDeadlineHasPassedIsRefused() {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    moveClockTo(Date.from(TestData.REPLY_DEADLINE.plusSeconds(60)));
    String taskId = task(campaign).getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(taskId, Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve")))
        .hasMessageContaining("has passed during the review");
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
}
