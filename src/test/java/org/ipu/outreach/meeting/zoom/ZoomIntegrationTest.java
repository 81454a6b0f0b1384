package org.ipu.outreach.meeting.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.meeting.RegistrationBatcher;
import org.ipu.outreach.meeting.simulator.SimulatedMeetingPlatform;
import org.ipu.outreach.meeting.simulator.SimulatorController;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with Zoom credentials configured, Zoom being a local WireMock fake: the
 * simulator is gone, a campaign registers on Zoom and takes attendance from Zoom's report, Zoom's
 * webhooks are verified and applied, and the uploaded CSV report replaces the API when there is none.
 */
class ZoomIntegrationTest extends OutreachTestBase {

  static final String SECRET = "webhook-secret-token";
  static final String ALICE = "alice@un.parliament.example";
  static final String BOB = "bob@un.parliament.example";
  static final FakeZoomRegistrants fake = new FakeZoomRegistrants();
  static final WireMockServer zoom = new WireMockServer(wireMockConfig().dynamicPort().extensions(fake));

  static {
    zoom.start();
  }

  @DynamicPropertySource
  static void zoomAccount(DynamicPropertyRegistry registry) {
    registry.add("outreach.zoom.account-id", () -> "acc-1");
    registry.add("outreach.zoom.client-id", () -> "client-1");
    registry.add("outreach.zoom.client-secret", () -> "client-secret");
    registry.add("outreach.zoom.webhook-secret-token", () -> SECRET);
    registry.add("outreach.zoom.oauth-base-url", zoom::baseUrl);
    registry.add("outreach.zoom.api-base-url", zoom::baseUrl);
    registry.add("outreach.zoom.requests-per-second", () -> "100");
  }

  @AfterAll
  static void stopZoom() {
    zoom.stop();
  }

  @Autowired ApplicationContext context;
  @Autowired ZoomWebhookEvents webhookEvents;
  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;

  @BeforeEach
  void fakeZoom() {
    zoom.resetAll();
    fake.reset();
    users.ensureStaffAndManager();
    zoom.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
        "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3599,\"api_url\":\"" + zoom.baseUrl() + "\"}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + event.meetingId())).willReturn(okJson(
        "{\"id\":" + event.meetingId() + ",\"type\":2,\"host_email\":\"host@ipu.example\",\"join_url\":\"https://zoom.example/j/1\","
            + "\"settings\":{\"approval_type\":1,\"language_interpretation\":{\"enable\":true,\"interpreters\":["
            + "{\"email\":\"fr@ipu.example\",\"languages\":\"US,FR\"},{\"email\":\"es@ipu.example\",\"languages\":\"US,ES\"}]}}}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/registrants"))
        .willReturn(aResponse().withTransformers(FakeZoomRegistrants.NAME)));
    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/batch_registrants"))
        .willReturn(aResponse().withTransformers(FakeZoomRegistrants.NAME)));
  }

  @Test
  void aCampaignCannotStartWhileTheZoomMeetingIsNotSetUpAndNothingIsRecorded() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + event.meetingId())).willReturn(okJson(
        "{\"id\":" + event.meetingId() + ",\"type\":2,\"settings\":{\"approval_type\":0,"
            + "\"language_interpretation\":{\"enable\":true,\"interpreters\":[{\"email\":\"fr@ipu.example\",\"languages\":\"US,FR\"}]}}}")));

    Assertions.assertThatThrownBy(() -> startCampaign(Map.of(org.ipu.outreach.campaign.CampaignProcess.Vars.INVITEE_SCOPE, "all")))
        .hasMessageContaining("The campaign cannot start until the event's meeting is set up")
        .hasMessageContaining("'Manually approve'")
        .hasMessageContaining("no interpretation for ES");
    Assertions.assertThat(jdbc.queryForObject("select count(*) from campaign where event_code = ?", Integer.class, event.code()))
        .isZero();
  }

  @Test
  void aZoomServerErrorAtCampaignStartIsRetriedBeforeInvitingAndThenAReadableIncident() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + event.meetingId())).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withHeader("x-zm-trackingid", "v=2.0;clid=eu;rid=WEB_503")
        .withBody("{\"code\":503,\"message\":\"Service temporarily unavailable\"}")));

    // the start form is not refused with Zoom's raw error: the check is repeated before anyone is invited
    ProcessInstance campaign = startCampaign(Map.of(org.ipu.outreach.campaign.CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(org.ipu.outreach.campaign.CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    assertThat(campaign).isWaitingAt(org.ipu.outreach.campaign.CampaignProcess.Elements.CHECK_MEETING);

    for (int attempt = 1; attempt <= 3; attempt++) {
      var check = jobAt(campaign, org.ipu.outreach.campaign.CampaignProcess.Elements.CHECK_MEETING);
      Assertions.assertThat(check.getRetries()).as("attempt %d", attempt).isEqualTo(attempt == 1 ? 3 : 4 - attempt);
      Assertions.assertThatThrownBy(() -> management.executeJob(check.getId())).hasMessageContaining("HTTP 503");
    }

    var incident = runtime.createIncidentQuery().processInstanceId(campaign.getId()).singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo(org.ipu.outreach.campaign.CampaignProcess.Elements.CHECK_MEETING);
    Assertions.assertThat(incident.getIncidentMessage())
        .startsWith("The meeting platform could not be asked whether meeting " + event.meetingId() + " of event " + event.code() + " is ready")
        .contains("no invitation of campaign " + campaignId(campaign) + " has been sent")
        .contains("Zoom answered HTTP 503, code 503 (Service temporarily unavailable)").contains("WEB_503")
        .contains("retry it in Cockpit")
        .doesNotContain("Exception");
    Assertions.assertThat(invitationsOf(campaign)).isZero();

    // Zoom is back: the operator retries the step, and the invitations go out
    fakeZoom();
    management.setJobRetries(jobAt(campaign, org.ipu.outreach.campaign.CampaignProcess.Elements.CHECK_MEETING).getId(), 1);
    launchAll(campaign);
    Assertions.assertThat(invitationsOf(campaign)).isEqualTo(5);
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(campaign.getId()).count()).isZero();
  }

  private long invitationsOf(ProcessInstance campaign) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(org.ipu.outreach.invitation.InvitationProcess.KEY)
        .processInstanceBusinessKeyLike(campaignId(campaign) + ":%").count();
  }

  @Test
  void zoomReplacesTheSimulatorWhenAnAccountIsConfigured() {
    Assertions.assertThat(context.getBean(MeetingPlatform.class)).isInstanceOf(ZoomMeetingPlatform.class);
    Assertions.assertThat(context.getBeansOfType(SimulatedMeetingPlatform.class)).isEmpty();
    Assertions.assertThat(context.getBeansOfType(SimulatorController.class)).isEmpty();
  }

  @Test
  void aCampaignRegistersOnZoomAndTakesAttendanceFromZoomsReport() throws Exception {
    ProcessInstance un = registered(ALICE, BOB);
    List<Representative> reps = representatives.findForInvitee(campaignOf(un), "UN");
    Assertions.assertThat(reps).allSatisfy(r -> {
      Assertions.assertThat(r.status()).isEqualTo(RepresentativeStatus.REGISTERED);
      Assertions.assertThat(r.registrantId()).startsWith("new-");
      Assertions.assertThat(r.joinUrl()).startsWith("https://zoom.example/w/1?tk=new-");
    });
    Assertions.assertThat(fake.batchSizes).containsExactly(2);
    Representative alice = reps.stream().filter(r -> r.email().equals(ALICE)).findFirst().orElseThrow();
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    // the confirmation letter carries Zoom's personal join link
    Assertions.assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient_to like ? and body_text like ?",
        Integer.class, "%" + ALICE + "%", "%" + alice.joinUrl() + "%")).isEqualTo(1);

    zoom.stubFor(get(urlPathEqualTo("/v2/past_meetings/" + event.meetingId() + "/instances")).willReturn(okJson(
        "{\"meetings\":[{\"uuid\":\"evt1\",\"start_time\":\"" + TestData.EVENT_START.toInstant() + "\"}]}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/past_meetings/evt1")).willReturn(okJson(
        "{\"uuid\":\"evt1\",\"start_time\":\"" + TestData.EVENT_START.toInstant() + "\",\"end_time\":\""
            + TestData.EVENT_END.toInstant() + "\"}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/report/meetings/evt1/participants")).willReturn(okJson(
        "{\"page_size\":300,\"total_records\":4,\"next_page_token\":\"\",\"participants\":["
            + "{\"id\":\"a\",\"name\":\"Alice Example\",\"user_email\":\"\",\"registrant_id\":\"" + alice.registrantId() + "\",\"duration\":1200},"
            + "{\"id\":\"a\",\"name\":\"Alice Example\",\"user_email\":\"\",\"registrant_id\":\"" + alice.registrantId() + "\",\"duration\":1500},"
            + "{\"id\":\"x\",\"name\":\"Host\",\"user_email\":\"host@ipu.example\",\"registrant_id\":\"\",\"duration\":5400},"
            + "{\"id\":\"\",\"name\":\"Bobby (iPhone)\",\"user_email\":\"\",\"registrant_id\":\"\",\"duration\":5100}]}")));
    toAttendance(un);

    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().attendedMinutes()).isEqualTo(45);
    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().attended()).isTrue();
    // Bob is absent and someone joined from a phone: staff are asked whether that was Bob (the host is nobody to review)
    assertThat(un).isWaitingAt(Elements.REVIEW_UNMATCHED_ATTENDEES);

    // as Tasklist does it: the deployed form, its variables (serialised), a checklist submitted as JSON
    Representative bob = reps.stream().filter(r -> r.email().equals(BOB)).findFirst().orElseThrow();
    String taskId = task(un).getId();
    JsonNode form = new ObjectMapper().readTree(staffGet("/engine-rest/task/" + taskId + "/deployed-form").getBody());
    Assertions.assertThat(form.path("id").asText()).isEqualTo("review-unmatched-attendees");
    JsonNode variables = new ObjectMapper().readTree(staffGet("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").getBody());
    Assertions.assertThat(variables.path("unmatchedAttendees").path("value").asText()).isEqualTo("Bobby (iPhone), 85 min");
    Assertions.assertThat(variables.path("absentRepresentatives").path("type").asText()).isEqualTo("Json");
    JsonNode options = variables.path("absentRepresentatives").path("value");
    Assertions.assertThat(options.isTextual() ? options.asText() : options.toString())
        .contains("Bob Example <" + BOB + ">").contains("\"" + bob.id() + "\"");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> submitted = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).postForEntity(
        "/engine-rest/task/" + taskId + "/submit-form",
        new HttpEntity<>(Map.of("variables", Map.of(Vars.ATTENDED_REPRESENTATIVE_IDS,
            Map.of("type", "Json", "value", "[\"" + bob.id() + "\"]"))), headers),
        String.class);

    Assertions.assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Assertions.assertThat(representatives.find(bob.id()).orElseThrow().attended()).isTrue();
    assertThat(un).isWaitingAt(Elements.SEND_ATTENDANCE_LETTERS);
  }

  @Test
  void onePersonZoomRefusesAmongFortyBecomesOneStaffTaskAndIsNotAddedAgain() {
    ProcessInstance campaign = startCampaign(Map.of(org.ipu.outreach.campaign.CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(org.ipu.outreach.campaign.CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    List<String> codes = List.of("UN", "UG", "BF", "AR", "EALA");
    for (String code : codes) {
      ProcessInstance pi = invitation(campaign, code);
      runJob(pi, Elements.SEND_INVITATION);
      nominate(campaignId(campaign), code, java.util.stream.IntStream.rangeClosed(1, 8)
          .mapToObj(i -> nominee("Person" + i + " " + code, "p" + i + "@" + code.toLowerCase() + ".parliament.example")).toList());
      tasks.createTaskQuery().processInstanceId(pi.getId()).list()
          .forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
      runJob(pi, Elements.REGISTER_REPRESENTATIVES);
    }
    String refused = "p3@ug.parliament.example";
    fake.refuse(refused, 300, "Invalid field: {email} is not a valid email address.");

    Assertions.assertThat(registrations.registerDue()).isEqualTo(new RegistrationBatcher.Round(4, 1, 0, 0));

    List<Representative> all = codes.stream().flatMap(c -> representatives.findForInvitee(campaignId(campaign), c).stream()).toList();
    Assertions.assertThat(all).hasSize(40);
    Assertions.assertThat(all).filteredOn(r -> r.status() == RepresentativeStatus.REGISTERED).hasSize(39);
    Representative person = all.stream().filter(r -> r.email().equals(refused)).findFirst().orElseThrow();
    Assertions.assertThat(person.status()).isEqualTo(RepresentativeStatus.CONFIRMED);
    ProcessInstance ug = invitation(campaign, "UG");
    assertThat(ug).isWaitingAt(Elements.CORRECT_REFUSED_REPRESENTATIVE).hasPassed(Elements.REGISTRANT_REFUSED);
    for (String code : List.of("UN", "BF", "AR", "EALA")) {
      assertThat(invitation(campaign, code)).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    }
    List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery()
        .taskDefinitionKey(Elements.CORRECT_REFUSED_REPRESENTATIVE).list();
    Assertions.assertThat(open).hasSize(1);
    org.camunda.bpm.engine.task.Task fix = open.get(0);
    Assertions.assertThat(fix.getName()).isEqualTo("Correct the refused representative: Parliament of Uganda");
    Assertions.assertThat(tasks.getVariable(fix.getId(), "nomineeName")).isEqualTo("Person3 UG");
    Assertions.assertThat(tasks.getVariable(fix.getId(), "nomineeEmail")).isEqualTo(refused);
    Assertions.assertThat((String) tasks.getVariable(fix.getId(), Vars.REFUSAL_REASON))
        .contains("code 300").contains("not a valid email address");
    Assertions.assertThat(runtime.createIncidentQuery().count()).isZero();

    // later rounds (a retry, the next interval) do not offer the refused person to Zoom again
    for (int round = 1; round <= 3; round++) {
      moveClockTo(Date.from(TestData.T0.plus(Duration.ofMinutes(10L * round))));
      Assertions.assertThat(registrations.registerDue()).isEqualTo(new RegistrationBatcher.Round(0, 0, 0, 0));
    }
    Assertions.assertThat(fake.addsPerEmail.get(refused)).isEqualTo(1);

    // a bad address is refused by the form and changes nothing
    String fixId = fix.getId();
    Assertions.assertThatThrownBy(() -> tasks.complete(fixId, Map.of(Vars.REFUSAL_DECISION, "retry", Vars.CORRECTED_EMAIL, "p3 at ug")))
        .hasMessageContaining("'p3 at ug' is not a valid e-mail address");
    assertThat(ug).isWaitingAt(Elements.CORRECT_REFUSED_REPRESENTATIVE);

    // staff correct the address: registered with it, the others of Uganda untouched
    String corrected = "person3@ug.parliament.example";
    tasks.complete(fixId, Map.of(Vars.REFUSAL_DECISION, "retry", Vars.CORRECTED_EMAIL, corrected));
    runJob(ug, Elements.REGISTER_REPRESENTATIVES);
    Assertions.assertThat(registrations.registerDue()).isEqualTo(new RegistrationBatcher.Round(1, 0, 0, 0));

    assertThat(ug).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Representative after = representatives.find(person.id()).orElseThrow();
    Assertions.assertThat(after.email()).isEqualTo(corrected);
    Assertions.assertThat(after.status()).isEqualTo(RepresentativeStatus.REGISTERED);
    Assertions.assertThat(fake.addsPerEmail.get(refused)).isEqualTo(1);
    Assertions.assertThat(fake.addsPerEmail.get(corrected)).isEqualTo(1);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "UG"))
        .allSatisfy(r -> Assertions.assertThat(r.status()).isEqualTo(RepresentativeStatus.REGISTERED));
  }

  private ResponseEntity<String> staffGet(String path) {
    ResponseEntity<String> r = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(path, String.class);
    Assertions.assertThat(r.getStatusCode()).as("GET " + path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
    return r;
  }

  @Test
  void aWithdrawnRepresentativeIsCancelledOnZoomAndLeftOutOfAttendance() {
    ProcessInstance un = registered(ALICE, BOB);
    Representative bob = representatives.findForInvitee(campaignOf(un), "UN").stream()
        .filter(r -> r.email().equals(BOB)).findFirst().orElseThrow();
    zoom.stubFor(put(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/registrants/status"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("{\"code\":500,\"message\":\"down\"}")));

    ResponseEntity<String> refused = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .postForEntity("/api/representatives/" + bob.id() + "/withdraw", null, String.class);

    Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    Assertions.assertThat(representatives.find(bob.id()).orElseThrow().status()).isEqualTo(RepresentativeStatus.REGISTERED);

    zoom.stubFor(put(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/registrants/status")).willReturn(aResponse().withStatus(204)));
    ResponseEntity<String> done = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .postForEntity("/api/representatives/" + bob.id() + "/withdraw", null, String.class);

    Assertions.assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    zoom.verify(putRequestedFor(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/registrants/status"))
        .withRequestBody(equalToJson("{\"action\":\"cancel\",\"registrants\":[{\"id\":\"" + bob.registrantId() + "\",\"email\":\"" + BOB + "\"}]}")));
    Assertions.assertThat(representatives.find(bob.id()).orElseThrow().status()).isEqualTo(RepresentativeStatus.WITHDRAWN);
  }

  @Test
  void aSubstituteReplacesTheRegisteredRepresentativeOnZoom() {
    ProcessInstance un = registered(ALICE);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Representative alice = representatives.findForInvitee(campaignOf(un), "UN").get(0);
    zoom.stubFor(put(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/registrants/status")).willReturn(aResponse().withStatus(204)));

    nominate(campaignOf(un), "UN", List.of(nominee("Bob Example", BOB)));
    tasks.complete(tasks.createTaskQuery().processInstanceId(un.getId())
        .taskDefinitionKey(Elements.CONFIRM_SUBSTITUTES).singleResult().getId(),
        Map.of(Vars.SUBSTITUTION_DECISION, "substitute"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(jobAt(un, Elements.SUBSTITUTE_REPRESENTATIVES));
    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(1);

    zoom.verify(putRequestedFor(urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/registrants/status"))
        .withRequestBody(equalToJson("{\"action\":\"cancel\",\"registrants\":[{\"id\":\"" + alice.registrantId()
            + "\",\"email\":\"" + ALICE + "\"}]}")));
    zoom.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathEqualTo("/v2/meetings/" + event.meetingId() + "/batch_registrants"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(BOB)));
    Assertions.assertThat(representatives.findForInvitee(campaignOf(un), "UN"))
        .extracting(Representative::email, Representative::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ALICE, RepresentativeStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple(BOB, RepresentativeStatus.REGISTERED));
    assertThat(un).isWaitingAt(Elements.SEND_SUBSTITUTES_CONFIRMATIONS);
  }

  // ---- webhooks ----------------------------------------------------------------------------------------

  @Test
  void zoomsUrlValidationIsAnswered() throws Exception {
    ResponseEntity<String> r = webhook("{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680}", SECRET, now());

    Assertions.assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal("qgg8vlvZRS6UYooatFL8Aw".getBytes(StandardCharsets.UTF_8)));
    Assertions.assertThat(r.getBody()).contains("\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"").contains("\"encryptedToken\":\"" + expected + "\"");
  }

  @Test
  void aParticipantJoiningMarksTheRepresentativeOnceAndARedeliveryIsNotAppliedAgain() {
    ProcessInstance un = registered(ALICE);
    Representative alice = representatives.findForInvitee(campaignOf(un), "UN").get(0);
    String body = "{\"event\":\"meeting.participant_joined\",\"event_ts\":1775048400000,\"payload\":{\"account_id\":\"acc-1\",\"object\":"
        + "{\"id\":\"" + event.meetingId() + "\",\"uuid\":\"abc==\",\"participant\":{\"user_name\":\"Alice\",\"email\":\"\","
        + "\"registrant_id\":\"" + alice.registrantId() + "\",\"join_time\":\"2026-04-01T13:01:00Z\"}}}}";

    ResponseEntity<String> first = webhook(body, SECRET, now());
    webhookEvents.awaitIdle();
    ResponseEntity<String> redelivered = webhook(body, SECRET, now());

    Assertions.assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(first.getBody()).contains("accepted");
    Assertions.assertThat(redelivered.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(redelivered.getBody()).contains("already received");
    Assertions.assertThat(jdbc.queryForObject("select count(*) from representative where id = ? and joined_live_at is not null",
        Integer.class, alice.id())).isEqualTo(1);
  }

  @Test
  void aTamperedBodyAWrongSecretAndAStaleTimestampAreRefusedAndChangeNothing() {
    ProcessInstance un = registered(ALICE);
    Representative alice = representatives.findForInvitee(campaignOf(un), "UN").get(0);
    int deliveries = jdbc.queryForObject("select count(*) from zoom_webhook_delivery", Integer.class);
    String body = "{\"event\":\"meeting.registration_cancelled\",\"event_ts\":1775048400001,\"payload\":{\"object\":{\"id\":"
        + event.meetingId() + ",\"registrant\":{\"id\":\"" + alice.registrantId() + "\",\"email\":\"" + ALICE + "\"}}}}";

    long ts = now();
    String signature = sign(SECRET, ts, body);
    ResponseEntity<String> tampered = postSigned(body.replace("cancelled", "approved"), signature, ts);
    ResponseEntity<String> wrongSecret = webhook(body, "not-the-secret", ts);
    ResponseEntity<String> stale = webhook(body, SECRET, ts - 301);
    ResponseEntity<String> unsigned = http.postForEntity("/zoom/webhook", json(body, new HttpHeaders()), String.class);

    Assertions.assertThat(List.of(tampered, wrongSecret, stale, unsigned))
        .allSatisfy(r -> Assertions.assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
    Assertions.assertThat(stale.getBody()).contains("5 minutes");
    webhookEvents.awaitIdle();
    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().status()).isEqualTo(RepresentativeStatus.REGISTERED);
    Assertions.assertThat(jdbc.queryForObject("select count(*) from zoom_webhook_delivery", Integer.class)).isEqualTo(deliveries);

    // the genuine request is applied
    Assertions.assertThat(webhook(body, SECRET, ts).getStatusCode()).isEqualTo(HttpStatus.OK);
    webhookEvents.awaitIdle();
    Assertions.assertThat(representatives.find(alice.id()).orElseThrow().status()).isEqualTo(RepresentativeStatus.WITHDRAWN);
  }

  @Test
  void theMeetingEndingBringsTheAttendanceCollectionForward() {
    ProcessInstance un = registered(ALICE);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    assertThat(un).isWaitingAt(Elements.EVENT_OVER);
    Instant ended = TestData.EVENT_END.toInstant().minus(Duration.ofMinutes(10)); // ended early
    moveClockTo(Date.from(ended));

    ResponseEntity<String> r = webhook("{\"event\":\"meeting.ended\",\"event_ts\":" + ended.toEpochMilli() + ",\"payload\":{\"object\":{\"id\":"
        + event.meetingId() + ",\"uuid\":\"4444AAAiAAAAAiAiAiiAii==\",\"end_time\":\"" + ended + "\"}}}", SECRET, ended.getEpochSecond());
    webhookEvents.awaitIdle();

    Assertions.assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(jobAt(un, Elements.EVENT_OVER).getDuedate()).isEqualTo(Date.from(ended.plus(Duration.ofMinutes(5))));
  }

  @Test
  void aRehearsalEndingTheDayBeforeOnTheSameMeetingChangesNothing() {
    ProcessInstance un = registered(ALICE);
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    Date planned = jobAt(un, Elements.EVENT_OVER).getDuedate();
    Instant rehearsalStart = TestData.EVENT_START.toInstant().minus(Duration.ofDays(1));
    Instant rehearsalEnd = rehearsalStart.plus(Duration.ofHours(1));
    moveClockTo(Date.from(rehearsalEnd));

    ResponseEntity<String> r = webhook("{\"event\":\"meeting.ended\",\"event_ts\":" + rehearsalEnd.toEpochMilli()
        + ",\"payload\":{\"object\":{\"id\":" + event.meetingId() + ",\"uuid\":\"5555BBBiAAAAAiAiAiiAii==\",\"start_time\":\""
        + rehearsalStart + "\",\"end_time\":\"" + rehearsalEnd + "\"}}}", SECRET, rehearsalEnd.getEpochSecond());
    webhookEvents.awaitIdle();

    Assertions.assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(jobAt(un, Elements.EVENT_OVER).getDuedate()).as("attendance still after the event").isEqualTo(planned);
    assertThat(un).isWaitingAt(Elements.EVENT_OVER);
  }

  @Test
  void aMeetingMovedInZoomAwayFromTheEventBecomesOneIncidentOnTheCampaignWithBothTimes() {
    ProcessInstance un = registered(ALICE);
    ProcessInstance campaign = runtime.createProcessInstanceQuery()
        .processDefinitionKey(org.ipu.outreach.campaign.CampaignProcess.KEY).processInstanceBusinessKey(campaignOf(un)).singleResult();
    runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    Date joiningReminder = jobAt(un, Elements.JOINING_REMINDER_DUE).getDuedate();
    Instant moved = TestData.EVENT_START.toInstant().plus(Duration.ofDays(1));

    // the secretariat moves the meeting a day later in Zoom (Zoom sends only what changed)
    Assertions.assertThat(meetingUpdated("{\"id\":" + event.meetingId() + ",\"start_time\":\"" + moved + "\"}", 1).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    webhookEvents.awaitIdle();

    var incident = runtime.createIncidentQuery().processInstanceId(campaign.getId()).singleResult();
    Assertions.assertThat(incident.getIncidentType()).isEqualTo(ZoomMeetingMoved.INCIDENT_TYPE);
    Assertions.assertThat(incident.getIncidentMessage())
        .contains("The Zoom meeting " + event.meetingId() + " was moved in Zoom and no longer matches event " + event.code())
        .contains("now starts Thursday 2 April 2026, 15:00 CEST (2026-04-02T13:00:00Z) and lasts 90 minutes")
        .contains("the event is Wednesday 1 April 2026, 15:00 CEST (2026-04-01T13:00:00Z) to Wednesday 1 April 2026, 16:30 CEST")
        .contains("'Change an event'");
    // nothing moved silently: the invitation keeps the event's times
    Assertions.assertThat(jobAt(un, Elements.JOINING_REMINDER_DUE).getDuedate()).isEqualTo(joiningReminder);

    // a second update away from the event: still one incident
    meetingUpdated("{\"id\":" + event.meetingId() + ",\"duration\":60}", 2);
    webhookEvents.awaitIdle();
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(campaign.getId()).count()).isEqualTo(1);

    // moved back to the event's time: the incident resolves itself and nothing else changes
    meetingUpdated("{\"id\":" + event.meetingId() + ",\"start_time\":\"" + TestData.EVENT_START.toInstant()
        + "\",\"duration\":90}", 3);
    webhookEvents.awaitIdle();
    Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(campaign.getId()).count()).isZero();
    Assertions.assertThat(jobAt(un, Elements.JOINING_REMINDER_DUE).getDuedate()).isEqualTo(joiningReminder);
  }

  @Test
  void aMeetingUpdateThatStillMatchesTheEventChangesNothing() {
    ProcessInstance un = registered(ALICE);
    meetingUpdated("{\"id\":" + event.meetingId() + ",\"start_time\":\"" + TestData.EVENT_START.toInstant()
        + "\",\"duration\":90,\"topic\":\"Panel (new title)\"}", 4);
    webhookEvents.awaitIdle();
    Assertions.assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
  }

  private ResponseEntity<String> meetingUpdated(String object, int n) {
    long ts = now();
    return webhook("{\"event\":\"meeting.updated\",\"event_ts\":" + (ts * 1000 + n) + ",\"payload\":{\"account_id\":\"acc-1\","
        + "\"operator\":\"secretariat@ipu.example\",\"object\":" + object + ",\"old_object\":{\"id\":" + event.meetingId() + "}}}",
        SECRET, ts);
  }

  // ---- CSV upload ------------------------------------------------------------------------------------------

  static final String ZOOM_EXPORT = "\uFEFFMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
      + "857 4635 2411,Parliamentary solidarity,04/01/2026 03:00:00 PM,04/01/2026 04:30:00 PM,host@ipu.example,92,4\n"
      + "\n"
      + "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room\n"
      + "Alice Example,alice@un.parliament.example,04/01/2026 02:58:10 PM,04/01/2026 03:20:00 PM,22,No,,No\n"
      + "Alice Example,alice@un.parliament.example,04/01/2026 03:21:00 PM,04/01/2026 04:00:00 PM,39,No,,No\n"
      + "\"Bob Example (Bob's iPad)\",,04/01/2026 03:05:00 PM,04/01/2026 04:30:00 PM,85,Yes,,No\n"
      + "Jean Visitor,,04/01/2026 03:05:00 PM,04/01/2026 03:15:00 PM,10,Yes,,No\n";

  @Test
  void anUploadedZoomExportReplacesTheApiAndIsMatchedTheSameWay() {
    ProcessInstance un = registered(ALICE, BOB);
    String campaignId = campaignOf(un);

    ResponseEntity<String> r = upload(campaignId, ZOOM_EXPORT);

    Assertions.assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(r.getBody()).contains("\"sessions\":4").contains("\"representativesMatched\":2")
        .contains("Jean Visitor, 10 min");
    toAttendance(un);
    List<Representative> reps = representatives.findForInvitee(campaignId, "UN");
    Assertions.assertThat(reps).extracting(Representative::email, Representative::attendedMinutes)
        .containsExactlyInAnyOrder(Assertions.tuple(ALICE, 61), Assertions.tuple(BOB, 85));
    zoom.verify(0, getRequestedFor(urlPathMatching("/v2/report/.*")));
    assertThat(un).isWaitingAt(Elements.SEND_ATTENDANCE_LETTERS);
  }

  @Test
  void aMalformedUploadIsRefusedWithItsLinesNamedAndTheEarlierUploadStays() {
    ProcessInstance un = registered(ALICE, BOB);
    String campaignId = campaignOf(un);
    upload(campaignId, ZOOM_EXPORT);

    ResponseEntity<String> bad = upload(campaignId, ZOOM_EXPORT.replace(",39,No", ",thirty-nine,No")
        + "Someone,,04/01/2026 03:05:00 PM\n");
    ResponseEntity<String> notAReport = upload(campaignId, "code,name\nUG,Uganda\n");

    Assertions.assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Assertions.assertThat(bad.getBody()).contains("Line 6: duration 'thirty-nine' is not a whole number of minutes")
        .contains("Line 9: 3 values where the header has 8");
    Assertions.assertThat(notAReport.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Assertions.assertThat(notAReport.getBody()).contains("not Zoom's participants report");
    Assertions.assertThat(jdbc.queryForObject("select sum(seconds) from attendance_upload_session where campaign_id = ?",
        Long.class, campaignId)).isEqualTo((22 + 39 + 85 + 10) * 60L);
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private ProcessInstance registered(String... emails) {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN",
        java.util.Arrays.stream(emails).map(e -> nominee(e.substring(0, 1).toUpperCase() + e.substring(1, e.indexOf('@')) + " Example", e)).toList());
    tasks.createTaskQuery().processInstanceId(un.getId()).list()
        .forEach(t -> tasks.complete(t.getId(), Map.of(Vars.CONFIRM_DECISION, "confirm")));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    Assertions.assertThat(registrations.registerDue().registered()).isEqualTo(1);
    assertThat(un).isWaitingAt(Elements.SEND_REGISTRATION_CONFIRMATIONS);
    return un;
  }

  private void toAttendance(ProcessInstance un) {
    if (jobAt(un, Elements.SEND_REGISTRATION_CONFIRMATIONS) != null) {
      runJob(un, Elements.SEND_REGISTRATION_CONFIRMATIONS);
    }
    runJob(un, Elements.JOINING_REMINDER_DUE);
    runJob(un, Elements.SEND_JOINING_REMINDER);
    runJob(un, Elements.EVENT_OVER);
    runJob(un, Elements.COLLECT_ATTENDANCE);
  }

  private String campaignOf(ProcessInstance un) {
    return un.getBusinessKey().split(":")[0];
  }

  private long now() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().getEpochSecond();
  }

  static String sign(String secret, long ts, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> webhook(String body, String secret, long ts) {
    return postSigned(body, sign(secret, ts, body), ts);
  }

  private ResponseEntity<String> postSigned(String body, String signature, long ts) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("x-zm-signature", signature);
    headers.set("x-zm-request-timestamp", String.valueOf(ts));
    return http.postForEntity("/zoom/webhook", json(body, headers), String.class);
  }

  private static HttpEntity<byte[]> json(String body, HttpHeaders headers) {
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private ResponseEntity<String> upload(String campaignId, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).postForEntity(
        "/api/campaigns/" + campaignId + "/attendance-report",
        new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class);
  }
}
