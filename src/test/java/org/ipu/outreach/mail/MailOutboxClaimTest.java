package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A sending round claims its mails together; no mail is claimed by two senders. */
class MailOutboxClaimTest {

  static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
  static final Duration HOLD = Duration.ofMinutes(5);

  DataSource ds;
  MailOutbox outbox;

  @BeforeEach
  void database() {
    ds = new DriverManagerDataSource("jdbc:h2:mem:claim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).table("outreach_schema_history").load().migrate();
    outbox = new MailOutbox(new JdbcTemplate(ds));
    for (int i = 1; i <= 5; i++) {
      outbox.enqueue(new MailOutbox.NewMail("claim:" + i, MailKind.INVITATION, "en", null, "claim:" + i,
          "p" + i + "@parliament.example", null, new ComposedMail("Letter " + i, "Text", "<p>Text</p>", null), null),
          NOW.minusSeconds(60 - i));
    }
  }

  @Test
  void aRoundTakesTheOldestDueMailsAndTheNextRoundTheOthers() {
    assertThat(outbox.claimDue(NOW, HOLD, 3)).extracting(OutboxMail::dedupKey).containsExactly("claim:1", "claim:2", "claim:3");
    assertThat(outbox.claimDue(NOW, HOLD, 3)).extracting(OutboxMail::dedupKey).containsExactly("claim:4", "claim:5");
    assertThat(outbox.claimDue(NOW, HOLD, 3)).isEmpty();
    assertThat(outbox.latest(5)).allMatch(m -> m.status() == OutboxStatus.SENDING);
  }

  @Test
  void theMailsOfASenderThatDiedAreTakenAgainOnceItsClaimHasRunOut() {
    outbox.claimDue(NOW, HOLD, 5);

    assertThat(outbox.claimDue(NOW.plus(HOLD).minusSeconds(1), HOLD, 5)).isEmpty();
    assertThat(outbox.claimDue(NOW.plus(HOLD).plusSeconds(1), HOLD, 5)).hasSize(5);
  }

  @Test
  void aMailAnotherSenderClaimsBetweenReadingAndClaimingIsLeftToIt() {
    MailOutbox other = new MailOutbox(new JdbcTemplate(ds));
    MailOutbox racing = new MailOutbox(new JdbcTemplate(ds) {
      boolean raced;

      @Override
      public int update(String sql, Object... args) {
        if (!raced && sql.startsWith("update mail_outbox set status = 'SENDING'")) {
          raced = true;
          // the other sender reads and claims mail 1 and 2 first (a round of two)
          assertThat(other.claimDue(NOW.plusSeconds(1), HOLD, 2)).hasSize(2);
        }
        return super.update(sql, args);
      }
    });

    assertThat(racing.claimDue(NOW, HOLD, 4)).extracting(OutboxMail::dedupKey).containsExactly("claim:3", "claim:4");
  }
}
