package org.ipu.outreach.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.OutreachApplication;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.meeting.simulator.SimulatedMeetingPlatform;
import org.ipu.outreach.reply.FormTokens;
import org.ipu.outreach.security.SharedKeys;
import org.ipu.outreach.support.TestPostgres;
import org.ipu.outreach.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile started as an operator would start it (the settings given as the environment
 * variables of docs/operations.md), on the embedded PostgreSQL: each setting that would look like
 * success without being one stops the start with a message naming it; a correct configuration starts.
 */
class ProdProfileCheckTest {

  /** A correct prod configuration; each test spoils one thing. */
  static Map<String, String> correct() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", TestPostgres.jdbcUrl("prodcheck"));
    env.put("DATABASE_USER", "postgres");
    env.put("DATABASE_PASSWORD", "postgres");
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(TestSmtp.port()));
    env.put("SMTP_AUTH", "false");
    env.put("SMTP_STARTTLS", "false");
    env.put("MAIL_FROM", "Inter-Parliamentary Union <postbox@ipu.test>");
    env.put("MAIL_REPLY_TO", "postbox@ipu.test");
    env.put("PUBLIC_BASE_URL", "https://outreach.ipu.test");
    env.put("MEETING_PLATFORM", "simulator");
    return env;
  }

  @Test
  void withoutPublicUrlAndMeetingPlatformItRefusesNamingBoth() {
    Map<String, String> env = correct();
    env.remove("PUBLIC_BASE_URL");
    env.remove("MEETING_PLATFORM");

    String refusal = refusal(env);

    assertThat(refusal)
        .contains("The prod profile refuses to start")
        .contains("outreach.reply-page.public-base-url (PUBLIC_BASE_URL) is not set")
        .contains("outreach.meeting.platform (MEETING_PLATFORM) is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080", "https://LOCALHOST", "http://[::1]:8080"})
  void aPublicUrlOnThisMachineIsRefused(String url) {
    Map<String, String> env = correct();
    env.put("PUBLIC_BASE_URL", url);

    assertThat(refusal(env))
        .contains("outreach.reply-page.public-base-url (PUBLIC_BASE_URL) points to this machine")
        .contains(url);
  }

  @Test
  void zoomWithoutItsCredentialsIsRefused() {
    Map<String, String> env = correct();
    env.put("MEETING_PLATFORM", "zoom");

    assertThat(refusal(env))
        .contains("outreach.zoom.account-id (ZOOM_ACCOUNT_ID) is not set")
        .contains("outreach.zoom.client-secret (ZOOM_CLIENT_SECRET) is not set");
  }

  @Test
  void anUnknownMeetingPlatformIsRefused() {
    Map<String, String> env = correct();
    env.put("MEETING_PLATFORM", "teams");

    assertThat(refusal(env)).contains("must be zoom or simulator, not 'teams'");
  }

  @Test
  void theDemoProfileAndItsAdministratorAreRefused() {
    assertThat(refusal(correct(), "prod", "demo"))
        .contains("the demo profile is active too")
        .contains("would create the administrator 'demo'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo:demo", "admin:admin", "admin:", "staff:S3cret-enough"})
  void aDemoLikeAdministratorIsRefused(String idAndPassword) {
    String[] parts = idAndPassword.split(":", -1);
    Map<String, String> env = correct();
    env.put("camunda.bpm.admin-user.id", parts[0]);
    if (!parts[1].isEmpty()) {
      env.put("camunda.bpm.admin-user.password", parts[1]);
    }

    assertThat(refusal(env)).contains("camunda.bpm.admin-user").contains("'" + parts[0] + "'");
  }

  @Test
  void anUnusableFormTokenKeyIsRefused() {
    Map<String, String> env = correct();
    env.put("OUTREACH_FORM_TOKEN_KEY", "c2hvcnQ=");

    assertThat(refusal(env)).contains("outreach.security.form-token-key (OUTREACH_FORM_TOKEN_KEY) holds 5 bytes");
  }

  /** The simulator is used because it is named, although a Zoom account id is configured too. */
  @Test
  void aCorrectConfigurationStartsWithThePlatformItNames() throws Exception {
    Map<String, String> env = correct();
    env.put("ZOOM_ACCOUNT_ID", "acc-1");
    env.put("camunda.bpm.admin-user.id", "operator");
    env.put("camunda.bpm.admin-user.password", "a-Real-Passw0rd");
    env.put("camunda.bpm.job-execution.enabled", "false");
    env.put("server.port", "0");

    try (ConfigurableApplicationContext app = start(env, "prod")) {
      assertThat(app.getBean(MeetingPlatform.class)).isInstanceOf(SimulatedMeetingPlatform.class);
      // without a configured key, another node on the same database accepts this node's reply forms
      FormTokens anotherNode = new FormTokens("", new SharedKeys(app.getBean(JdbcTemplate.class)));
      assertThat(anotherNode.valid("purpose", app.getBean(FormTokens.class).issue("purpose"))).isTrue();
      String port = app.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }

  static ConfigurableApplicationContext start(Map<String, String> env, String... profiles) {
    List<String> args = new ArrayList<>();
    env.forEach((k, v) -> args.add("--" + k + "=" + v));
    return new SpringApplicationBuilder(OutreachApplication.class).profiles(profiles).run(args.toArray(String[]::new));
  }

  /** The messages of the failed start, causes included; fails the test when the application starts. */
  static String refusal(Map<String, String> env, String... profiles) {
    String[] active = profiles.length == 0 ? new String[] {"prod"} : profiles;
    try (ConfigurableApplicationContext started = start(env, active)) {
      throw new AssertionError("the application started");
    } catch (RuntimeException e) {
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append('\n');
      }
      return messages.toString();
    }
  }
}
