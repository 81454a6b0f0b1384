package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.ipu.outreach.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** On PostgreSQL the sent-mark commits without waiting for the disk, and only the mark does. */
class MailOutboxPostgresTest {

  @Test
  void aLetterIsMarkedSentAndTheConnectionGoesBackToSynchronousCommits() {
    SingleConnectionDataSource ds =
        new SingleConnectionDataSource(TestPostgres.durableJdbcUrl("outbox_mark"), "postgres", "postgres", true);
    try {
      Flyway.configure().dataSource(ds).table("outreach_schema_history").cleanDisabled(false).load().clean();
      Flyway.configure().dataSource(ds).table("outreach_schema_history").load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
      MailOutbox outbox = new MailOutbox(jdbc);
      Instant now = Instant.parse("2026-09-01T08:00:00Z");
      outbox.enqueue(new MailOutbox.NewMail("mark:1", MailKind.INVITATION, "en", null, "mark:1", "p@parliament.example",
          null, new ComposedMail("Letter", "Text", "<p>Text</p>", null), null), now);
      OutboxMail mail = outbox.claimDue(now, Duration.ofMinutes(5), 10).get(0);

      outbox.markSent(mail.id(), "<outbox-1@ipu.example.org>", now);

      assertThat(outbox.find(mail.id()).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
          .as("the connection's later transactions commit synchronously again").isEqualTo("on");
    } finally {
      ds.destroy();
    }
  }
}
