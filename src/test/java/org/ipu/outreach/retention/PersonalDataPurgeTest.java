package org.ipu.outreach.retention;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Personal data of a finished invitation goes after the retention period; a running one keeps it and holds
 * its campaign, which is named in the log, the metrics and to managers.
 */
class PersonalDataPurgeTest extends OutreachTestBase {

  static final String ALICE = "alice@un.parliament.example";

  @Autowired PersonalDataPurge purge;
  @Autowired MailOutbox outbox;
  @Autowired HistoryService history;
  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  @Autowired MeterRegistry metrics;

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
    Assertions.assertThat(purge.purgeDue().purged()).as("within the 90 days").isEmpty();
    Assertions.assertThat(names(campaignId(campaign))).containsExactly("Alice Example");

    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(91))));
    Assertions.assertThat(purge.purgeDue().purged()).containsExactly(campaignId(campaign));
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

    // the running campaign (its event ended as long ago) keeps everything its running invitation holds
    Assertions.assertThat(names(campaignId(running))).containsExactly("Bob Example");
    Assertions.assertThat(outbox.forBusinessKey(unAgain.getBusinessKey())).hasSize(2)
        .allSatisfy(m -> Assertions.assertThat(m.to()).contains(TestData.UN.presidentEmail()));
    Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(unAgain.getId()).count())
        .isPositive();

    Assertions.assertThat(purge.purgeDue().purged()).as("purged once").isEmpty();
  }

  @Test
  void aForgottenTaskHoldsOnlyItsInvitationAndIsNamedInTheLogTheMetricsAndToManagers() {
    users.ensureStaffAndManager();
    ProcessInstance campaign = launchCampaign("MEMBER");
    String id = campaignId(campaign);
    for (String code : List.of("UG", "BF", "AR")) {
      runJob(invitation(campaign, code), Elements.SEND_INVITATION);
    }
    decline(id, "UG");
    decline(id, "AR");
    ProcessInstance bf = invitation(campaign, "BF");
    nominate(id, "BF", List.of(nominee("Bea Example", "bea@bf.parliament.example")));
    // nobody confirms Bea: the task is forgotten
    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(91))));
    ListAppender<ILoggingEvent> log = capture();

    PersonalDataPurge.Run run = purge.purgeDue();

    // (the other tests' campaigns share the database)
    Assertions.assertThat(run.purged()).doesNotContain(id);
    Assertions.assertThat(run.held()).filteredOn(h -> h.campaignId().equals(id)).singleElement().satisfies(h -> {
      Assertions.assertThat(h.campaignId()).isEqualTo(id);
      Assertions.assertThat(h.heldBy()).contains(id + ":BF: open task " + Elements.CONFIRM_REPRESENTATIVE);
    });
    // what could go, went: the two invitations that ended
    for (String code : List.of("UG", "AR")) {
      Assertions.assertThat(outbox.forBusinessKey(id + ":" + code)).isNotEmpty()
          .allSatisfy(m -> Assertions.assertThat(m.to()).isEqualTo(PersonalDataPurge.REMOVED));
    }
    Assertions.assertThat(names(id)).containsExactly("Bea Example");
    Assertions.assertThat(outbox.forBusinessKey(bf.getBusinessKey()))
        .allSatisfy(m -> Assertions.assertThat(m.to()).isNotEqualTo(PersonalDataPurge.REMOVED));
    Assertions.assertThat(warnings(log)).filteredOn(w -> w.contains("campaign " + id + " ")).singleElement().asString()
        .contains("campaign " + id, id + ":BF: open task " + Elements.CONFIRM_REPRESENTATIVE).doesNotContain("@");

    // the same for the operator and the managers, without purging anything
    double heldCampaigns = metrics.get("outreach.retention.held").gauge().value();
    Assertions.assertThat(heldCampaigns).isPositive();
    ResponseEntity<String> listed =
        http.withBasicAuth(TestUsers.MANAGER, TestUsers.MANAGER).getForEntity("/api/retention/held", String.class);
    Assertions.assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(listed.getBody()).contains("\"campaignId\":\"" + id + "\"", Elements.CONFIRM_REPRESENTATIVE);
    Assertions.assertThat(http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity("/api/retention/held", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Assertions.assertThat(names(id)).containsExactly("Bea Example");

    // once the task is done, the next run removes the rest and names nothing
    tasks.complete(task(bf).getId(), Map.of(Vars.CONFIRM_DECISION, "reject"));
    assertThat(campaign).isEnded();
    PersonalDataPurge.Run next = purge.purgeDue();
    Assertions.assertThat(next.purged()).contains(id);
    Assertions.assertThat(next.held()).noneMatch(h -> h.campaignId().equals(id));
    Assertions.assertThat(names(id)).containsExactly(PersonalDataPurge.REMOVED);
    Assertions.assertThat(warnings(log)).filteredOn(w -> w.contains("campaign " + id + " ")).hasSize(1);
    Assertions.assertThat(metrics.get("outreach.retention.held").gauge().value()).isEqualTo(heldCampaigns - 1);
  }

  @Test
  void theSimulatorsRegistrationsOfTheSamePersonForAnotherEventStay() {
    ProcessInstance first = registeredCampaign(ALICE);
    event = new OutreachEvent("OTHER-" + event.code(), event.title(), event.start(), event.end(), "85746359999",
        event.interpretationLanguages(), event.audienceNote(), event.replyDeadline(), event.signatoryName(),
        event.signatoryTitle(), event.translations());
    events.save(event);
    ProcessInstance other = registeredCampaign(ALICE);
    Assertions.assertThat(jdbc.queryForList("select meeting_id from simulated_registrant where lower(email) = ?",
        String.class, ALICE)).containsExactlyInAnyOrder("85746352411", "85746359999");
    // the first campaign was cancelled in Cockpit; the other one still runs
    runtime.deleteProcessInstance(invitation(first, "UN").getId(), "cancelled in Cockpit");
    if (runtime.createProcessInstanceQuery().processInstanceId(first.getId()).count() > 0) {
      runtime.deleteProcessInstance(first.getId(), "cancelled in Cockpit");
    }

    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(91))));
    Assertions.assertThat(purge.purgeDue().purged()).contains(campaignId(first)).doesNotContain(campaignId(other));

    Assertions.assertThat(jdbc.queryForList("select meeting_id from simulated_registrant where lower(email) = ?",
        String.class, ALICE)).containsExactly("85746359999");
    Assertions.assertThat(names(campaignId(other))).containsExactly("Alice Example");
  }

  private ProcessInstance registeredCampaign(String email) {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", email)));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    registrations.registerDue();
    return campaign;
  }

  private ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    purgeLogger().addAppender(log);
    return log;
  }

  @AfterEach
  void stopCapturing() {
    purgeLogger().detachAndStopAllAppenders();
  }

  private static Logger purgeLogger() {
    return (Logger) LoggerFactory.getLogger(PersonalDataPurge.class);
  }

  private static List<String> warnings(ListAppender<ILoggingEvent> log) {
    return List.copyOf(log.list).stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  private List<String> names(String campaignId) {
    return jdbc.queryForList("select full_name from representative where campaign_id = ?", String.class, campaignId);
  }
}
