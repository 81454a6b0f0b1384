package org.ipu.outreach.mail;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which node delivers the outbox. Only one node at a time sends, so that the relay's rate limit (e.g.
 * 30 a minute per mailbox on Exchange Online) holds for the cluster and not per node. The holder renews
 * the lease during a round, long before it runs out; when it dies, another node takes over once the
 * lease has run out.
 * Wall-clock time, not the engine's: this is about processes being alive, not about business dates.
 */
@Component
public class SenderLease {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String holder = UUID.randomUUID().toString();
  /** When this node last took or renewed the lease (null: it does not hold it). */
  private volatile Instant renewedAt;

  @Autowired
  public SenderLease(JdbcTemplate jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  SenderLease(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Takes or renews the lease for this long; false while another live node holds it. */
  public boolean acquire(Duration hold) {
    Instant now = clock.instant();
    boolean held =
        jdbc.update(
                "update mail_sender_lease set holder = ?, held_until = ? where name = 'outbox'"
                    + " and (holder = ? or holder is null or held_until is null or held_until < ?)",
                holder, Timestamp.from(now.plus(hold)), holder, Timestamp.from(now))
            == 1;
    renewedAt = held ? now : null;
    return held;
  }

  /**
   * Whether this node still holds the lease, renewing it once a quarter of the hold has passed since it
   * was taken. Before that no other node can have taken it (it runs until renewal + hold), so there is
   * nothing to ask the database; a node that was paused for longer asks, and learns it lost the lease.
   */
  public boolean keep(Duration hold) {
    if (renewedAt != null && clock.instant().isBefore(renewedAt.plus(hold.dividedBy(4)))) {
      return true;
    }
    return acquire(hold);
  }

  /** A node that shuts down politely hands over at once. */
  @PreDestroy
  public void release() {
    renewedAt = null;
    jdbc.update("update mail_sender_lease set holder = null, held_until = null where name = 'outbox' and holder = ?",
        holder);
  }
}
