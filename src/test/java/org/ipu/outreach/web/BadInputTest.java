package org.ipu.outreach.web;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.mail.MailKind;
import org.ipu.outreach.mail.MailOutbox;
import org.ipu.outreach.mail.OutboxMail;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bad input over HTTP, as a user or a script would send it, against the whole application and its
 * database: each gets a 4xx answer naming what is wrong, and nothing changes. The importer's and the
 * validators' own rules are unit-tested in DirectoryCsvImporterTest, EventControllerTest and
 * NominationValidatorTest; this checks the answers and that nothing was stored.
 */
class BadInputTest extends OutreachTestBase {

  static final String HEADER =
      "code,name,country,kind,groups,language,president_name,salutation,president_email,secretary_email,time_zone\n";
  static final String SCRIPT = "<script>alert('x')</script>";

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  @Autowired MailOutbox outbox;

  @BeforeEach
  void staff() {
    users.ensureStaffAndManager();
  }

  static String row(String code, String president, String email, String language) {
    return code + ",Parliament of " + code + ",Country,Member,African," + language + "," + president
        + ",\"Dear President,\"," + email + ",,Africa/Kampala\n";
  }

  static Stream<Arguments> badDirectories() {
    String good = row("NEW", "New President", "president@new.example", "en");
    return Stream.of(
        Arguments.of("wrong encoding", (HEADER + good + row("BF", "Adama Ouédraogo", "p@bf.example", "fr"))
            .getBytes(StandardCharsets.ISO_8859_1), "UTF-8"),
        Arguments.of("missing column", (HEADER.replace(",time_zone", "") + good.replace(",Africa/Kampala", ""))
            .getBytes(StandardCharsets.UTF_8), "time_zone"),
        Arguments.of("duplicate code", (HEADER + good + row("NEW", "Again", "again@new.example", "en"))
            .getBytes(StandardCharsets.UTF_8), "duplicate code"),
        Arguments.of("bad e-mail", (HEADER + good + row("BAD", "Bad Mail", "president at bad.example", "en"))
            .getBytes(StandardCharsets.UTF_8), "president_email"),
        Arguments.of("unknown language", (HEADER + good + row("DE", "German", "p@de.example", "de"))
            .getBytes(StandardCharsets.UTF_8), "language"),
        Arguments.of("10 MB file", tenMegabytes(), "MB"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDirectories")
  void aBadDirectoryIsRefusedWithItsReasonAndImportsNothing(String what, byte[] csv, String named) {
    List<Map<String, Object>> before = directory();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    ResponseEntity<String> answer = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .exchange("/api/directory/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);

    Assertions.assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    Assertions.assertThat(answer.getBody()).contains(named);
    Assertions.assertThat(directory()).isEqualTo(before);
  }

  static byte[] tenMegabytes() {
    byte[] file = new byte[10 * 1024 * 1024];
    byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(header, 0, file, 0, header.length);
    java.util.Arrays.fill(file, header.length, file.length, (byte) 'a');
    return file;
  }

  /** A 10 MB file as a browser uploads it (the server.tomcat.max-swallow-size lets the answer arrive). */
  @Test
  void aTenMegabyteUploadAsAFormFileIsRefusedWithItsReason() {
    List<Map<String, Object>> before = directory();
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(tenMegabytes()) {
      @Override
      public String getFilename() {
        return "directory.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<String> answer = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .exchange("/api/directory/import", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

    Assertions.assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(413);
    Assertions.assertThat(answer.getBody()).contains("5 MB");
    Assertions.assertThat(directory()).isEqualTo(before);
  }

  static Stream<Arguments> badEvents() {
    String valid = """
        {"title": "%s", "timeZone": "Europe/Zurich", "start": "%s", "end": "%s", "replyDeadline": "2030-09-15T23:59",
         "meetingId": "85746352411", "interpretationLanguages": ["en"], "audienceNote": "MPs", "signatoryName": "M. C.",
         "signatoryTitle": "Secretary General"}
        """;
    return Stream.of(
        Arguments.of("start in the past", valid.formatted("Panel", "2020-09-26T15:00", "2020-09-26T16:00"), "in the past"),
        Arguments.of("end before start", valid.formatted("Panel", "2030-09-26T15:00", "2030-09-26T14:00"),
            "end must be after start"),
        Arguments.of("title too long", valid.formatted("x".repeat(301), "2030-09-26T15:00", "2030-09-26T16:00"),
            "title is longer than 300"),
        Arguments.of("missing fields", "{\"title\": \"Panel\"}", "start is missing"),
        Arguments.of("wrong type", valid.formatted("Panel", "2030-09-26T15:00", "2030-09-26T16:00")
            .replace("[\"en\"]", "{\"en\": true}"), "'interpretationLanguages' has the wrong type"),
        Arguments.of("not JSON", "{\"title\": ", "JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvents")
  void aBadEventIsRefusedWithItsReasonAndChangesNothing(String what, String json, String named) {
    List<Map<String, Object>> before = jdbc.queryForList("select * from outreach_event order by code");

    ResponseEntity<String> answer = json(HttpMethod.PUT, "/api/events/BAD-EVENT", json);

    Assertions.assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    Assertions.assertThat(answer.getBody()).contains(named);
    Assertions.assertThat(jdbc.queryForList("select * from outreach_event order by code")).isEqualTo(before);
  }

  @Test
  void badRepliesAreRefusedWithTheirReasonAndRecordNothing() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    String path = "/api/campaigns/" + campaignId(campaign) + "/invitees/UN/reply";

    Map<String, String> cases = Map.of(
        "{}", "reply must be 'nominated' or 'declined'",
        "{\"reply\": \"nominated\", \"representatives\": \"Alice\"}", "'representatives' has the wrong type",
        "{\"reply\": \"nominated\", \"representatives\": [{\"name\": \"" + "A".repeat(201)
            + "\", \"function\": \"MP\", \"role\": \"MP\", \"email\": \"a@un.example\", \"language\": \"en\"}]}",
        "name",
        "{\"reply\": \"nominated\", \"representatives\": [{\"name\": \"Alice\", \"role\": \"KING\","
            + " \"email\": \"not-an-address\", \"language\": \"de\"}]}", "email");
    cases.forEach((body, named) -> {
      ResponseEntity<String> answer = json(HttpMethod.POST, path, body);
      Assertions.assertThat(answer.getStatusCode().value()).as(body + " -> " + answer.getBody()).isEqualTo(400);
      Assertions.assertThat(answer.getBody()).as(body).contains(named);
    });

    Assertions.assertThat(jdbc.queryForObject("select count(*) from representative where campaign_id = ?",
        Integer.class, campaignId(campaign))).isZero();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(un).isWaitingAt(Elements.WAIT_FOR_REPLY);
  }

  @Test
  void scriptInANomineesNameIsShownAsTextInTheLetterAndOnTheMailPages() {
    ProcessInstance campaign = launchCampaign("PERMANENT_OBSERVER");
    ProcessInstance un = invitation(campaign, "UN");
    runJob(un, Elements.SEND_INVITATION);
    ResponseEntity<String> recorded = json(HttpMethod.POST,
        "/api/campaigns/" + campaignId(campaign) + "/invitees/UN/reply",
        "{\"reply\": \"nominated\", \"representatives\": [{\"name\": \"" + SCRIPT.replace("'", "\\u0027")
            + " Example\", \"function\": \"<b>Chair</b>\", \"role\": \"MP\", \"email\": \"alice@un.example\","
            + " \"language\": \"en\"}]}");
    Assertions.assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(200);
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "reject"));

    OutboxMail letter = outbox.forBusinessKey(un.getBusinessKey()).stream()
        .filter(m -> m.kind() == MailKind.NOMINEE_NOT_ACCEPTED).findFirst().orElseThrow();
    Assertions.assertThat(letter.html()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    Assertions.assertThat(letter.text()).as("plain text needs no escaping").contains(SCRIPT);

    String list = page("/app/mails");
    String detail = page("/app/mails/" + letter.id());
    for (String html : List.of(list, detail)) {
      Assertions.assertThat(html).doesNotContain(SCRIPT).doesNotContain("<script>");
    }
    Assertions.assertThat(list).contains("&lt;script&gt;");
    // the letter's HTML is shown in a sandboxed frame, itself escaped once more inside the attribute
    Assertions.assertThat(detail).contains("sandbox=\"\"").contains("&amp;lt;script&amp;gt;");
  }

  private String page(String path) {
    ResponseEntity<String> r = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(path, String.class);
    Assertions.assertThat(r.getStatusCode().value()).isEqualTo(200);
    return r.getBody();
  }

  private ResponseEntity<String> json(HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private List<Map<String, Object>> directory() {
    return jdbc.queryForList("select * from invitee order by code");
  }
}
