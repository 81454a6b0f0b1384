package org.ipu.outreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ipu.outreach.security.LoginThrottleProperties;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.RawHttp;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An anonymous client guessing passwords is slowed down by its address and cannot lock a real user out.
 * Every 127.x address is this machine, so the guesser and the real user are two addresses the server
 * tells apart.
 */
class LoginThrottleTest extends OutreachTestBase {

  static final String REAL_USER_ADDRESS = "127.0.0.1";

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired LoginThrottleProperties limits;

  @BeforeEach
  void usersExist() {
    users.ensureStaffAndManager();
  }

  @Test
  void thirtyWrongPasswordsForStaffThrottleTheGuesserAndStaffStillLogsInFromElsewhere() throws Exception {
    String attacker = "127.0.0.2";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String guess = "guess" + i;
      answers.add(switch (i % 3) {
        case 0 -> basic(attacker, "GET", "/api/directory", TestUsers.STAFF, guess).status();
        case 1 -> basic(attacker, "GET", "/engine-rest/task", TestUsers.STAFF, guess).status();
        default -> webappLogin(attacker, TestUsers.STAFF, guess).status();
      });
    }
    int allowed = limits.failuresPerClientAndUser();
    assertThat(answers.subList(0, allowed)).as("answers %s", answers).containsOnly(401);
    assertThat(answers.subList(allowed, answers.size())).as("answers %s", answers).containsOnly(429);

    // the guesser gets nothing more, even with the right password: no password is checked for it
    RawHttp.Response refused = basic(attacker, "GET", "/api/directory", TestUsers.STAFF, TestUsers.STAFF);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, limits.window().toSeconds());
    assertThat(refused.body()).contains("Too many failed logins").doesNotContain(TestData.UG.name());
    assertThat(webappLogin(attacker, TestUsers.STAFF, TestUsers.STAFF).status()).isEqualTo(429);

    // the real user, from another address: every door opens, and shows their data
    RawHttp.Response directory = basic(REAL_USER_ADDRESS, "GET", "/api/directory", TestUsers.STAFF, TestUsers.STAFF);
    assertThat(directory.status()).isEqualTo(200);
    assertThat(directory.body()).contains(TestData.UG.name());
    RawHttp.Response definitions =
        basic(REAL_USER_ADDRESS, "GET", "/engine-rest/process-definition", TestUsers.STAFF, TestUsers.STAFF);
    assertThat(definitions.status()).isEqualTo(200);
    assertThat(definitions.body()).contains("\"key\":\"campaign\"");
    RawHttp.Response tasklist = webappLogin(REAL_USER_ADDRESS, TestUsers.STAFF, TestUsers.STAFF);
    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.body()).contains("\"userId\":\"staff\"");

    // once the window has passed, the address may try again
    moveClockTo(Date.from(TestData.T0.plus(limits.window()).plusSeconds(1)));
    assertThat(basic(attacker, "GET", "/api/directory", TestUsers.STAFF, "guess-again").status()).isEqualTo(401);
    assertThat(basic(attacker, "GET", "/api/directory", TestUsers.STAFF, TestUsers.STAFF).status()).isEqualTo(200);
  }

  @Test
  void aClientTryingOnePasswordOnManyUsersIsThrottledByItsAddress() throws Exception {
    String sprayer = "127.0.0.3";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < limits.failuresPerClient() + 3; i++) {
      answers.add(basic(sprayer, "GET", "/api/directory", "user" + i, "Summer2026!").status());
    }
    assertThat(answers.subList(0, limits.failuresPerClient())).as("answers %s", answers).containsOnly(401);
    assertThat(answers.subList(limits.failuresPerClient(), answers.size())).as("answers %s", answers).containsOnly(429);
    assertThat(basic(sprayer, "GET", "/api/directory", TestUsers.MANAGER, TestUsers.MANAGER).status()).isEqualTo(429);
    assertThat(basic(REAL_USER_ADDRESS, "GET", "/api/directory", TestUsers.MANAGER, TestUsers.MANAGER).status())
        .isEqualTo(200);
  }

  @Test
  void aUserWhoMistypedAFewTimesIsNotHeldBackAfterLoggingIn() throws Exception {
    String office = "127.0.0.4";
    for (int round = 0; round < 3; round++) {
      for (int i = 1; i < limits.failuresPerClientAndUser(); i++) {
        assertThat(basic(office, "GET", "/api/events", TestUsers.MANAGER, "typo").status()).isEqualTo(401);
      }
      assertThat(basic(office, "GET", "/api/events", TestUsers.MANAGER, TestUsers.MANAGER).status()).isEqualTo(200);
    }
  }

  @Test
  void theEnginesPasswordCheckIsNoWayAroundTheThrottle() throws Exception {
    RawHttp.Response check = RawHttp.exchange("127.0.0.5", port, "POST", "/engine-rest/identity/verify",
        Map.of("Authorization", authorization(TestUsers.MANAGER, TestUsers.MANAGER), "Content-Type", "application/json"),
        "{\"username\": \"staff\", \"password\": \"guess\"}");
    assertThat(check.status()).isEqualTo(403);
    assertThat(check.body()).doesNotContain("authenticated");
  }

  private RawHttp.Response basic(String from, String method, String path, String user, String password)
      throws Exception {
    return RawHttp.exchange(from, port, method, path, Map.of("Authorization", authorization(user, password)), null);
  }

  private static String authorization(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The Tasklist login as the webapp's page makes it: a session and its CSRF token first, then the form. */
  private RawHttp.Response webappLogin(String from, String user, String password) throws Exception {
    RawHttp.Response page = RawHttp.exchange(from, port, "GET", "/camunda/app/tasklist/default/", Map.of(), null);
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String setCookie : page.headers().getOrDefault("set-cookie", List.of())) {
      String pair = setCookie.split(";")[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; ")));
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return RawHttp.exchange(from, port, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers,
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }
}
