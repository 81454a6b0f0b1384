package org.ipu.outreach.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one run (one database, one size, ours or the floor) measured. */
record BenchmarkResult(
    String database,
    int invitees,
    String variant,
    Map<String, Phase> phases,
    int mailsDelivered,
    int invitationMails,
    long invitationMailMillis,
    int smtpConnections,
    double rawSmtpPerSecond,
    double rawSmtpSimplePerSecond,
    int meetingAddCalls,
    int meetingListPages,
    int meetingReportCalls,
    long repeatedAdds,
    long peakHeapBytes,
    Map<String, Long> rowsByGroup,
    Map<String, Long> bytesByGroup) {

  static final String OURS = "ours";
  static final String FLOOR = "floor";

  record Phase(long statements, long roundTrips, long millis) {}

  long statements() {
    return phases.values().stream().mapToLong(Phase::statements).sum();
  }

  long roundTrips() {
    return phases.values().stream().mapToLong(Phase::roundTrips).sum();
  }

  double statementsPerInvitee() {
    return (double) statements() / invitees;
  }

  double roundTripsPerInvitee() {
    return (double) roundTrips() / invitees;
  }

  long invitationMillis() {
    return phases.get(CampaignBenchmark.INVITATION).millis();
  }

  double invitationRate() {
    return invitees * 1000.0 / Math.max(1, invitationMillis());
  }

  /** Letters of the invitation phase handed to the SMTP server per second of the outbox sender's rounds. */
  double mailPerSecond() {
    return invitationMailMillis == 0 ? 0 : invitationMails * 1000.0 / invitationMailMillis;
  }

  static Map<String, Phase> newPhases() {
    return new LinkedHashMap<>();
  }
}
