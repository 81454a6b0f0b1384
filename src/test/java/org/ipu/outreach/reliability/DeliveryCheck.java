package org.ipu.outreach.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.support.CampaignOverRest;
import org.ipu.outreach.support.RestartableSmtp;

/** What the separate-JVM tests check at the end, counted on the SMTP server and in the database. */
final class DeliveryCheck {

  private DeliveryCheck() {}

  /**
   * Every generated invitee received exactly one letter whose subject starts with the prefix: one
   * Message-ID per recipient. Returns the number of redelivered copies (same Message-ID again), which
   * only a crash between the server's acceptance and the outbox's "sent" mark can cause.
   */
  static int exactlyOnePerInvitee(RestartableSmtp smtp, String subjectPrefix, String domain, int n) {
    Map<String, List<String>> received = smtp.messageIdsByRecipient(subjectPrefix);
    int redelivered = 0;
    for (int i = 0; i < n; i++) {
      String address = CampaignOverRest.president(domain, i);
      List<String> ids = received.getOrDefault(address, List.of());
      assertThat(new HashSet<>(ids)).as("distinct '%s' letters received by %s", subjectPrefix, address).hasSize(1);
      redelivered += ids.size() - 1;
    }
    assertThat(received.keySet()).as("recipients of '%s' letters", subjectPrefix).hasSize(n);
    return redelivered;
  }

  /** Outbox rows per status. */
  static Map<String, Integer> outboxByStatus(String jdbcUrl) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        var rs = c.createStatement().executeQuery("select status, count(*) from mail_outbox group by status")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }

  static int count(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
