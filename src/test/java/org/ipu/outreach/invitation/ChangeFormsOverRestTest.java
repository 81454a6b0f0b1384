package org.ipu.outreach.invitation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
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
 * "Change an event" and "Change a running campaign" started the way Tasklist starts them (its deployed
 * start form, then submit-form) by the staff user: a reschedule by a day and then a cancellation write
 * exactly one letter per person for each change, and nothing after the cancellation.
 */
class ChangeFormsOverRestTest extends InvitationScenarioBase {

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void staffUser() {
    users.ensureStaffAndManager();
  }

  @Test
  void aRescheduleByADayAndThenACancellationFromTasklistWriteOneLetterPerPersonForEach() throws Exception {
    confirmedAndRegistered(ALICE);
    Assertions.assertThat(get("/engine-rest/process-definition/key/event-change/deployed-start-form").get("id").asText())
        .isEqualTo("event-change");

    ResponseEntity<String> moved = submit("event-change", Map.of(
        "eventCode", text(event.code()), "change", text("reschedule"),
        "newStart", text(TestData.EVENT_START.plusDays(1).toLocalDateTime().toString()),
        "newEnd", text(TestData.EVENT_END.plusDays(1).toLocalDateTime().toString()),
        "changeReason", text("The plenary moved.")));
    Assertions.assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.OK);
    execute(jobAt(un, Elements.SEND_RESCHEDULE_LETTERS));
    // sent before the cancellation comes (a letter still waiting then is withdrawn)
    deliverMail();

    ResponseEntity<String> cancelled = submit("event-change", Map.of(
        "eventCode", text(event.code()), "change", text("cancel"), "changeReason", text("The panel is called off.")));
    Assertions.assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
    execute(jobAt(un, Elements.SEND_CANCELLATION_LETTERS));
    execute(jobAt(un, Elements.CANCEL_REGISTRATIONS));
    assertThat(un).isEnded();

    deliverMail();
    for (String person : java.util.List.of(UN_PRESIDENT, ALICE)) {
      Assertions.assertThat(subjects(mailTo(person), "New date and time")).as(person).hasSize(1);
      Assertions.assertThat(subjects(mailTo(person), "Cancelled")).as(person).hasSize(1);
    }
    Assertions.assertThat(plainText(subjects(mailTo(UN_PRESIDENT), "New date and time").get(0)))
        .contains("2 April 2026, 15:00–16:30 CEST");
    Assertions.assertThat(jdbc.queryForObject(
            "select count(*) from mail_outbox where business_key = ? and status = 'PENDING'", Integer.class,
            un.getBusinessKey()))
        .as("nothing waits to go out after the cancellation").isZero();
  }

  @Test
  void aLaterDeadlineFromTasklistIsAnnouncedOnceAndARefusalNamesItsReason() throws Exception {
    inviteUn();
    Assertions.assertThat(get("/engine-rest/process-definition/key/campaign-change/deployed-start-form").get("id").asText())
        .isEqualTo("campaign-change");

    ResponseEntity<String> refused = submit("campaign-change", Map.of(
        "campaignId", text(campaignId(campaign)), "campaignChange", text("extendDeadline"),
        "newReplyDeadline", text("2026-03-10")));
    // the engine's REST API answers a failed form submission with 500; Tasklist shows its message
    Assertions.assertThat(refused.getStatusCode().isError()).as(refused.getBody()).isTrue();
    Assertions.assertThat(refused.getBody()).contains("is not later than the current one");

    ResponseEntity<String> extended = submit("campaign-change", Map.of(
        "campaignId", text(campaignId(campaign)), "campaignChange", text("extendDeadline"),
        "newReplyDeadline", text("2026-03-23")));
    Assertions.assertThat(extended.getStatusCode()).as(extended.getBody()).isEqualTo(HttpStatus.OK);
    execute(jobAt(un, Elements.SEND_DEADLINE_EXTENDED));
    deliverMail();
    Assertions.assertThat(subjects(mailTo(UN_PRESIDENT), "Reply deadline extended")).hasSize(1);
  }

  private ResponseEntity<String> submit(String key, Map<String, Object> variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).exchange(
        "/engine-rest/process-definition/key/" + key + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> r = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(path, String.class);
    Assertions.assertThat(r.getStatusCode()).as("GET " + path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(r.getBody());
  }

  private static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }
}
