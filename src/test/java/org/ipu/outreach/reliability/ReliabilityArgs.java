package org.ipu.outreach.reliability;

import java.util.List;

/**
 * Settings that make the separate-JVM tests finish in minutes: what a crashed node held is taken over
 * after seconds instead of the production defaults' minutes (job lock 5 min, mail claim 5 min).
 */
final class ReliabilityArgs {

  private ReliabilityArgs() {}

  static List<String> fastRecovery() {
    return List.of(
        "--outreach.mail.poll-interval=PT1S",
        "--outreach.mail.claim-hold=PT10S",
        "--outreach.mail.retry-backoff=PT1S",
        "--outreach.mail.max-attempts=10",
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        "--camunda.bpm.job-execution.max-wait=2000",
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN");
  }
}
