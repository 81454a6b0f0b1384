package org.ipu.outreach.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import org.ipu.outreach.support.RestartableSmtp;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator and a load balancer see over HTTP: health with its components, readiness and
 * liveness, and the Prometheus metrics, each with who may read it. The mail relay is a real SMTP server
 * of this test's own, stopped and started again.
 */
// tests switch metrics export off unless asked: the Prometheus endpoint is what is tested here
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OperatorViewTest {

  static final RestartableSmtp relay = new RestartableSmtp().start();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", relay::port);
  }

  @AfterAll
  static void stopRelay() {
    relay.stop();
  }

  @Autowired TestRestTemplate http;
  @Autowired TestUsers users;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void usersExist() {
    users.ensureStaffAndManager();
    jdbc.update("delete from mail_outbox");
  }

  TestRestTemplate manager() {
    return http.withBasicAuth(TestUsers.MANAGER, TestUsers.MANAGER);
  }

  JsonNode body(ResponseEntity<String> answer) throws Exception {
    return json.readTree(answer.getBody());
  }

  @Test
  void healthGoesDownWhenTheRelayStopsAndUpWhenItRunsAgain() throws Exception {
    ResponseEntity<String> up = manager().getForEntity("/actuator/health", String.class);
    assertThat(up.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode components = body(up).path("components");
    assertThat(body(up).path("status").asText()).isEqualTo("UP");
    assertThat(components.path("mail").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("mail").path("details").path("location").asText()).isEqualTo("127.0.0.1:" + relay.port());
    assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("meetingPlatform").path("details").path("platform").asText()).isEqualTo("simulator");
    // the tests switch the job executor off, as a node that only serves pages would
    assertThat(components.path("jobExecutor").path("details").path("enabled").asBoolean(true)).isFalse();
    assertThat(components.path("jobExecutor").path("details").has("openIncidents")).isTrue();

    relay.stop();
    try {
      ResponseEntity<String> down = manager().getForEntity("/actuator/health", String.class);
      assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(body(down).path("status").asText()).isEqualTo("DOWN");
      assertThat(body(down).path("components").path("mail").path("status").asText()).isEqualTo("DOWN");
      // letters wait in the outbox meanwhile: the node stays in the load balancer's rotation
      ResponseEntity<String> ready = http.getForEntity("/actuator/health/readiness", String.class);
      assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      relay.start();
    }

    ResponseEntity<String> again = manager().getForEntity("/actuator/health", String.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(again).path("components").path("mail").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void readinessAndLivenessAnswerAnonymousCallersWithTheStatusOnly() throws Exception {
    for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
      ResponseEntity<String> answer = http.getForEntity(probe, String.class);
      assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      assertThat(body(answer).path("status").asText()).isEqualTo("UP");
      assertThat(body(answer).has("components")).isFalse();
      // not even a manager gets more from the probes
      assertThat(body(manager().getForEntity(probe, String.class)).has("components")).isFalse();
    }
  }

  @Test
  void theOverallHealthShowsItsComponentsToManagersOnly() throws Exception {
    JsonNode anonymous = body(http.getForEntity("/actuator/health", String.class));
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();
    JsonNode staff = body(http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity("/actuator/health", String.class));
    assertThat(staff.has("components")).isFalse();
    assertThat(body(manager().getForEntity("/actuator/health", String.class)).has("components")).isTrue();
    // nobody's: the engine delays a user's next logins after a wrong password, which would slow the others
    assertThat(http.withBasicAuth("nobody", "guess").getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void prometheusIsRefusedToAnonymousCallersAndStaffAndShowsOurMetricsToManagers() {
    ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.getBody()).doesNotContain("outreach_");
    assertThat(http.withBasicAuth(TestUsers.STAFF, TestUsers.STAFF).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth(TestUsers.OUTSIDER, TestUsers.OUTSIDER).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    failedLetter();
    ResponseEntity<String> metrics = manager().getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody())
        .contains("outreach_letters{status=\"failed\"} 1.0")
        .contains("outreach_letters{status=\"pending\"} 0.0")
        .contains("outreach_representatives{status=\"registered\"}")
        .contains("outreach_incidents_open ")
        .contains("outreach_jobs_due ")
        .contains("outreach_jobs_failed ")
        .contains("outreach_retention_held ");
  }

  private void failedLetter() {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "insert into mail_outbox (dedup_key, kind, language, recipient_to, subject, body_text, body_html, status,"
            + " attempts, next_attempt_at, created_at) values ('metrics-test', 'INVITATION', 'en', 'x@parliament.example',"
            + " 'Invitation', '', '', 'FAILED', 5, ?, ?)",
        now, now);
  }
}
