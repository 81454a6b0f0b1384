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
 * The SMTP relay goes down in the middle of a campaign and comes back on the same port: the processes
 * go on meanwhile, and afterwards every letter is delivered once.
 */
class SmtpOutageIT {

  static final int N = Integer.getInteger("outage.invitees", 100);
  static final Duration OUTAGE = Duration.ofSeconds(10);

  SendingCampaign run;

  @AfterEach
  void stop() throws Exception {
    if (run != null) {
      run.close();
    }
  }

  @Test
  void lettersHeldUpByAnOutageAreDeliveredOnceWhenTheServerIsBack() throws Exception {
    run = SendingCampaign.quarterSent("outage", "OU", "outage.parliament.test", N);
    run.smtp.stop();
    Instant down = Instant.now();
    int deliveredBeforeOutage = run.smtp.received().size();
    assertThat(deliveredBeforeOutage).as("the outage starts in the middle of sending").isLessThan(N);

    // the processes do not wait for the relay: every invitation reaches "Wait for the reply" meanwhile
    CampaignOverRest.await(OUTAGE.plusSeconds(50), "every invitation waiting for the reply during the outage",
        () -> CampaignOverRest.invitationsAt(run.app, InvitationProcess.Elements.WAIT_FOR_REPLY) == N);
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.between(down, Instant.now()).toMillis()));
    assertThat(run.smtp.received()).as("nothing delivered while the relay is down").hasSize(deliveredBeforeOutage);
    int retried =
        DeliveryCheck.count(run.jdbc, "select count(*) from mail_outbox where attempts > 0 and status <> 'SENT'");
    assertThat(retried).as("letters that met the outage and wait for their next attempt").isPositive();
    run.smtp.start();
    Instant up = Instant.now();

    CampaignOverRest.await(Duration.ofMinutes(3), "every invitation delivered",
        () -> DeliveryCheck.outboxByStatus(run.jdbc).equals(Map.of("SENT", N)));
    Duration catchUp = Duration.between(up, Instant.now());
    int redelivered = DeliveryCheck.exactlyOnePerInvitee(run.smtp, "Invitation:", run.domain, N);
    assertThat(CampaignOverRest.invitationsAt(run.app, InvitationProcess.Elements.WAIT_FOR_REPLY)).isEqualTo(N);
    assertThat(CampaignOverRest.incidents(run.app)).isZero();
    System.out.printf("SmtpOutageIT figures: N=%d, delivered before the outage=%d, %d letters met the outage,"
        + " all delivered %d s after the relay was back, redelivered copies=%d%n",
        N, deliveredBeforeOutage, retried, catchUp.toSeconds(), redelivered);
  }
}
