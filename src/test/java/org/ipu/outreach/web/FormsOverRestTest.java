package org.ipu.outreach.web;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every Camunda Form completed through the REST API the way Tasklist does it (load the deployed form,
 * load its variables, submit), as the staff user with the authorizations the application grants.
 */
class FormsOverRestTest extends OutreachTestBase {

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void staffUser() {
    users.ensureStaffAndManager();
  }

  @Test
  void theCampaignFormsWorkAsInTasklist() throws Exception {
    JsonNode startForm = get("/engine-rest/process-definition/key/campaign/deployed-start-form");
    Assertions.assertThat(startForm.get("id").asText()).isEqualTo("campaign-start");

    ResponseEntity<String> started =
        post("/engine-rest/process-definition/key/campaign/submit-form",
            Map.of("variables", Map.of(
                "eventCode", stringValue(event.code()),
                "inviteeScope", stringValue("kinds"),
                // a checklist is submitted as a JSON array
                "inviteeKinds", Map.of("type", "Json", "value", "[\"PERMANENT_OBSERVER\",\"ASSOCIATE_MEMBER\"]"),
                "replyDeadline", stringValue("2026-03-20"))));
    Assertions.assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String campaignId = json.readTree(started.getBody()).get("id").asText();

    JsonNode review = singleTask(campaignId);
    Assertions.assertThat(review.get("name").asText()).isEqualTo("Review letter and invitee list");
    Assertions.assertThat(get("/engine-rest/task/" + review.get("id").asText() + "/deployed-form").get("id").asText())
        .isEqualTo("review-campaign");
    JsonNode shown = get("/engine-rest/task/" + review.get("id").asText() + "/form-variables");
    Assertions.assertThat(shown.get("inviteeCount").get("value").asInt()).isEqualTo(2);
    Assertions.assertThat(shown.get("languageCounts").get("value").asText()).isEqualTo("EN: 2");
    Assertions.assertThat(shown.get("sampleLetter").get("value").asText()).contains(event.title());

    ResponseEntity<String> approved =
        post("/engine-rest/task/" + review.get("id").asText() + "/submit-form",
            Map.of("variables", Map.of("reviewDecision", stringValue("approve"))));
    Assertions.assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ProcessInstance campaign = runtime.createProcessInstanceQuery().processInstanceId(campaignId).singleResult();
    assertThat(campaign).isWaitingAt(CampaignProcess.Elements.CHECK_MEETING);
  }

  @Test
  void aBadStartFormIsAnsweredWithTheProblemAndStartsNothing() throws Exception {
    ResponseEntity<String> refused =
        post("/engine-rest/process-definition/key/campaign/submit-form",
            Map.of("variables", Map.of("eventCode", stringValue("NO-SUCH-EVENT"), "inviteeScope", stringValue("all"))));
    // the engine's REST API answers a failed form submission with 500; Tasklist shows its message
    Assertions.assertThat(refused.getStatusCode().isError()).isTrue();
    Assertions.assertThat(json.readTree(refused.getBody()).get("message").asText())
        .contains("There is no event with the code 'NO-SUCH-EVENT'");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).count()).isZero();
  }

  @Test
  void theConfirmAndFollowUpFormsWorkAsInTasklist() throws Exception {
    ProcessInstance campaign = launchCampaign("ASSOCIATE_MEMBER");
    ProcessInstance eala = invitation(campaign, "EALA");
    runJob(eala, Elements.SEND_INVITATION);

    // staff record a reply that came by e-mail
    ResponseEntity<String> recorded =
        post("/api/campaigns/" + campaignId(campaign) + "/invitees/EALA/reply",
            Map.of("reply", "nominated", "representatives", List.of(Map.of(
                "name", "Fatuma Example", "function", "Member, Committee on Legal Affairs", "role", "MP",
                "committees", "Legal, Rules and Privileges", "email", "fatuma@eala.parliament.example",
                "language", "en"))));
    Assertions.assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode confirm = singleTask(eala.getId());
    String confirmId = confirm.get("id").asText();
    Assertions.assertThat(get("/engine-rest/task/" + confirmId + "/deployed-form").get("id").asText())
        .isEqualTo("confirm-representative");
    JsonNode nominee = get("/engine-rest/task/" + confirmId + "/form-variables");
    Assertions.assertThat(nominee.get("nomineeName").get("value").asText()).isEqualTo("Fatuma Example");
    Assertions.assertThat(nominee.get("nomineeEmail").get("value").asText()).isEqualTo("fatuma@eala.parliament.example");
    Assertions.assertThat(nominee.get("parliamentName").get("value").asText()).isEqualTo("East African Legislative Assembly");

    ResponseEntity<String> confirmed =
        post("/engine-rest/task/" + confirmId + "/submit-form",
            Map.of("variables", Map.of("confirmDecision", stringValue("confirm"), "confirmComment", stringValue("ok"))));
    Assertions.assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(eala).isWaitingAt(Elements.REGISTER_REPRESENTATIVES);

    // another parliament does not answer: the follow-up form
    ProcessInstance second = launchCampaignForFollowUp();
    JsonNode followUp = singleTask(second.getId());
    String followUpId = followUp.get("id").asText();
    Assertions.assertThat(get("/engine-rest/task/" + followUpId + "/deployed-form").get("id").asText()).isEqualTo("follow-up");
    Assertions.assertThat(get("/engine-rest/task/" + followUpId + "/form-variables").get("parliamentName").get("value").asText())
        .isEqualTo("Congreso de la Nación Argentina");
    ResponseEntity<String> incomplete =
        post("/engine-rest/task/" + followUpId + "/submit-form",
            Map.of("variables", Map.of("followUpOutcome", stringValue("nominated"), "nomineeName", stringValue("X"))));
    Assertions.assertThat(incomplete.getStatusCode().isError()).isTrue();
    Assertions.assertThat(json.readTree(incomplete.getBody()).get("message").asText()).contains("Nominee email is missing");
    assertThat(second).isWaitingAt(Elements.FOLLOW_UP);
    ResponseEntity<String> done =
        post("/engine-rest/task/" + followUpId + "/submit-form",
            Map.of("variables", Map.of("followUpOutcome", stringValue("noAnswer"))));
    Assertions.assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(second).isEnded();
  }

  @Test
  void aReplyWithBadFieldsIsRefusedWithEveryFieldNamedAndStoresNothing() throws Exception {
    ProcessInstance campaign = launchCampaign("ASSOCIATE_MEMBER");
    runJob(invitation(campaign, "EALA"), Elements.SEND_INVITATION);

    ResponseEntity<String> refused =
        post("/api/campaigns/" + campaignId(campaign) + "/invitees/EALA/reply",
            Map.of("reply", "nominated", "representatives", List.of(Map.of(
                "name", "<script>alert(1)</script>", "role", "SENATOR", "email", "nobody", "language", "de"))));

    Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Assertions.assertThat(json.readTree(refused.getBody()).get("errors").toString())
        .contains("representatives[0].function is missing")
        .contains("representatives[0].role must be MP or STAFF")
        .contains("'nobody' is not a valid e-mail address")
        .contains("interpretation language must be en, fr or es");
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "EALA")).isEmpty();
  }

  @Test
  void aReplyRecordedOverTheApiDoesWhatTheReplyPageDoes() throws Exception {
    ProcessInstance campaign = launchCampaign("ASSOCIATE_MEMBER");
    ProcessInstance eala = invitation(campaign, "EALA");
    runJob(eala, Elements.SEND_INVITATION);
    deliverMail();
    String path = "/api/campaigns/" + campaignId(campaign) + "/invitees/EALA/reply";
    Map<String, Object> fatuma = Map.of(
        "name", "Fatuma Example", "function", "Member", "role", "MP", "email", "fatuma@eala.parliament.example",
        "language", "en");
    Map<String, Object> juma = Map.of(
        "name", "Juma Example", "function", "Clerk", "role", "STAFF", "email", "juma@eala.parliament.example",
        "language", "fr");

    Assertions.assertThat(post(path, Map.of("reply", "nominated", "representatives", List.of(fatuma))).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Assertions.assertThat(post(path, Map.of("reply", "nominated", "representatives", List.of(juma))).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // the first nominee is replaced, as on the reply page, and the parliament is told each time
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "EALA"))
        .extracting(r -> r.fullName() + ":" + r.status())
        .containsExactly("Fatuma Example:WITHDRAWN", "Juma Example:NOMINATED");
    deliverMail();
    Assertions.assertThat(mailTo(TestData.EALA.presidentEmail()))
        .extracting(jakarta.mail.internet.MimeMessage::getSubject)
        .filteredOn(subject -> subject.startsWith("Your reply about"))
        .hasSize(2);
    Assertions.assertThat(jdbc.queryForList(
            "select recorded_by from invitation_reply where invitee_code = 'EALA'", String.class))
        .containsExactly(TestUsers.STAFF, TestUsers.STAFF);

    // a decline with its reason ends the invitation; afterwards the API says the invitation is closed
    Assertions.assertThat(post(path, Map.of("reply", "declined", "reason", "Budget session")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(eala).isEnded().hasPassed(Elements.DECLINED);
    ResponseEntity<String> late = post(path, Map.of("reply", "nominated", "representatives", List.of(fatuma)));
    Assertions.assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    Assertions.assertThat(late.getBody()).contains("takes no reply now");
    ResponseEntity<String> unknown =
        post("/api/campaigns/" + campaignId(campaign) + "/invitees/NOPE/reply", Map.of("reply", "declined"));
    Assertions.assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    Assertions.assertThat(representatives.findForInvitee(campaignId(campaign), "EALA")).hasSize(2);
  }

  @Test
  void theStartPageShowsWhereEachCampaignStands() {
    ProcessInstance campaign = launchCampaign("ASSOCIATE_MEMBER");
    runJob(invitation(campaign, "EALA"), Elements.SEND_INVITATION);
    decline(campaignId(campaign), "EALA");

    ResponseEntity<String> page = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity("/app", String.class);
    Assertions.assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    Assertions.assertThat(page.getBody())
        .contains(campaignId(campaign))
        .contains("COMPLETED")
        .contains("DECLINED: 1");
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private ProcessInstance launchCampaignForFollowUp() {
    event = TestData.newEvent();
    events.save(event);
    ProcessInstance campaign =
        startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "groups", CampaignProcess.Vars.INVITEE_GROUPS, "GRULAC"));
    tasks.complete(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(campaign).getId(),
        Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    ProcessInstance ar = invitation(campaign, "AR");
    runJob(ar, Elements.SEND_INVITATION);
    moveClockTo(Date.from(TestData.REPLY_DEADLINE));
    execute(job(Elements.REPLY_DEADLINE_REACHED, ar));
    return ar;
  }

  private JsonNode singleTask(String processInstanceId) throws Exception {
    JsonNode list = get("/engine-rest/task?processInstanceId=" + processInstanceId);
    Assertions.assertThat(list).hasSize(1);
    return list.get(0);
  }

  private static Map<String, Object> stringValue(String value) {
    return Map.of("value", value, "type", "String");
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> r = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(path, String.class);
    Assertions.assertThat(r.getStatusCode()).as("GET " + path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  private ResponseEntity<String> post(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
