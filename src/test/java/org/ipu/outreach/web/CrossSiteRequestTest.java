package org.ipu.outreach.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.invitation.InvitationProcess.Vars;
import org.ipu.outreach.representative.Representative;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every state-changing route of /api, /app and /engine-rest, sent as a hostile page in the staff
 * member's (or the administrator's) browser would send it (form posts, multipart, text/plain or no body,
 * the browser's cached credentials, the page's Origin or only its Referer): refused, and nothing in the
 * database changed, timers and jobs included. The same requests from our own origin, or from a script
 * without Origin and Referer, go through.
 */
@TestPropertySource(properties = {"camunda.bpm.admin-user.id=demo", "camunda.bpm.admin-user.password=demo"})
class CrossSiteRequestTest extends OutreachTestBase {

  static final String EVIL = "https://evil.example";
  static final String CSV_HEADER =
      "code,name,country,kind,groups,language,president_name,salutation,president_email,secretary_email,time_zone\n";
  static final String HOSTILE_DIRECTORY = CSV_HEADER
      + "UN,United Nations,United States,Permanent Observer,Twelve Plus,en,Mallory,\"Dear Madam President,\","
      + "mallory@evil.example,,America/New_York\n";

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  @LocalServerPort int port;

  /** What the routes act on: a registered representative, a failed letter, a timer due in a week. */
  Fixture fixture;

  record Fixture(String campaignId, long representativeId, String registrantId, long failedMailId, String timerJobId) {}

  /** One hostile request: a route and the body a page can send there without a preflight. */
  record Route(String name, HttpMethod method, String path, String user, MediaType type, Object body) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  void world() {
    users.ensureStaffAndManager();
    ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
    tasks.complete(task(campaign).getId(), Map.of(CampaignProcess.Vars.REVIEW_DECISION, "approve"));
    launchAll(campaign);
    ProcessInstance un = invitation(campaign, "UN");
    ProcessInstance ug = invitation(campaign, "UG");
    runJob(un, Elements.SEND_INVITATION);
    runJob(ug, Elements.SEND_INVITATION);
    runJob(invitation(campaign, "BF"), Elements.SEND_INVITATION);
    nominate(campaignId(campaign), "UN", List.of(nominee("Alice Example", "alice@un.parliament.example")));
    tasks.complete(task(un).getId(), Map.of(Vars.CONFIRM_DECISION, "confirm"));
    runJob(un, Elements.REGISTER_REPRESENTATIVES);
    registrations.registerDue();
    Representative alice = representatives.findForInvitee(campaignId(campaign), "UN").get(0);
    long mail = jdbc.queryForObject("select min(id) from mail_outbox", Long.class);
    jdbc.update("update mail_outbox set status = 'FAILED' where id = ?", mail);
    String timer = jobAt(ug, Elements.FIRST_REMINDER_DUE).getId();
    fixture = new Fixture(campaignId(campaign), alice.id(), alice.registrantId(), mail, timer);
  }

  static Stream<Arguments> hostileRequests() {
    List<Arguments> rows = new ArrayList<>();
    for (String header : List.of("Origin: " + EVIL, "Referer: " + EVIL + "/attack.html", "Origin: null")) {
      for (int route = 0; route < ROUTES; route++) {
        rows.add(Arguments.of(route, header));
      }
    }
    return rows.stream();
  }

  static final int ROUTES = 11;

  /** The hostile form of route {@code n}, on the fixture. */
  Route route(int n) {
    Fixture f = fixture;
    MediaType form = MediaType.APPLICATION_FORM_URLENCODED;
    return switch (n) {
      case 0 -> new Route("reply over the API, as text/plain", HttpMethod.POST,
          "/api/campaigns/" + f.campaignId() + "/invitees/UG/reply", TestUsers.STAFF, MediaType.TEXT_PLAIN,
          "{\"reply\":\"declined\"}");
      case 1 -> new Route("withdraw a representative, no body", HttpMethod.POST,
          "/api/representatives/" + f.representativeId() + "/withdraw", TestUsers.STAFF, null, null);
      case 2 -> new Route("attendance upload, multipart", HttpMethod.POST,
          "/api/campaigns/" + f.campaignId() + "/attendance-report", TestUsers.STAFF, MediaType.MULTIPART_FORM_DATA,
          file("report.csv", "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"));
      case 3 -> new Route("directory import, multipart", HttpMethod.POST, "/api/directory/import", TestUsers.STAFF,
          MediaType.MULTIPART_FORM_DATA, file("directory.csv", HOSTILE_DIRECTORY));
      case 4 -> new Route("directory import, text/plain", HttpMethod.POST, "/api/directory/import", TestUsers.STAFF,
          MediaType.TEXT_PLAIN, HOSTILE_DIRECTORY);
      case 5 -> new Route("event, PUT", HttpMethod.PUT, "/api/events/EVIL-EVENT", TestUsers.STAFF,
          MediaType.APPLICATION_JSON, EVENT);
      case 6 -> new Route("staff reply form", HttpMethod.POST, "/app/replies/" + f.campaignId() + "/BF", TestUsers.STAFF,
          form, fields("answer", "decline", "action", "send"));
      case 7 -> new Route("send a letter again", HttpMethod.POST, "/app/mails/" + f.failedMailId() + "/resend",
          TestUsers.STAFF, form, fields());
      case 8 -> new Route("simulator minutes", HttpMethod.POST, "/app/simulator/" + f.registrantId(), TestUsers.STAFF,
          form, fields("minutes", "90"));
      case 9 -> new Route("deployment over /engine-rest, multipart", HttpMethod.POST, "/engine-rest/deployment/create",
          "demo", MediaType.MULTIPART_FORM_DATA, deployment());
      case 10 -> new Route("job execution over /engine-rest", HttpMethod.POST,
          "/engine-rest/job/" + f.timerJobId() + "/execute", "demo", null, null);
      default -> throw new IllegalArgumentException("no route " + n);
    };
  }

  @ParameterizedTest(name = "[{index}] route {0} with {1}")
  @MethodSource("hostileRequests")
  void aCrossSiteRequestIsRefusedAndChangesNothing(int n, String header) {
    Route route = route(n);
    String before = state();

    ResponseEntity<String> answer = send(route, header);

    assertThat(answer.getStatusCode().value()).as("%s: %s", route, answer.getBody()).isEqualTo(403);
    assertThat(answer.getBody()).contains("Cross-site request refused");
    assertThat(state()).as(route.name()).isEqualTo(before);
  }

  /** The same routes from one of our own pages, and from a script that sends neither header. */
  @Test
  void theSameRequestsFromOurOwnPagesOrAScriptGoThrough() {
    String ours = "Origin: http://localhost:" + port;
    for (int n = ROUTES - 1; n >= 0; n--) { // the withdrawal (1) after the simulator's minutes (8)
      Route route = legitimate(route(n));
      ResponseEntity<String> answer = send(route, n % 2 == 0 ? ours : null);
      assertThat(answer.getStatusCode().value()).as("%s: %s", route, answer.getBody()).isBetween(200, 399);
    }
    assertThat(jdbc.queryForObject("select president_email from invitee where code = 'UN'", String.class))
        .isEqualTo("mallory@evil.example");
  }

  /** What our own pages and clients send on the routes whose hostile form is refused by its type too. */
  private Route legitimate(Route hostile) {
    if (hostile.name().startsWith("reply over the API")) {
      return new Route(hostile.name(), hostile.method(), hostile.path(), hostile.user(), MediaType.APPLICATION_JSON,
          hostile.body());
    }
    if (hostile.name().equals("directory import, text/plain")) {
      return new Route(hostile.name(), hostile.method(), hostile.path(), hostile.user(), MediaType.parseMediaType("text/csv"),
          hostile.body());
    }
    if (hostile.name().equals("attendance upload, multipart")) {
      return new Route(hostile.name(), hostile.method(), hostile.path(), hostile.user(), hostile.type(),
          file("report.csv", ATTENDANCE));
    }
    if (hostile.name().equals("staff reply form")) {
      String page = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(hostile.path(), String.class).getBody();
      Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
      assertThat(csrf.find()).as(page).isTrue();
      return new Route(hostile.name(), hostile.method(), hostile.path(), hostile.user(), hostile.type(),
          fields("csrf", csrf.group(1), "answer", "decline", "action", "send"));
    }
    return hostile;
  }

  private ResponseEntity<String> send(Route route, String header) {
    HttpHeaders headers = new HttpHeaders();
    if (route.type() != null) {
      headers.setContentType(route.type());
    }
    if (header != null) {
      String[] nameValue = header.split(": ", 2);
      headers.set(nameValue[0], nameValue[1]);
    }
    return http.withBasicAuth(route.user(), route.user())
        .exchange(route.path(), route.method(), new HttpEntity<>(route.body(), headers), String.class);
  }

  /** Everything a route could change: our tables, the engine's deployments, jobs (due dates, retries) and runs. */
  private String state() {
    StringBuilder s = new StringBuilder();
    for (String query : List.of(
        "select * from invitee order by code",
        "select * from outreach_event order by code",
        "select * from representative order by id",
        "select id, status, attempts, next_attempt_at from mail_outbox order by id",
        "select * from simulated_registrant order by registrant_id",
        "select count(*) from attendance_upload_session",
        "select count(*) from invitation_reply",
        "select count(*) from act_re_deployment",
        "select id_, duedate_, retries_, lock_exp_time_, exception_msg_ from act_ru_job order by id_",
        "select id_, act_id_ from act_ru_execution order by id_",
        "select count(*) from act_hi_taskinst")) {
      s.append(query).append(" -> ").append(jdbc.queryForList(query)).append('\n');
    }
    return s.toString();
  }

  static ByteArrayResource fileResource(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  static MultiValueMap<String, Object> file(String name, String content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", fileResource(name, content));
    return parts;
  }

  static MultiValueMap<String, Object> deployment() {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "evil");
    parts.add("data", fileResource("evil.bpmn", AuthorizationMatrixTest.PROBE_BPMN));
    return parts;
  }

  static MultiValueMap<String, String> fields(String... nameValue) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      form.add(nameValue[i], nameValue[i + 1]);
    }
    return form;
  }

  static final String EVENT = """
      {"title": "Evil", "timeZone": "Europe/Zurich", "start": "2027-09-26T15:00", "end": "2027-09-26T16:30",
       "replyDeadline": "2027-09-15T23:59", "meetingId": "85746352411", "interpretationLanguages": ["en"],
       "audienceNote": "x", "signatoryName": "x", "signatoryTitle": "x"}""";

  static final String ATTENDANCE = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
      + "Alice Example,alice@un.parliament.example,04/01/2026 03:00:00 PM,04/01/2026 04:20:00 PM,80\n";
}
