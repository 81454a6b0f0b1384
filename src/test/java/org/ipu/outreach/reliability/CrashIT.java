package org.ipu.outreach.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.support.AppJvm;
import org.ipu.outreach.support.CampaignOverRest;
import org.ipu.outreach.support.RestartableSmtp;
import org.ipu.outreach.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the application in the middle of a campaign, on PostgreSQL with a real SMTP server: after
 * the restart every invitee has exactly one invitation and every invitation waits for the reply.
 * {@code mvn verify -Dit.test=CrashIT -Dcrash.invitees=2000} runs it with 2,000 invitees.
 */
class CrashIT {

  static final int N = Integer.getInteger("crash.invitees", 200);
  static final String DOMAIN = "crash.parliament.test";

  RestartableSmtp smtp;
  AppJvm app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (smtp != null) {
      smtp.close();
    }
  }

  @Test
  void afterAKillInTheMiddleOfACampaignEveryInviteeHasExactlyOneInvitation() throws Exception {
    String jdbc = TestPostgres.jdbcUrl("crash");
    smtp = new RestartableSmtp().start();
    app = app(jdbc).start().awaitStarted(Duration.ofMinutes(3));
    CampaignOverRest.importDirectory(app, "CR", DOMAIN, N);
    CampaignOverRest.createEvent(app, "CRASH-TEST", Instant.now().plus(Duration.ofDays(1)));

    Instant started = Instant.now();
    CampaignOverRest.startAndApprove(app, "CRASH-TEST");
    CampaignOverRest.await(Duration.ofMinutes(5), "a quarter of the invitations delivered",
        () -> smtp.received().size() >= N / 4);
    app.kill();
    int deliveredBeforeKill = smtp.received().size();
    Duration beforeKill = Duration.between(started, Instant.now());
    assertThat(deliveredBeforeKill).as("killed in the middle of sending").isLessThan(N);

    Instant restarted = Instant.now();
    app = app(jdbc).start().awaitStarted(Duration.ofMinutes(3));
    CampaignOverRest.await(Duration.ofMinutes(10), "every invitation delivered and waiting for the reply",
        () -> CampaignOverRest.invitationsAt(app, InvitationProcess.Elements.WAIT_FOR_REPLY) == N
            && DeliveryCheck.outboxByStatus(jdbc).equals(Map.of("SENT", N)));
    Duration afterRestart = Duration.between(restarted, Instant.now());

    int redelivered = DeliveryCheck.exactlyOnePerInvitee(smtp, "Invitation:", DOMAIN, N);
    assertThat(CampaignOverRest.invitationsAt(app, InvitationProcess.Elements.SEND_INVITATION)).isZero();
    assertThat(CampaignOverRest.incidents(app)).isZero();
    assertThat(DeliveryCheck.count(jdbc, "select count(*) from campaign_invitee where launched")).isEqualTo(N);
    System.out.printf("CrashIT figures: N=%d, delivered before kill=%d after %d s, done %d s after restart,"
        + " redelivered copies (same Message-ID)=%d%n",
        N, deliveredBeforeKill, beforeKill.toSeconds(), afterRestart.toSeconds(), redelivered);
  }

  private AppJvm app(String jdbc) {
    Map<String, String> env = AppJvm.prodEnvironment(jdbc, smtp.port());
    // slow enough to be killed in the middle of sending: 20 letters a second
    env.put("MAIL_MAX_PER_MINUTE", "1200");
    return new AppJvm("crash", env, ReliabilityArgs.fastRecovery());
  }
}
