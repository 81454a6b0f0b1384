package org.ipu.outreach.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.support.CampaignOverRest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the application in the middle of a campaign, on PostgreSQL with a real SMTP server: after
 * the restart every invitee has exactly one invitation and every invitation waits for the reply.
 * {@code mvn verify -Dit.test=CrashIT -Dcrash.invitees=2000} runs it with 2,000 invitees.
 */
class CrashIT {

  static final int N = Integer.getInteger("crash.invitees", 200);

  SendingCampaign run;

  @AfterEach
  void stop() throws Exception {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void afterAKillInTheMiddleOfACampaignEveryInviteeHasExactlyOneInvitation() throws Exception {
    run = SendingCampaign.quarterSent("crash", "CR", "crash.parliament.test", N);
    run.app.kill();
    int deliveredBeforeKill = run.smtp.received().size();
    Duration beforeKill = Duration.between(run.launched, Instant.now());
    assertThat(deliveredBeforeKill).as("killed in the middle of sending").isLessThan(N);

    Instant restarted = Instant.now();
    run.restart();
    CampaignOverRest.await(Duration.ofMinutes(10), "every invitation delivered and waiting for the reply",
        () -> CampaignOverRest.invitationsAt(run.app, InvitationProcess.Elements.WAIT_FOR_REPLY) == N
            && DeliveryCheck.outboxByStatus(run.jdbc).equals(Map.of("SENT", N)));
    Duration afterRestart = Duration.between(restarted, Instant.now());

    int redelivered = DeliveryCheck.exactlyOnePerInvitee(run.smtp, "Invitation:", run.domain, N);
    assertThat(CampaignOverRest.invitationsAt(run.app, InvitationProcess.Elements.SEND_INVITATION)).isZero();
    assertThat(CampaignOverRest.incidents(run.app)).isZero();
    assertThat(DeliveryCheck.count(run.jdbc, "select count(*) from campaign_invitee where launched")).isEqualTo(N);
    System.out.printf("CrashIT figures: N=%d, delivered before kill=%d after %d s, done %d s after restart,"
        + " redelivered copies (same Message-ID)=%d%n",
        N, deliveredBeforeKill, beforeKill.toSeconds(), afterRestart.toSeconds(), redelivered);
  }
}
