package org.ipu.outreach.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small run of the campaign benchmark, part of every build: it asserts the counts the benchmark
 * reports (never wall times): our statements per invitee against the bare-engine floor, one letter
 * per invitee accepted by the SMTP server, batched meeting registration without repeated adds.
 */
class CampaignBenchmarkTest extends CampaignBenchmark {

  static final int N = 50;
  /** The target: our tables add at most 30% to the statements the engine itself needs. */
  static final double MAX_STATEMENTS_OVER_FLOOR = 1.3;

  @Override
  protected String database() {
    return "h2";
  }

  @Test
  void fiftyInviteesStayWithinTheStatementBoundOverTheBareEngineGetOneLetterEachAndRegisterInBatches() throws Exception {
    List<BenchmarkResult> results = measure(N, 0); // counts do not depend on a warm JVM
    BenchmarkResult ours = results.get(0);
    BenchmarkResult floor = results.get(1);

    assertThat(floor.statementsPerInvitee()).as("the floor ran the lifecycle").isGreaterThan(20);
    assertThat(ours.statementsPerInvitee()).isLessThanOrEqualTo(MAX_STATEMENTS_OVER_FLOOR * floor.statementsPerInvitee());
    assertThat(ours.invitationMails()).as("invitation letters accepted by the SMTP server").isEqualTo(N);
    assertThat(ours.meetingAddCalls()).isPositive().isLessThanOrEqualTo((N + 29) / 30);
    assertThat(ours.repeatedAdds()).isZero();
    assertThat(ours.smtpConnections()).as("one connection per sender round at most").isPositive();
  }
}
