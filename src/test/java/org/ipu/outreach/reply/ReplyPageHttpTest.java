package org.ipu.outreach.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The reply page over plain HTTP: links in every letter that asks for a reply, status codes, CSRF,
 * rate limiting of wrong links, no other parliament's data, and the staff variant behind login.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplyPageHttpTest extends OutreachTestBase {

  private static final Pattern LINK = Pattern.compile("http://localhost:8080/reply/([A-Za-z0-9_-]{43})");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  @Autowired ReplyTokens tokens;

  @BeforeEach
  void usersExist() {
    users.ensureStaffAndManager();
  }

  @Test
  @Order(1)
  void everyLetterAskingForTheReplyCarriesItsOwnLinkInItsLanguageAndOnlyTheHashIsStored() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance bf = invitation(campaign, "BF");
    runJob(bf, Elements.SEND_INVITATION);
    moveClockTo(Date.from(TestData.T0.plus(java.time.Duration.ofDays(7))));
    runJob(bf, Elements.FIRST_REMINDER_DUE);
    runJob(bf, Elements.SEND_FIRST_REMINDER);

    List<String> texts =
        jdbc.queryForList(
            "select body_text from mail_outbox where business_key = ? order by id", String.class, bf.getBusinessKey());
    assertThat(texts).hasSize(2);
    String invitationToken = token(texts.get(0));
    String reminderToken = token(texts.get(1));
    assertThat(invitationToken).isNotEqualTo(reminderToken);
    assertThat(texts.get(0)).contains("Vous pouvez aussi répondre en ligne");
    String html =
        jdbc.queryForObject(
            "select body_html from mail_outbox where business_key = ? and kind = 'INVITATION'", String.class,
            bf.getBusinessKey());
    assertThat(html).contains("href=\"http://localhost:8080/reply/" + invitationToken + "\"");

    // both links open the same parliament's page
    for (String token : List.of(invitationToken, reminderToken)) {
      ResponseEntity<String> page = http.getForEntity("/reply/" + token, String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).contains("Assemblée législative de transition du Burkina Faso")
          .doesNotContain("Uganda", "Argentina");
      assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
      assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }
    // the table holds hashes only
    assertThat(jdbc.queryForList("select token_hash from reply_token where invitee_code = 'BF'", String.class))
        .hasSize(2)
        .doesNotContain(invitationToken, reminderToken)
        .contains(ReplyTokens.hash(invitationToken));
  }

  @Test
  @Order(2)
  void aFormWithoutItsCsrfFieldIsRefusedAndStoresNothing() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invitation(campaign, "UG");
    runJob(ug, Elements.SEND_INVITATION);
    String token = token(invitationText(ug));

    MultiValueMap<String, String> form = nomination("Agnes Example", "agnes@ug.parliament.example");
    form.add("csrf", "forged");
    ResponseEntity<String> answer = post("/reply/" + token, form, null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).contains("This form has expired. Please check your entries and send it again.");
    assertThat(representatives.findForInvitee(campaignId(campaign), "UG")).isEmpty();
    assertThat(ug).isWaitingAt(Elements.WAIT_FOR_REPLY);
  }

  @Test
  @Order(3)
  void htmlTypedIntoAFieldIsShownAsTextAndAnExpiredLinkAnswers410() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invitation(campaign, "UG");
    runJob(ug, Elements.SEND_INVITATION);
    String token = token(invitationText(ug));

    MultiValueMap<String, String> form = nomination("<script>alert(1)</script>", "not an address");
    form.add("csrf", csrf(http.getForEntity("/reply/" + token, String.class).getBody()));
    ResponseEntity<String> answer = post("/reply/" + token, form, null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.getBody()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
    assertThat(answer.getBody()).contains("Please enter a valid e-mail address");
    assertThat(representatives.findForInvitee(campaignId(campaign), "UG")).isEmpty();

    moveClockTo(Date.from(TestData.EVENT_END.toInstant()));
    assertThat(http.getForEntity("/reply/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
  }

  @Test
  @Order(4)
  void staffRecordAReplyBehindLoginWithTheSameForm() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ar = invitation(campaign, "AR");
    runJob(ar, Elements.SEND_INVITATION);
    String path = "/app/replies/" + campaignId(campaign) + "/AR";

    assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(TestUsers.OUTSIDER, TestUsers.OUTSIDER).getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> page = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(path, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("You are recording the reply of the Congreso de la Nación Argentina on its behalf");

    MultiValueMap<String, String> form = nomination("Ana Ejemplo", "ana@ar.parliament.example");
    form.add("csrf", "taken-from-another-form");
    assertThat(post(path, form, TestUsers.STAFF).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(representatives.findForInvitee(campaignId(campaign), "AR")).isEmpty();

    form.set("csrf", csrf(page.getBody()));
    ResponseEntity<String> answer = post(path, form, TestUsers.STAFF);
    // redirected to the confirmation page
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).contains("Thank you, we have received your reply");
    assertThat(ar).isWaitingAt(Elements.CONFIRM_REPRESENTATIVE);
    assertThat(representatives.findForInvitee(campaignId(campaign), "AR"))
        .extracting(Representative::fullName)
        .containsExactly("Ana Ejemplo");
    assertThat(jdbc.queryForObject(
            "select subject from mail_outbox where kind = 'REPLY_RECEIVED' and business_key = ?", String.class,
            ar.getBusinessKey()))
        .startsWith("Su respuesta sobre el debate en línea");
  }

  @Test
  @Order(99) // last: it blocks this client for the rest of the window
  void wrongLinksGet404AndTooManyFromOneClientGet429() {
    ProcessInstance campaign = launchCampaign("MEMBER");
    ProcessInstance ug = invitation(campaign, "UG");
    runJob(ug, Elements.SEND_INVITATION);
    String token = token(invitationText(ug));

    for (int i = 0; i < 10; i++) {
      ResponseEntity<String> wrong = http.getForEntity("/reply/wrong" + i, String.class);
      assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(wrong.getBody()).contains("Page not found").doesNotContain("Uganda");
    }
    ResponseEntity<String> blocked = http.getForEntity("/reply/" + token, String.class);
    assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(blocked.getHeaders().getFirst("Retry-After")).isEqualTo("600");

    moveClockTo(Date.from(TestData.T0.plus(java.time.Duration.ofMinutes(10))));
    assertThat(http.getForEntity("/reply/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private String invitationText(ProcessInstance pi) {
    return jdbc.queryForObject(
        "select body_text from mail_outbox where business_key = ? and kind = 'INVITATION'", String.class,
        pi.getBusinessKey());
  }

  private static String token(String letter) {
    Matcher m = LINK.matcher(letter);
    assertThat(m.find()).as("reply link in the letter").isTrue();
    return m.group(1);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("csrf field").isTrue();
    return m.group(1);
  }

  private static MultiValueMap<String, String> nomination(String name, String email) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("answer", "nominate");
    form.add("rows", "1");
    form.add("n0.name", name);
    form.add("n0.function", "Senator");
    form.add("n0.role", "MP");
    form.add("n0.email", email);
    form.add("n0.language", "es");
    form.add("action", "send");
    return form;
  }

  private ResponseEntity<String> post(String path, MultiValueMap<String, String> form, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, user);
    return client.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }
}
