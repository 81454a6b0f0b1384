package org.ipu.outreach.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.simulator.SimulatedMeetingPlatform;
import org.ipu.outreach.meeting.zoom.ZoomWebhookEvents;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A whole campaign, with what goes wrong on the way (a letter the relay never takes, a registration the
 * platform refuses, a Zoom webhook naming a participant by e-mail), while every log line of the
 * application is kept: none may carry an e-mail address, a representative's or President's name, or a
 * reply link's token. Operators get the campaign, invitee code, representative and outbox ids instead.
 */
class CampaignLogTest extends OutreachTestBase {

  static final String WEBHOOK_SECRET = "webhook-secret-token";
  static final String ALICE = "alice@un.parliament.example";
  static final String ALICE_NAME = "Alice Nominee-Example";
  /** The simulator refuses this address (application-test.yaml), as a platform refuses a registrant. */
  static final String REFUSED = "refused@parliament.example";
  static final String REFUSED_NAME = "Rafael Refused-Example";
  static final Pattern LINK = Pattern.compile("/reply/([A-Za-z0-9_-]{43})");
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @DynamicPropertySource
  static void webhooksOn(DynamicPropertyRegistry registry) {
    registry.add("outreach.zoom.webhook-secret-token", () -> WEBHOOK_SECRET);
  }

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  @Autowired SimulatedMeetingPlatform simulator;
  @Autowired ZoomWebhookEvents webhookEvents;
  @Autowired JavaMailSenderImpl smtp;

  final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void captureTheLog() {
    users.ensureStaffAndManager();
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void stopCapturing() {
    root().detachAppender(log);
  }

  @Test
  void theLogOfAWholeCampaignNamesNobody() throws Exception {
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    ProcessInstance un = invitation(campaign, "UN");
    ProcessInstance ug = invitation(campaign, "UG");
    ProcessInstance bf = invitation(campaign, "BF");
    runJob(un, Elements.SEND_INVITATION);
    runJob(ug, Elements.SEND_INVITATION);
    deliverMail();
    List<String> tokens = replyTokens();
    assertThat(tokens).hasSize(2);

    // the UN names Alice on its reply page
    String page = http.getForEntity("/reply/" + tokenFor(un), String.class).getBody();
    ResponseEntity<String> sent = http.postForEntity("/reply/" + tokenFor(un), form(csrf(page)), String.class);
    assertThat(sent.getStatusCode().is2xxSuccessful() || sent.getStatusCode().is3xxRedirection()).as(sent.getBody()).isTrue();
    // Uganda's reply comes by e-mail; staff record it over the API
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> recorded = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).postForEntity(
        "/api/campaigns/" + campaignId(campaign) + "/invitees/UG/reply",
        new HttpEntity<>("{\"reply\":\"nominated\",\"representatives\":[{\"name\":\"" + REFUSED_NAME
            + "\",\"function\":\"Speaker\",\"role\":\"MP\",\"email\":\"" + REFUSED + "\",\"language\":\"en\"}]}", json),
        String.class);
    assertThat(recorded.getStatusCode().is2xxSuccessful()).as(recorded.getBody()).isTrue();

    // staff confirm both; the UN's representative is registered, Uganda's refused by the platform
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    registrations.registerDue();
    tasks.complete(task(ug).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    runJob(ug, Elements.REGISTER_REPRESENTATIVES);
    for (int round = 0; round < 4; round++) { // until the back-off is used up and an incident is raised
      moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(10L * (round + 1)))));
      registrations.registerDue();
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(ug.getId()).count()).isEqualTo(1);

    // Burkina Faso's invitation meets a relay that never answers, until it is an incident
    int workingPort = smtp.getPort();
    smtp.setPort(1);
    try {
      runJob(bf, Elements.SEND_INVITATION);
      for (int attempt = 0; attempt < 3; attempt++) {
        moveClockTo(Date.from(TestData.T0.plus(Duration.ofHours(1 + attempt))));
        deliverMail();
      }
    } finally {
      smtp.setPort(workingPort);
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(bf.getId()).count()).isEqualTo(1);

    // the event: confirmation, reminder, Alice joins (a Zoom webhook names her by e-mail), attendance
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    Representative alice = representatives.findForInvitee(campaignId(campaign), "UN").get(0);
    participantJoined(alice);
    simulator.recordMinutes(alice.registrantId(), 80);
    runJob(un, Elements.EVENT_OVER);
    runJob(un, Elements.COLLECT_ATTENDANCE);
    runJob(un, Elements.SEND_ATTENDANCE_LETTERS);
    deliverMail();
    assertThat(mailTo(ALICE)).extracting(m -> m.getSubject()).anyMatch(s -> s.startsWith("Registration confirmed"));

    List<String> lines = lines();
    assertThat(lines).as("the log was captured").isNotEmpty();
    assertThat(lines).as("operators still learn what failed")
        .anyMatch(l -> l.contains(ug.getBusinessKey()))
        .anyMatch(l -> l.contains("/app/mails/"));
    List<String> secrets = new ArrayList<>(List.of(ALICE, ALICE_NAME, REFUSED, REFUSED_NAME));
    for (Invitee invitee : TestData.DIRECTORY) {
      secrets.addAll(List.of(invitee.presidentEmail(), invitee.secretaryEmail(), invitee.presidentName()));
    }
    secrets.addAll(tokens);
    for (String secret : secrets) {
      assertThat(lines).as("log lines naming %s", secret).noneMatch(l -> l.contains(secret));
    }
    assertThat(lines).as("log lines with an e-mail address").noneMatch(l -> l.matches("(?s).*[\\w.+-]+@[\\w-]+\\.[\\w.-]+.*"));
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private void participantJoined(Representative rep) throws Exception {
    String body = "{\"event\":\"meeting.participant_joined\",\"event_ts\":1,\"payload\":{\"object\":{\"id\":\""
        + event.meetingId() + "\",\"participant\":{\"user_name\":\"" + rep.fullName() + "\",\"email\":\""
        + rep.email() + "\"}}}}";
    long ts = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = "v0=" + java.util.HexFormat.of().formatHex(
        mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("x-zm-signature", signature);
    headers.set("x-zm-request-timestamp", Long.toString(ts));
    ResponseEntity<String> r = http.postForEntity("/zoom/webhook", new HttpEntity<>(body, headers), String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    webhookEvents.awaitIdle();
  }

  private List<String> replyTokens() {
    List<String> tokens = new ArrayList<>();
    for (String text : jdbc.queryForList("select body_text from mail_outbox where body_text like '%/reply/%'", String.class)) {
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        if (!tokens.contains(m.group(1))) {
          tokens.add(m.group(1));
        }
      }
    }
    return tokens;
  }

  private String tokenFor(ProcessInstance invitation) {
    String text = jdbc.queryForObject(
        "select body_text from mail_outbox where business_key = ? and kind = 'INVITATION'", String.class,
        invitation.getBusinessKey());
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("csrf field").isTrue();
    return m.group(1);
  }

  private static HttpEntity<MultiValueMap<String, String>> form(String csrf) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("csrf", csrf);
    form.add("answer", "nominate");
    form.add("rows", "1");
    form.add("n0.name", ALICE_NAME);
    form.add("n0.function", "Senator");
    form.add("n0.role", "MP");
    form.add("n0.email", ALICE);
    form.add("n0.language", "en");
    form.add("action", "send");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return new HttpEntity<>(form, headers);
  }

  /** Every captured event as an operator reads it: the message and each exception's message. */
  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(log.list)) {
      StringBuilder line = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
