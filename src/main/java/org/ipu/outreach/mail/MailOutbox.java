package org.ipu.outreach.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox table: written in the process step's transaction, read and updated by the sender. */
@Repository
public class MailOutbox {

  private final JdbcTemplate jdbc;
  private Boolean postgres;

  public MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Everything needed to write one letter into the outbox. */
  public record NewMail(
      String dedupKey,
      MailKind kind,
      String language,
      String processInstanceId,
      String businessKey,
      String to,
      String cc,
      ComposedMail mail,
      /** The letter as it will be sent (see MimeLetters); null: the sender encodes it. */
      String encoded) {}

  /**
   * Adds the mail. The key names the letter (e.g. "campaign:invitee:INVITATION:1"); the caller has
   * checked with {@link #exists} that it is not there yet (LetterService does, before composing), and
   * the unique constraint on the key is the last guard against writing a letter twice.
   */
  public void enqueue(NewMail m, Instant now) {
    ComposedMail.Attachment a = m.mail().attachment();
    jdbc.update(
        "insert into mail_outbox (dedup_key, kind, language, process_instance_id, business_key, recipient_to,"
            + " recipient_cc, subject, body_text, body_html, attachment_name, attachment_type,"
            + " attachment_content, mime_message, status, attempts, next_attempt_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        m.dedupKey(), m.kind().name(), m.language(), m.processInstanceId(), m.businessKey(), m.to(), m.cc(),
        m.mail().subject(), m.mail().text(), m.mail().html(),
        a == null ? null : a.fileName(), a == null ? null : a.contentType(), a == null ? null : a.content(),
        m.encoded(), OutboxStatus.PENDING.name(), Timestamp.from(now), Timestamp.from(now));
  }

  public boolean exists(String dedupKey) {
    Integer n = jdbc.queryForObject("select count(*) from mail_outbox where dedup_key = ?", Integer.class, dedupKey);
    return n != null && n > 0;
  }

  private static final String DUE =
      "((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and claimed_until < ?))";

  /**
   * Takes up to limit due mails for this sender, oldest first: those pending, plus those whose sender
   * died while holding them (they are sent again, same Message-ID). A claim covers the round; until
   * it runs out no other sender takes these mails.
   */
  public List<OutboxMail> claimDue(Instant now, Duration hold, int limit) {
    Timestamp at = Timestamp.from(now);
    List<OutboxMail> due = jdbc.query(
        "select * from mail_outbox where " + DUE + " order by id fetch first " + limit + " rows only", this::row, at, at);
    if (due.isEmpty()) {
      return due;
    }
    Timestamp until = Timestamp.from(now.plus(hold));
    String ids = String.join(", ", java.util.Collections.nCopies(due.size(), "?"));
    List<Object> args = new ArrayList<>(List.of(until));
    due.forEach(m -> args.add(m.id()));
    args.addAll(List.of(at, at));
    int claimed = jdbc.update(
        "update mail_outbox set status = 'SENDING', claimed_until = ? where id in (" + ids + ") and " + DUE,
        args.toArray());
    if (claimed == due.size()) {
      return due;
    }
    // another sender took some of them between the two statements (one whose lease ran out during a
    // pause): ours are those with our claim
    Set<Long> ours = new HashSet<>(jdbc.queryForList(
        "select id from mail_outbox where status = 'SENDING' and claimed_until = ? and id in (" + ids + ")",
        Long.class, args.subList(0, due.size() + 1).toArray()));
    return due.stream().filter(m -> ours.contains(m.id())).toList();
  }

  /**
   * Marks the mail sent, right after the server accepted it. On PostgreSQL the commit does not wait for
   * the disk (asynchronous commit, for this statement's transaction only: waiting was most of the time
   * per letter). The mark is visible at once and survives a crash of the application; only a crash of
   * the database server itself within its WAL writer's delay (well under a second) could lose it, and
   * the letter would then be sent again with the same Message-ID, as after any crash between acceptance
   * and mark. set_config(..., true) in the statement itself keeps it to one round trip.
   */
  public void markSent(long id, String messageId, Instant now) {
    jdbc.update(
        "update mail_outbox set status = 'SENT', sent_at = ?, message_id = ?, attempts = attempts + 1,"
            + " last_error = null where id = ?"
            + (postgres() ? " and set_config('synchronous_commit', 'off', true) = 'off'" : ""),
        Timestamp.from(now), messageId, id);
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = "PostgreSQL".equals(
          jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }
    return postgres;
  }

  public void markRetry(long id, String error, Instant nextAttempt) {
    jdbc.update(
        "update mail_outbox set status = 'PENDING', attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            + " where id = ?",
        truncate(error), Timestamp.from(nextAttempt), id);
  }

  public void markFailed(long id, String error) {
    jdbc.update(
        "update mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?",
        truncate(error), id);
  }

  /** Puts a failed mail back in the queue, for a staff member who wants it sent again. */
  /** Whether the letter has gone out (or is going out now), not just been written. */
  public boolean wentOut(String dedupKey) {
    Integer n = jdbc.queryForObject(
        "select count(*) from mail_outbox where dedup_key = ? and status in ('SENT', 'SENDING')", Integer.class, dedupKey);
    return n != null && n > 0;
  }

  /** Withdraws an invitation's letters that have not gone out yet; returns how many. */
  public int withdrawPending(String businessKey) {
    return jdbc.update(
        "update mail_outbox set status = 'WITHDRAWN' where business_key = ? and status = 'PENDING'", businessKey);
  }

  public boolean resend(long id, Instant now) {
    return jdbc.update(
            "update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ? where id = ? and status = 'FAILED'",
            Timestamp.from(now), id)
        == 1;
  }

  public Optional<OutboxMail> find(long id) {
    return jdbc.query("select * from mail_outbox where id = ?", this::row, id).stream().findFirst();
  }

  public List<OutboxMail> latest(int limit) {
    return jdbc.query("select * from mail_outbox order by id desc fetch first " + limit + " rows only", this::row);
  }

  public List<OutboxMail> forBusinessKey(String businessKey) {
    return jdbc.query("select * from mail_outbox where business_key = ? order by id", this::row, businessKey);
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  private OutboxMail row(ResultSet rs, int n) throws SQLException {
    String attachmentName = rs.getString("attachment_name");
    Timestamp sent = rs.getTimestamp("sent_at");
    return new OutboxMail(
        rs.getLong("id"),
        rs.getString("dedup_key"),
        MailKind.valueOf(rs.getString("kind")),
        rs.getString("language"),
        rs.getString("process_instance_id"),
        rs.getString("business_key"),
        rs.getString("recipient_to"),
        rs.getString("recipient_cc"),
        rs.getString("subject"),
        rs.getString("body_text"),
        rs.getString("body_html"),
        attachmentName == null
            ? null
            : new ComposedMail.Attachment(
                attachmentName, rs.getString("attachment_type"), rs.getString("attachment_content")),
        rs.getString("mime_message"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getString("message_id"),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant());
  }
}
