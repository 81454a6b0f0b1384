package org.ipu.outreach.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.directory.InviteeRepository;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.EventRepository;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.mail.OutboxSender;
import org.ipu.outreach.meeting.RegistrationBatcher;
import org.ipu.outreach.reply.Reply;
import org.ipu.outreach.reply.ReplyChannel;
import org.ipu.outreach.reply.ReplyService;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeRepository;
import org.ipu.outreach.representative.RepresentativeRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an embedded database, with a real SMTP server, the job executor off and the
 * engine clock fixed at {@link TestData#T0}: tests move time and run jobs themselves.
 *
 * <p>The engine registers itself JVM-wide under its name ("default", which the REST API and its
 * authentication filter look up), so two application contexts cannot live side by side: each test
 * class gets its own and closes it afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class OutreachTestBase {

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected EventRepository events;
  @Autowired protected InviteeRepository invitees;
  @Autowired protected OutboxSender outboxSender;
  @Autowired protected ReplyService replies;
  @Autowired protected RepresentativeRepository representatives;
  @Autowired protected RegistrationBatcher registrations;

  protected OutreachEvent event;

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestSmtp::port);
  }

  @BeforeEach
  void prepareWorld() throws Exception {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(TestData.T0));
    jdbc.update("delete from mail_outbox");
    // the registration round takes every pending request in the database: only this test's may be there
    jdbc.update("delete from meeting_registration_request");
    TestSmtp.server().purgeEmailFromAllMailboxes();
    invitees.saveAll(TestData.DIRECTORY);
    event = TestData.newEvent();
    events.save(event);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- campaign ---------------------------------------------------------------------------------

  protected ProcessInstance startCampaign(Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>(form);
    variables.putIfAbsent(CampaignProcess.Vars.EVENT_CODE, event.code());
    return runtime.startProcessInstanceByKey(CampaignProcess.KEY, variables);
  }

  /** A campaign inviting only the given kind, approved and launched; returns the campaign instance. */
  protected ProcessInstance launchCampaign(String kind) {
    ProcessInstance campaign =
        startCampaign(
            Map.of(
                CampaignProcess.Vars.INVITEE_SCOPE, "kinds",
                CampaignProcess.Vars.INVITEE_KINDS, Variables.stringValue(kind)));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    return campaign;
  }

  protected void launchAll(ProcessInstance campaign) {
    if (jobAt(campaign, CampaignProcess.Elements.CHECK_MEETING) != null) {
      execute(jobAt(campaign, CampaignProcess.Elements.CHECK_MEETING));
    }
    for (int i = 0; i < 100 && jobAt(campaign, CampaignProcess.Elements.START_BATCH) != null; i++) {
      execute(jobAt(campaign, CampaignProcess.Elements.START_BATCH));
    }
  }

  protected static String campaignId(ProcessInstance campaign) {
    return campaign.getBusinessKey();
  }

  protected ProcessInstance invitation(ProcessInstance campaign, String inviteeCode) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(InvitationProcess.businessKey(campaignId(campaign), inviteeCode))
        .singleResult();
  }

  protected String invitationBusinessKey(ProcessInstance campaign, String inviteeCode) {
    return InvitationProcess.businessKey(campaignId(campaign), inviteeCode);
  }

  // ---- jobs, time and mail -------------------------------------------------------------------------

  protected Job jobAt(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  protected void runJob(ProcessInstance pi, String activityId) {
    execute(job(activityId, pi));
  }

  protected void moveClockTo(Date when) {
    ClockUtil.setCurrentTime(when);
  }

  /** Runs one round of the outbox sender; returns how many mails the SMTP server accepted. */
  protected int deliverMail() {
    return outboxSender.deliverDue();
  }

  protected List<MimeMessage> mailTo(String address) {
    return TestSmtp.receivedBy(address);
  }

  // ---- replies ------------------------------------------------------------------------------------

  /** A reply recorded by staff over the API (the channel the scenarios use unless they test another). */
  protected ReplyService.Recorded nominate(String campaignId, String inviteeCode, List<Representative.Nomination> nominees) {
    return replies.record(campaignId, inviteeCode, Reply.nominated(nominees), ReplyChannel.API, TestUsers.STAFF);
  }

  protected void decline(String campaignId, String inviteeCode) {
    replies.record(campaignId, inviteeCode, Reply.declined(null), ReplyChannel.API, TestUsers.STAFF);
  }

  /** A reply the parliament gives on its reply page: a decline when {@code nominees} is empty. */
  protected ReplyService.Recorded replyOnPage(
      String campaignId, String inviteeCode, List<Representative.Nomination> nominees, String declineReason) {
    return replies.record(campaignId, inviteeCode, reply(nominees, declineReason), ReplyChannel.REPLY_PAGE, null);
  }

  /** A reply staff record on the staff reply form: a decline when {@code nominees} is empty. */
  protected ReplyService.Recorded replyByStaff(
      String campaignId, String inviteeCode, List<Representative.Nomination> nominees, String declineReason) {
    return replies.record(campaignId, inviteeCode, reply(nominees, declineReason), ReplyChannel.STAFF_FORM, TestUsers.STAFF);
  }

  private static Reply reply(List<Representative.Nomination> nominees, String declineReason) {
    return nominees.isEmpty() ? Reply.declined(declineReason) : Reply.nominated(nominees);
  }

  protected static Representative.Nomination nominee(String name, String email) {
    return new Representative.Nomination(
        name, "Chair, Human Rights Committee", RepresentativeRole.MP, "Human rights", email, Language.EN);
  }
}
