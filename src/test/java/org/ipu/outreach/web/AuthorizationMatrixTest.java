package org.ipu.outreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may do what: the table "Who may do what" of docs/operations.md, read from there, one request per
 * cell, as each user over HTTP against the running application; a refused request must change nothing.
 */
@TestPropertySource(properties = {"camunda.bpm.admin-user.id=demo", "camunda.bpm.admin-user.password=demo"})
class AuthorizationMatrixTest extends OutreachTestBase {

  static final String ANONYMOUS = "anonymous";
  /** The table's user columns, in order (the administrator is the demo profile's). */
  static final List<String> USERS = List.of(ANONYMOUS, TestUsers.STAFF, TestUsers.MANAGER, "demo", TestUsers.OUTSIDER);
  static final Path DOC = Path.of("docs/operations.md");
  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

  @LocalServerPort int port;
  @Autowired TestUsers users;

  /** The campaign under review, its review task and the task's escalation timer, made once for the table. */
  static String campaignId;
  static String taskId;
  static String jobId;
  /** An invitation of a launched campaign, in which nobody has a task. */
  static String invitationId;

  static Stream<Arguments> matrix() throws Exception {
    String doc = Files.readString(DOC);
    String table = doc.substring(doc.indexOf("<!-- authorization-matrix -->"), doc.indexOf("<!-- /authorization-matrix -->"));
    List<Arguments> rows = new ArrayList<>();
    for (String line : table.lines().skip(3).toList()) {
      String[] cells = line.split("\\|");
      String[] request = cells[1].trim().replace("`", "").split(" ", 2);
      for (int u = 0; u < USERS.size(); u++) {
        String answer = cells[3 + u].trim();
        if (!answer.equals("-")) {
          rows.add(Arguments.of(USERS.get(u), request[0], request[1], Integer.parseInt(answer)));
        }
      }
    }
    assertThat(rows).as("rows of the matrix in %s", DOC).hasSizeGreaterThan(100);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("matrix")
  void answers(String user, String method, String resource, int expected) throws Exception {
    users.ensureStaffAndManager();
    fixture();
    String path = resource.replace("{campaign}", campaignId).replace("{task}", taskId).replace("{job}", jobId)
        .replace("{invitation}", invitationId);
    Map<String, Object> before = state();
    HttpResponse<String> response;
    if (path.startsWith(LOGIN)) {
      response = login(new Session(), user, path.substring(LOGIN.length()));
    } else if (path.startsWith("/camunda/")) {
      Session session = new Session();
      if (!user.equals(ANONYMOUS)) {
        assertThat(login(session, user, "tasklist").statusCode()).isEqualTo(200);
      }
      response = session.send(HttpRequest.newBuilder(url(path)).GET());
    } else {
      response = basic(user, method, path);
    }
    assertThat(response.statusCode()).as("%s %s as %s: %s", method, resource, user, response.body()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(state()).as("what %s %s as %s left", method, resource, user).isEqualTo(before);
    }
  }

  private void fixture() {
    if (invitationId == null || runtime.createProcessInstanceQuery().processInstanceId(invitationId).count() == 0) {
      invitationId = invitation(launchCampaign("ASSOCIATE_MEMBER"), "EALA").getId();
    }
    if (campaignId == null || runtime.createProcessInstanceQuery().processInstanceId(campaignId).count() == 0) {
      // an event has one campaign: the one under review gets its own
      event = TestData.newEvent();
      events.save(event);
      ProcessInstance campaign = startCampaign(Map.of(CampaignProcess.Vars.INVITEE_SCOPE, "all"));
      campaignId = campaign.getId();
      taskId = tasks.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();
      jobId = management.createJobQuery().processInstanceId(campaign.getId()).singleResult().getId();
    }
  }

  /** What a refused request must leave as it was. */
  private Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    for (String pi : List.of(campaignId, invitationId)) {
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
      state.put(pi + " suspended", instance == null ? null : instance.isSuspended());
      state.put(pi + " variables", instance == null ? null : new TreeMap<>(runtime.getVariables(pi)));
      state.put(pi + " activities", instance == null ? null : runtime.getActiveActivityIds(pi));
      state.put(pi + " jobs", management.createJobQuery().processInstanceId(pi).list().stream()
          .map(j -> j.getId() + " " + j.getDuedate() + " " + j.getRetries() + " " + j.getExceptionMessage()).sorted().toList());
      state.put(pi + " tasks", tasks.createTaskQuery().processInstanceId(pi).list().stream()
          .map(t -> t.getId() + " " + t.getAssignee() + " " + tasks.getVariables(t.getId())).sorted().toList());
    }
    state.put("invitations", runtime.createProcessInstanceQuery().processDefinitionKey("parliament-invitation").count());
    state.put("deployments", engine.getRepositoryService().createDeploymentQuery().count());
    state.put("users", engine.getIdentityService().createUserQuery().count());
    state.put("outsider's groups", engine.getIdentityService().createGroupQuery().groupMember(TestUsers.OUTSIDER).count());
    state.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery().count());
    return state;
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
    } else if (path.endsWith("/suspended")) {
      body = "{\"suspended\": true}";
    } else if (path.contains("/variables/")) {
      body = "{\"value\": \"probe\", \"type\": \"String\"}";
    } else if (path.startsWith("/engine-rest/task/") && path.endsWith("/variables")) {
      body = "{\"modifications\": {\"reviewComment\": {\"value\": \"matrix\", \"type\": \"String\"}}}";
    } else if (path.equals("/engine-rest/authorization/create")) {
      // ALL on every process instance for the outsider
      body = "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"" + TestUsers.OUTSIDER + "\", \"resourceType\": 8, \"resourceId\": \"matrix-" + user + "\"}";
    } else if (path.equals("/engine-rest/identity/verify")) {
      body = "{\"username\": \"" + TestUsers.STAFF + "\", \"password\": \"guess\"}";
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
