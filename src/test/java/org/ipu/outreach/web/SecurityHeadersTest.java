package org.ipu.outreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * No other site may frame our pages or run anything on them: every answer, pages, refusals and error
 * pages alike, carries X-Frame-Options, a Content-Security-Policy with frame-ancestors, nosniff and a
 * Referrer-Policy. Camunda's webapps keep their own policy and may frame themselves.
 */
class SecurityHeadersTest extends OutreachTestBase {

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;

  @BeforeEach
  void staff() {
    users.ensureStaffAndManager();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @CsvSource({
    "/app, staff, 200",
    "/app/mails, staff, 200",
    "/app/simulator, staff, 200",
    "/app/mails/999999, staff, 404",
    "/app/no-such-page, staff, 404",
    "/app, anonymous, 401",
    "/app/mails, outsider, 403",
    "/api/directory, staff, 200",
    "/api/directory, anonymous, 401",
    "/reply/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, anonymous, 404",
    "/simulator/join/no-such-registrant, anonymous, 404",
    "/no-such-page, anonymous, 404",
  })
  void everyAnswerOfOursForbidsFramingAndForeignContent(String path, String user, int status) {
    ResponseEntity<String> answer = get(path, user);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    HttpHeaders h = answer.getHeaders();
    assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(h.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'");
    assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(h.getFirst("Referrer-Policy")).isIn("same-origin", "no-referrer");
  }

  @Test
  void aLettersPageShowsTheLetterUnderThePolicy() {
    var campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(campaign).getId(),
        Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    runJob(invitation(campaign, "UN"), Elements.SEND_INVITATION);
    long id = jdbc.queryForObject("select max(id) from mail_outbox", Long.class);

    ResponseEntity<String> page = get("/app/mails/" + id, TestUsers.STAFF);

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("<iframe sandbox=\"\" srcdoc=");
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void theReplyPagesKeepTheirStricterReferrerPolicy() {
    ResponseEntity<String> page = get("/reply/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "anonymous");
    // the reply pages' own, stricter choices stay
    assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void camundasWebappsMayFrameOnlyThemselves() {
    ResponseEntity<String> tasklist = get("/camunda/app/tasklist/default/", "anonymous");

    assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
    assertThat(tasklist.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(tasklist.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).isNotBlank();
  }

  private ResponseEntity<String> get(String path, String user) {
    TestRestTemplate client = user.equals("anonymous") ? http : http.withBasicAuth(user, user);
    return client.getForEntity(path, String.class);
  }
}
