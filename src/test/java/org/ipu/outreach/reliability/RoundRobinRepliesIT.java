package org.ipu.outreach.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipu.outreach.invitation.InvitationProcess.Elements;
import org.ipu.outreach.support.AppJvm;
import org.ipu.outreach.support.CampaignOverRest;
import org.ipu.outreach.support.RestartableSmtp;
import org.ipu.outreach.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL behind a round-robin balancer without affinity: every reply
 * form is shown by one node and sent to the other (GET, POST and the page after it go to the nodes in
 * turn, so both directions occur). Not one submission may meet "This form has expired".
 */
class RoundRobinRepliesIT {

  static final int N = Integer.getInteger("roundrobin.replies", 100);
  static final String DOMAIN = "roundrobin.parliament.test";
  static final Pattern LINK = Pattern.compile("/reply/([A-Za-z0-9_-]{43})");
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  static final String EXPIRED = "This form has expired";
  static final String RECEIVED = "Thank you, we have received your reply";

  RestartableSmtp smtp;
  final List<AppJvm> nodes = new ArrayList<>();
  RoundRobinProxy proxy;
  final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    for (AppJvm node : nodes) {
      node.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void everyReplyFormShownByOneNodeIsAcceptedByTheOther() throws Exception {
    String jdbc = TestPostgres.jdbcUrl("roundrobin");
    smtp = new RestartableSmtp().start();
    // the first node creates the schema and the shared form key; the second starts on them
    for (String name : List.of("rr-a", "rr-b")) {
      AppJvm node = new AppJvm(name, AppJvm.prodEnvironment(jdbc, smtp.port()), ReliabilityArgs.fastRecovery()).start();
      nodes.add(node);
      node.awaitStarted(Duration.ofMinutes(3));
    }
    proxy = new RoundRobinProxy(nodes.stream().map(AppJvm::port).toList());

    CampaignOverRest.importDirectory(nodes.get(0), "RR", DOMAIN, N);
    CampaignOverRest.createEvent(nodes.get(1), "ROUND-ROBIN", Instant.now().plus(Duration.ofDays(1)));
    CampaignOverRest.startAndApprove(nodes.get(0), "ROUND-ROBIN");
    CampaignOverRest.await(Duration.ofMinutes(2), "every invitation waiting for the reply",
        () -> CampaignOverRest.invitationsAt(nodes.get(1), Elements.WAIT_FOR_REPLY) == N);
    Set<String> tokens = new LinkedHashSet<>();
    CampaignOverRest.await(Duration.ofMinutes(1), "a reply link in every invitation", () -> {
      tokens.addAll(replyTokens(jdbc));
      return tokens.size() == N;
    });

    List<String> failures = new ArrayList<>();
    for (String token : tokens) {
      String failure = reply(token);
      if (failure != null) {
        failures.add(failure);
      }
    }

    assertThat(failures).as("submissions that failed of %d", N).isEmpty();
    assertThat(proxy.served(0)).as("requests node a answered").isGreaterThanOrEqualTo(N);
    assertThat(proxy.served(1)).as("requests node b answered").isGreaterThanOrEqualTo(N);
    CampaignOverRest.await(Duration.ofMinutes(1), "every reply recorded",
        () -> CampaignOverRest.invitationsAt(nodes.get(0), Elements.WAIT_FOR_REPLY) == 0);
    assertThat(CampaignOverRest.incidents(nodes.get(0))).isZero();
    System.out.printf("RoundRobinRepliesIT figures: %d replies through the balancer, node a %d and node b %d"
        + " requests, 0 failures%n", N, proxy.served(0), proxy.served(1));
  }

  /** Shows the form, declines the invitation, opens the page it leads to; null when all went well. */
  private String reply(String token) throws Exception {
    String url = "http://127.0.0.1:" + proxy.port() + "/reply/" + token;
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF.matcher(page.body());
    if (page.statusCode() != 200 || !csrf.find()) {
      return "form " + page.statusCode() + ": " + page.body();
    }
    String form = "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&answer=decline&action=send";
    HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    String location = sent.headers().firstValue("Location").orElse(null);
    if (sent.statusCode() / 100 != 3 || location == null || sent.body().contains(EXPIRED)) {
      return "sent " + sent.statusCode() + (sent.body().contains(EXPIRED) ? " (expired)" : "") + ": " + sent.body();
    }
    HttpResponse<String> done = browser.send(
        HttpRequest.newBuilder(URI.create(url).resolve(URI.create(location).getRawPath())).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return done.statusCode() == 200 && done.body().contains(RECEIVED) ? null : "after " + done.statusCode() + ": " + done.body();
  }

  private static List<String> replyTokens(String jdbc) throws Exception {
    List<String> tokens = new ArrayList<>();
    try (var c = DriverManager.getConnection(jdbc, "postgres", "postgres");
        var rs = c.createStatement().executeQuery("select body_text from mail_outbox where body_text like '%/reply/%'")) {
      while (rs.next()) {
        Matcher m = LINK.matcher(rs.getString(1));
        while (m.find()) {
          tokens.add(m.group(1));
        }
      }
    }
    return tokens;
  }
}
