package org.ipu.outreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may do what: user (anonymous, staff, manager, the demo administrator, a logged-in user outside
 * every group) x resource (the Tasklist, Cockpit and Admin webapps, the engine's REST API, our own
 * endpoints and pages), with the answer expected. Every row is one request.
 */
@TestPropertySource(properties = {"camunda.bpm.admin-user.id=demo", "camunda.bpm.admin-user.password=demo"})
class AuthorizationMatrixTest extends OutreachTestBase {

  static final String ANONYMOUS = "anonymous";
  static final String STAFF = TestUsers.STAFF;
  static final String MANAGER = TestUsers.MANAGER;
  static final String DEMO = "demo";
  static final String OUTSIDER = TestUsers.OUTSIDER;

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired TestUsers users;

  /** The campaign under review and its review task, made once for the whole table. */
  static String processInstanceId;
  static String taskId;
  /** The review task's escalation timer: a job a refused request must leave as it was. */
  static String jobId;

  static Stream<Arguments> matrix() {
    List<Arguments> rows = new ArrayList<>();
    // Webapps: logging in to an application needs the application's authorization
    row(rows, "POST", "webapp:tasklist", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 403);
    row(rows, "POST", "webapp:cockpit", ANONYMOUS, 401, STAFF, 403, MANAGER, 200, DEMO, 200, OUTSIDER, 403);
    row(rows, "POST", "webapp:admin", ANONYMOUS, 401, STAFF, 403, MANAGER, 403, DEMO, 200, OUTSIDER, 403);
    // Webapp APIs (session of the webapp)
    row(rows, "GET", "session:/camunda/api/engine/engine/default/task", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200);
    // the applications' pages need the application's authorization
    row(rows, "GET", "session:/camunda/app/cockpit/default/", STAFF, 403, MANAGER, 200, DEMO, 200);
    row(rows, "GET", "session:/camunda/app/admin/default/", STAFF, 403, MANAGER, 403, DEMO, 200);
    // Camunda's design: Cockpit's data API answers any logged-in user with what the engine's
    // authorizations allow them to read, the same as /engine-rest (here: our two processes)
    row(rows, "GET", "session:/camunda/api/cockpit/plugin/base/default/process-definition/statistics", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200);
    // The engine's REST API
    row(rows, "GET", "/engine-rest/deployment", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 200);
    row(rows, "POST", "/engine-rest/deployment/create", ANONYMOUS, 401, STAFF, 403, MANAGER, 403, DEMO, 200, OUTSIDER, 403);
    row(rows, "GET", "/engine-rest/process-instance/{pi}", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 404);
    row(rows, "DELETE", "/engine-rest/process-instance/{pi}", ANONYMOUS, 401, STAFF, 403, OUTSIDER, 403);
    row(rows, "GET", "/engine-rest/process-instance/{pi}/variables", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 403);
    row(rows, "GET", "/engine-rest/task/{task}", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 404);
    row(rows, "GET", "/engine-rest/task/{task}/variables", ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 403);
    // an invitation starts from its campaign's approved launch only, never by hand
    // (to a user without any right on it the definition does not even exist)
    row(rows, "POST", "/engine-rest/process-definition/key/parliament-invitation/start", ANONYMOUS, 401, STAFF, 403,
        OUTSIDER, 404);
    // running a job now or moving it: managers and administrators only, refused before the engine
    row(rows, "POST", "/engine-rest/job/{job}/execute", ANONYMOUS, 401, STAFF, 403, OUTSIDER, 403);
    row(rows, "PUT", "/engine-rest/job/{job}/duedate", ANONYMOUS, 401, STAFF, 403, OUTSIDER, 403);
    // what Admin does: creating a user
    row(rows, "POST", "/engine-rest/user/create", ANONYMOUS, 401, STAFF, 403, MANAGER, 403, DEMO, 204, OUTSIDER, 403);
    // Our own endpoints and pages
    for (String path : List.of("/api/directory", "/api/events", "/app/mails", "/app/simulator")) {
      row(rows, "GET", path, ANONYMOUS, 401, STAFF, 200, MANAGER, 200, DEMO, 200, OUTSIDER, 403);
    }
    return rows.stream();
  }

  private static void row(List<Arguments> rows, String method, String resource, Object... userAndStatus) {
    for (int i = 0; i < userAndStatus.length; i += 2) {
      rows.add(Arguments.of(userAndStatus[i], method, resource, userAndStatus[i + 1]));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("matrix")
  void answers(String user, String method, String resource, int expected) throws Exception {
    users.ensureStaffAndManager();
    fixture();
    String path = resource.replace("{pi}", processInstanceId).replace("{task}", taskId).replace("{job}", jobId);
    HttpResponse<String> response;
    if (path.startsWith("webapp:")) {
      response = login(new Session(), user, path.substring("webapp:".length()));
    } else if (path.startsWith("session:")) {
      Session session = new Session();
      if (!user.equals(ANONYMOUS)) {
        assertThat(login(session, user, "tasklist").statusCode()).isEqualTo(200);
      }
      response = session.send(HttpRequest.newBuilder(url(path.substring("session:".length()))).GET());
    } else {
      response = basic(user, method, path);
    }
    assertThat(response.statusCode()).as("%s %s as %s: %s", method, resource, user, response.body()).isEqualTo(expected);
  }

  private void fixture() {
    if (processInstanceId == null || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
      processInstanceId = campaign.getId();
      taskId = tasks.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();
      jobId = management.createJobQuery().processInstanceId(campaign.getId()).singleResult().getId();
    }
  }

  @org.junit.jupiter.api.Test
  void aRefusedJobExecutionOrMoveLeavesTheJobAsItWasAndStartsNoInvitation() throws Exception {
    users.ensureStaffAndManager();
    fixture();
    org.camunda.bpm.engine.runtime.Job before = management.createJobQuery().jobId(jobId).singleResult();
    for (String user : List.of(STAFF, OUTSIDER)) {
      assertThat(basic(user, "POST", "/engine-rest/job/" + jobId + "/execute").statusCode()).isEqualTo(403);
      assertThat(basic(user, "PUT", "/engine-rest/job/" + jobId + "/duedate").statusCode()).isEqualTo(403);
      assertThat(basic(user, "POST", "/engine-rest/process-definition/key/parliament-invitation/start").statusCode())
          .isIn(403, 404);
    }
    org.camunda.bpm.engine.runtime.Job after = management.createJobQuery().jobId(jobId).singleResult();
    assertThat(after.getDuedate()).isEqualTo(before.getDuedate());
    assertThat(after.getRetries()).isEqualTo(before.getRetries());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("parliament-invitation").count()).isZero();
  }

  private HttpResponse<String> basic(String user, String method, String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
    String body = null;
    String contentType = "application/json";
    if (path.equals("/engine-rest/deployment/create")) {
      String boundary = "matrixboundary";
      contentType = "multipart/form-data; boundary=" + boundary;
      body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n" + PROBE_BPMN + "\r\n--" + boundary + "--\r\n";
    } else if (path.equals("/engine-rest/user/create")) {
      body = newUser("rest" + user);
    } else if (path.endsWith("/duedate")) {
      body = "{\"duedate\": \"2026-03-03T09:00:00.000+0000\"}";
    } else if (path.endsWith("/start")) {
      body = "{}";
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    request.header("Content-Type", contentType);
    if (!user.equals(ANONYMOUS)) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String newUser(String id) {
    return "{\"profile\": {\"id\": \"" + id + "\"}, \"credentials\": {\"password\": \"x-Secret-123\"}}";
  }

  private HttpResponse<String> login(Session session, String user, String app) throws Exception {
    String form = user.equals(ANONYMOUS) ? "username=&password="
        : "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
    return session.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /**
   * A browser session of the webapps: cookies, and the CSRF token the webapps hand out (a new one with
   * each new session, e.g. after logging in), sent back on every request as the webapps' own client does.
   */
  private static final class Session {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      URI uri = request.build().uri();
      if (csrf() == null) {
        client.send(HttpRequest.newBuilder(uri.resolve("/camunda/app/tasklist/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
      }
      if (csrf() != null) {
        request.header("X-XSRF-TOKEN", csrf());
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).reduce((a, b) -> b)
          .orElse(null);
    }
  }

  static final String PROBE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="probe"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          targetNamespace="http://ipu.example.org/probe">
        <bpmn:process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D"><bpmn:startEvent id="s"/></bpmn:process>
      </bpmn:definitions>
      """;
}
