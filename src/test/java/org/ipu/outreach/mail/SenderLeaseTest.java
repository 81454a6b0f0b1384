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
    SenderLease a = new SenderLease(jdbc, Clock.fixed(T0, ZoneOffset.UTC));
    assertThat(a.acquire(HOLD)).isTrue();
    assertThat(new SenderLease(jdbc, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).acquire(HOLD)).isFalse();

    // a renews at T0 + 4 min: still its lease at T0 + 6 min
    assertThat(new SenderLease(jdbc, Clock.fixed(T0.plus(Duration.ofMinutes(4)), ZoneOffset.UTC)).acquire(HOLD))
        .as("a different node, before the lease runs out").isFalse();

    SenderLease b = new SenderLease(jdbc, Clock.fixed(T0.plus(HOLD).plusSeconds(1), ZoneOffset.UTC));
    assertThat(b.acquire(HOLD)).as("a died: its lease ran out").isTrue();
    assertThat(a.acquire(HOLD)).as("a comes back, b holds the lease now").isFalse();
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
