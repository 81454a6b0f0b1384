package org.ipu.outreach.meeting;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Invitations waiting for their confirmed representatives to be registered (table meeting_registration_request). */
@Repository
public class RegistrationRequests {

  /** busyRounds: rounds in a row the platform answered "too many requests" (its back-off grows with it). */
  public record Request(
      String businessKey, String campaignId, String inviteeCode, String meetingId, int failures, String lastError,
      int busyRounds) {}

  private final JdbcTemplate jdbc;

  public RegistrationRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Asks (again) for an invitation; asking twice keeps one request, due now. */
  public void request(String businessKey, String campaignId, String inviteeCode, String meetingId, Instant now) {
    jdbc.update("delete from meeting_registration_request where business_key = ?", businessKey);
    jdbc.update(
        "insert into meeting_registration_request (business_key, campaign_id, invitee_code, meeting_id, requested_at, not_before)"
            + " values (?, ?, ?, ?, ?, ?)",
        businessKey, campaignId, inviteeCode, meetingId, Timestamp.from(now), Timestamp.from(now));
  }

  /**
   * Claims every due request for this round in one statement, so that two application nodes never work
   * on the same request (which could add the same person twice); a claim lapses after {@code hold}.
   */
  public List<Request> claimDue(Instant now, String owner, Duration hold) {
    jdbc.update(
        "update meeting_registration_request set claimed_by = ?, claimed_until = ?"
            + " where not_before <= ? and (claimed_until is null or claimed_until < ?)",
        owner, Timestamp.from(now.plus(hold)), Timestamp.from(now), Timestamp.from(now));
    return jdbc.query(
        "select * from meeting_registration_request where claimed_by = ? and claimed_until > ? order by requested_at",
        RegistrationRequests::row,
        owner, Timestamp.from(now));
  }

  public void done(String businessKey) {
    jdbc.update("delete from meeting_registration_request where business_key = ?", businessKey);
  }

  /** Not before the given time, after a failure (failed) or a refusal the round could not apply. */
  public void postpone(String businessKey, Instant notBefore, boolean failed, String error) {
    jdbc.update(
        "update meeting_registration_request set not_before = ?, claimed_by = null, claimed_until = null,"
            + " failures = failures + ?, last_error = ? where business_key = ?",
        Timestamp.from(notBefore), failed ? 1 : 0, error == null ? null : abbreviate(error), businessKey);
  }

  /** Not before the given time, after the platform's rate limit: one more busy round, no failure. */
  public void postponeBusy(String businessKey, Instant notBefore, int busyRounds, String error) {
    jdbc.update(
        "update meeting_registration_request set not_before = ?, claimed_by = null, claimed_until = null,"
            + " busy_rounds = ?, last_error = ? where business_key = ?",
        Timestamp.from(notBefore), busyRounds, error == null ? null : abbreviate(error), businessKey);
  }

  public List<Request> all() {
    return jdbc.query(
        "select * from meeting_registration_request order by requested_at",
        RegistrationRequests::row);
  }

  private static Request row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Request(rs.getString("business_key"), rs.getString("campaign_id"), rs.getString("invitee_code"),
        rs.getString("meeting_id"), rs.getInt("failures"), rs.getString("last_error"), rs.getInt("busy_rounds"));
  }

  private static String abbreviate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
