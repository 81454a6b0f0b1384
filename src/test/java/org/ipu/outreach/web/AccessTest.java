package org.ipu.outreach.web;

import org.assertj.core.api.Assertions;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Nobody reaches the engine, its data or our staff pages without logging in. */
class AccessTest extends OutreachTestBase {

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;

  @BeforeEach
  void usersExist() {
    users.ensureStaffAndManager();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/engine-rest/process-definition",
    "/engine-rest/task",
    "/engine-rest/process-instance",
    "/engine-rest/deployment",
    "/camunda/api/engine/engine/default/task",
    "/api/directory",
    "/app/mails",
    "/app/simulator",
    "/app"
  })
  void anonymousCallersGet401(String path) {
    Assertions.assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-definition", "/api/directory", "/app/mails", "/app/simulator"})
  void aWrongPasswordGets401(String path) {
    // not staff: the engine delays a user's logins after failed attempts, which would slow the other tests
    Assertions.assertThat(http.withBasicAuth(TestUsers.MANAGER, "guess").getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/directory", "/app/mails", "/app/simulator", "/app"})
  void staffReachTheirPages(String path) {
    Assertions.assertThat(http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/directory", "/app/mails", "/app/simulator"})
  void aUserOutsideTheSecretariatIsRefused(String path) {
    Assertions.assertThat(
            http.withBasicAuth(TestUsers.OUTSIDER, TestUsers.OUTSIDER).getForEntity(path, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** Zoom webhooks are off here (no secret token): the answer comes before the 50 MB body is sent. */
  @org.junit.jupiter.api.Test
  void theWebhookAnswers404WithoutReadingTheBodyWhenWebhooksAreOff() throws Exception {
    org.ipu.outreach.support.RawHttp.Answer answer = org.ipu.outreach.support.RawHttp.send(port,
        "POST /zoom/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
            + 50 * 1024 * 1024,
        "{\"event\":".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.Duration.ofSeconds(10));

    Assertions.assertThat(answer.status()).isEqualTo(404);
    Assertions.assertThat(answer.after()).isLessThan(java.time.Duration.ofSeconds(5));
  }

  @org.junit.jupiter.api.Test
  void theEngineAppliesAuthorizationsToAuthenticatedCallers() {
    // logged in but without any grant: the engine lists no process definition
    String body = http.withBasicAuth(TestUsers.OUTSIDER, TestUsers.OUTSIDER)
        .getForEntity("/engine-rest/process-definition", String.class).getBody();
    Assertions.assertThat(body).isEqualTo("[]");
    String staffSees = http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF)
        .getForEntity("/engine-rest/process-definition", String.class).getBody();
    Assertions.assertThat(staffSees).contains("\"key\":\"campaign\"").contains("\"key\":\"parliament-invitation\"");
  }
}
