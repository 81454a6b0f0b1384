package org.ipu.outreach.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.TestData;
import org.ipu.outreach.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The scheduled rounds run on their own threads: while a mail round waits 10 s between two letters (the
 * relay's limit of six a minute), the meeting registration round and the purge still run. On one shared
 * thread they would wait for the end of the mail round.
 */
@TestPropertySource(properties = {
  "outreach.mail.poll-interval=PT0.2S",
  "outreach.mail.max-per-minute=6",
  "outreach.meeting.registration-interval=PT0.2S",
  "outreach.retention.cron=* * * * * *"
})
class SchedulerThreadsTest extends OutreachTestBase {

  @Test
  void aMailRoundPacedByTheRelaysLimitDelaysNeitherTheRegistrationsNorThePurge() throws Exception {
    // the purge is due for a finished campaign whose event ended 91 days ago
    moveClockTo(Date.from(TestData.EVENT_END.toInstant().plus(Duration.ofDays(91))));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    letter("first", now);
    letter("second", now);
    waitFor(() -> TestSmtp.server().getReceivedMessages().length == 1, "the first letter delivered");
    Instant roundPaused = Instant.now();

    // the next round of each other task: a registration request of an invitation no longer running is
    // dropped by the round, and the finished campaign is purged
    jdbc.update("insert into meeting_registration_request (business_key, campaign_id, invitee_code, meeting_id,"
        + " requested_at, not_before) values ('gone:UN', 'gone', 'UN', '123', ?, ?)", Timestamp.from(now), Timestamp.from(now));
    jdbc.update("insert into campaign (id, event_code, reply_deadline, status, invitee_count, created_at)"
        + " values ('finished', ?, ?, 'COMPLETED', 0, ?)", event.code(), Timestamp.from(now), Timestamp.from(now));

    waitFor(() -> count("select count(*) from meeting_registration_request") == 0, "a registration round");
    waitFor(() -> count("select count(*) from campaign where id = 'finished' and purged_at is not null") == 1, "a purge");

    // meanwhile the mail round still waits for its minute
    assertThat(Duration.between(roundPaused, Instant.now())).isLessThan(Duration.ofSeconds(9));
    assertThat(TestSmtp.server().getReceivedMessages()).hasSize(1);
    assertThat(count("select count(*) from mail_outbox where status <> 'SENT'")).isEqualTo(1);
  }

  private void letter(String key, Instant now) {
    jdbc.update(
        "insert into mail_outbox (dedup_key, kind, language, recipient_to, subject, body_text, body_html, status,"
            + " attempts, next_attempt_at, created_at) values (?, 'INVITATION', 'en', 'paced@parliament.example',"
            + " 'Invitation', 'Dear colleague', '<p>Dear colleague</p>', 'PENDING', 0, ?, ?)",
        key, Timestamp.from(now), Timestamp.from(now));
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  /** Polls for up to 4 s, less than the paced mail round holds its thread. */
  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 4 s for " + what).isLessThan(until);
      Thread.sleep(50);
    }
  }
}
