package org.ipu.outreach.retention;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.mail.MailOutbox;
import org.ipu.outreach.mail.OutboxMail;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Personal data of a finished campaign goes after the retention period; a running campaign keeps it. */
class PersonalDataPurgeTest extends OutreachTestBase {

  static final String ALICE = "alice@un.parliament.example";

  @Autowired PersonalDataPurge purge;
  @Autowired MailOutbox outbox;
  @Autowired HistoryService history;

  @Test
  void afterTheRetentionPeriodAFinishedCampaignKeepsItsFiguresButNoPersonalData() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", ALICE)));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "reject"));
    assertThat(campaign).isEnded().hasPassed(CampaignProcess.Elements.COMPLETED);
    // staff had uploaded a participants report naming people
    jdbc.update("insert into attendance_upload_session (campaign_id, line_no, email, name, seconds) values (?, 2, ?, ?, 600)",
        campaignId(campaign), "guest@somewhere.example", "A Guest");

    // a second campaign, for another event, still running
    event = TestData.newEvent();
    events.save(event);
    ProcessInstance running = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance unAgain = invitation(running, "UN");
    runJob(unAgain, Elements.SEND_INVITATION);
    nominate(campaignId(running), "UN", List.of(nominee("Bob Example", "bob@un.parliament.example")));

    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(89))));
    Assertions.assertThat(purge.purgeDue()).as("within the 90 days").isEmpty();
    Assertions.assertThat(names(campaignId(campaign))).containsExactly("Alice Example");

    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(91))));
    Assertions.assertThat(purge.purgeDue()).containsExactly(campaignId(campaign));
    Assertions.assertThat(jdbc.queryForObject("select count(*) from attendance_upload_session where campaign_id = ?",
        Integer.class, campaignId(campaign))).isZero();

    Assertions.assertThat(names(campaignId(campaign))).containsExactly(PersonalDataPurge.REMOVED);
    Assertions.assertThat(jdbc.queryForList("select email from representative where campaign_id = ?", String.class,
        campaignId(campaign))).singleElement().asString().startsWith("removed-").endsWith("@invalid");
    List<OutboxMail> letters = outbox.forBusinessKey(un.getBusinessKey());
    // the invitation, the "reply received" letter and the "not accepted" letter
    Assertions.assertThat(letters).hasSize(3).allSatisfy(m -> {
      Assertions.assertThat(m.to()).isEqualTo(PersonalDataPurge.REMOVED);
      Assertions.assertThat(m.subject()).isEqualTo(PersonalDataPurge.REMOVED);
      Assertions.assertThat(m.text()).isEmpty();
      Assertions.assertThat(m.html()).isEmpty();
      Assertions.assertThat(m.kind()).isNotNull();
    });
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(un.getId()).count()).isZero();
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(campaign.getId()).count()).isZero();
    Assertions.assertThat(jdbc.queryForObject("select outcome from campaign_invitee where campaign_id = ?", String.class,
        campaignId(campaign))).as("the figures stay").isEqualTo("REJECTED");

    // the running campaign keeps everything
    Assertions.assertThat(names(campaignId(running))).containsExactly("Bob Example");
    Assertions.assertThat(outbox.forBusinessKey(unAgain.getBusinessKey())).hasSize(2)
        .allSatisfy(m -> Assertions.assertThat(m.to()).contains(TestData.UN.presidentEmail()));
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(unAgain.getId()).count())
        .isPositive();

    Assertions.assertThat(purge.purgeDue()).as("purged once").isEmpty();
  }

  private List<String> names(String campaignId) {
    return jdbc.queryForList("select full_name from representative where campaign_id = ?", String.class, campaignId);
  }
}
