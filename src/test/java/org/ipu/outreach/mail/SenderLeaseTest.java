package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One node at a time sends; another takes over when the holder stops renewing or shuts down. */
class SenderLeaseTest {

  static final Duration HOLD = Duration.ofMinutes(5);
  static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

  JdbcTemplate jdbc;

  @BeforeEach
  void database() {
    DriverManagerDataSource ds =
        new DriverManagerDataSource("jdbc:h2:mem:lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).table("outreach_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
  }

  @Test
  void theSecondNodeWaitsWhileTheFirstRenewsAndTakesOverWhenItStops() {
    MovingClock clockA = new MovingClock(T0);
    SenderLease a = new SenderLease(jdbc, clockA);
    assertThat(a.acquire(HOLD)).isTrue();
    clockA.now = T0.plus(Duration.ofMinutes(4));
    assertThat(a.acquire(HOLD)).as("a renews").isTrue();

    SenderLease b = new SenderLease(jdbc, Clock.fixed(T0.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
    assertThat(b.acquire(HOLD)).as("after the first hold, but a renewed").isFalse();

    SenderLease c = new SenderLease(jdbc, Clock.fixed(T0.plus(Duration.ofMinutes(9)).plusSeconds(1), ZoneOffset.UTC));
    assertThat(c.acquire(HOLD)).as("a died after renewing: its lease ran out").isTrue();
    clockA.now = T0.plus(Duration.ofMinutes(10));
    assertThat(a.acquire(HOLD)).as("a comes back, c holds the lease now").isFalse();
  }

  @Test
  void keepingTheLeaseRenewsItOnlyOnceAQuarterOfTheHoldHasPassed() {
    MovingClock clock = new MovingClock(T0);
    SenderLease a = new SenderLease(jdbc, clock);
    assertThat(a.acquire(HOLD)).isTrue();

    clock.now = T0.plus(Duration.ofMinutes(1));
    assertThat(a.keep(HOLD)).isTrue();
    assertThat(heldUntil()).as("within a quarter of the hold: not renewed").isEqualTo(T0.plus(HOLD));

    clock.now = T0.plus(Duration.ofMinutes(2));
    assertThat(a.keep(HOLD)).isTrue();
    assertThat(heldUntil()).as("renewed").isEqualTo(clock.now.plus(HOLD));
  }

  @Test
  void aNodePausedLongerThanTheHoldLearnsThatItLostTheLease() {
    MovingClock clockA = new MovingClock(T0);
    SenderLease a = new SenderLease(jdbc, clockA);
    assertThat(a.acquire(HOLD)).isTrue();
    SenderLease b = new SenderLease(jdbc, Clock.fixed(T0.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
    assertThat(b.acquire(HOLD)).as("a's lease ran out during its pause").isTrue();

    clockA.now = T0.plus(Duration.ofMinutes(6)).plusSeconds(1);
    assertThat(a.keep(HOLD)).isFalse();
  }

  private Instant heldUntil() {
    return jdbc.queryForObject("select held_until from mail_sender_lease where name = 'outbox'", java.sql.Timestamp.class)
        .toInstant();
  }

  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aNodeThatShutsDownHandsOverAtOnce() {
    SenderLease a = new SenderLease(jdbc, Clock.fixed(T0, ZoneOffset.UTC));
    SenderLease b = new SenderLease(jdbc, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
    assertThat(a.acquire(HOLD)).isTrue();
    assertThat(b.acquire(HOLD)).isFalse();

    a.release();

    assertThat(b.acquire(HOLD)).isTrue();
  }
}
