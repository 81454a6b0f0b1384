package org.ipu.outreach.representative;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ipu.outreach.directory.Language;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class RepresentativeRepository {

  private final JdbcTemplate jdbc;

  public RepresentativeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String campaignId, String inviteeCode, Representative.Nomination n, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into representative (campaign_id, invitee_code, full_name, function_title, role,"
                      + " committees, email, interpretation_language, status, nominated_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, campaignId);
          ps.setString(2, inviteeCode);
          ps.setString(3, n.fullName());
          ps.setString(4, n.functionTitle());
          ps.setString(5, n.role().name());
          ps.setString(6, n.committees());
          ps.setString(7, n.email());
          ps.setString(8, n.interpretationLanguage().code());
          ps.setString(9, RepresentativeStatus.NOMINATED.name());
          ps.setTimestamp(10, Timestamp.from(now));
          return ps;
        },
        keys);
    return keys.getKey().longValue();
  }

  public Optional<Representative> find(long id) {
    return jdbc.query("select * from representative where id = ?", this::row, id).stream().findFirst();
  }

  public List<Representative> findAll(Collection<Long> ids) {
    return ids.stream().map(this::find).flatMap(Optional::stream).toList();
  }

  public List<Representative> findForInvitee(String campaignId, String inviteeCode) {
    return jdbc.query(
        "select * from representative where campaign_id = ? and invitee_code = ? order by id",
        this::row,
        campaignId,
        inviteeCode);
  }

  /** The registered representatives of one invitee in one campaign. */
  public List<Representative> findRegisteredForInvitee(String campaignId, String inviteeCode) {
    return findForInvitee(campaignId, inviteeCode).stream()
        .filter(r -> r.status() == RepresentativeStatus.REGISTERED)
        .toList();
  }

  /** Every registered representative of a campaign: attendance is matched against all of them. */
  public List<Representative> findRegisteredInCampaign(String campaignId) {
    return jdbc.query(
        "select * from representative where campaign_id = ? and status = ? order by id",
        this::row,
        campaignId,
        RepresentativeStatus.REGISTERED.name());
  }

  /** Which representatives of a campaign are registered, in a few numbers: equal numbers, same set. */
  public record Fingerprint(long count, long idSum, long idSquareSum) {}

  public Fingerprint registeredFingerprint(String campaignId) {
    return jdbc.queryForObject(
        "select count(*), coalesce(sum(id), 0), coalesce(sum(id * id), 0) from representative"
            + " where campaign_id = ? and status = ?",
        (rs, n) -> new Fingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
        campaignId,
        RepresentativeStatus.REGISTERED.name());
  }

  /**
   * Which of these addresses (lower case) another parliament of the campaign has already named for a
   * representative still in play: one address is one person and one meeting registration.
   */
  public List<String> heldByOthers(String campaignId, String inviteeCode, Collection<String> emails) {
    if (emails.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(emails.size(), "?"));
    List<Object> args = new java.util.ArrayList<>(List.of(campaignId, inviteeCode));
    emails.forEach(e -> args.add(e.trim().toLowerCase(java.util.Locale.ROOT)));
    return jdbc.queryForList(
        "select distinct lower(email) from representative where campaign_id = ? and invitee_code <> ?"
            + " and status in ('NOMINATED', 'CONFIRMED', 'REGISTERED') and lower(email) in (" + marks + ")",
        String.class, args.toArray());
  }

  public void setStatus(long id, RepresentativeStatus status) {
    jdbc.update("update representative set status = ? where id = ?", status.name(), id);
  }

  public void setRegistration(long id, String registrantId, String joinUrl) {
    jdbc.update(
        "update representative set status = ?, registrant_id = ?, join_url = ? where id = ?",
        RepresentativeStatus.REGISTERED.name(), registrantId, joinUrl, id);
  }

  /** The meeting platform refused to register this representative; they wait for staff, not for a retry. */
  public void recordRegistrationRefused(long id, String reason) {
    jdbc.update("update representative set registration_refused = ? where id = ?",
        reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...", id);
  }

  /** Why the platform refused this representative; empty when it did not (or staff have dealt with it). */
  public Optional<String> registrationRefusal(long id) {
    return jdbc.queryForList("select registration_refused from representative where id = ?", String.class, id).stream()
        .filter(java.util.Objects::nonNull).findFirst();
  }

  /** The invitee's confirmed representatives the platform refused, waiting for staff. */
  public List<Long> refusedForInvitee(String campaignId, String inviteeCode) {
    return jdbc.queryForList(
        "select id from representative where campaign_id = ? and invitee_code = ? and status = ?"
            + " and registration_refused is not null order by id",
        Long.class, campaignId, inviteeCode, RepresentativeStatus.CONFIRMED.name());
  }

  /** Staff corrected a refused representative's address (or kept it): they are registered again. */
  public void retryRegistration(long id, String email) {
    jdbc.update("update representative set email = ?, registration_refused = null where id = ?", email, id);
  }

  public void setAttendance(long id, boolean attended, int minutes) {
    jdbc.update(
        "update representative set attended = ?, attended_minutes = ? where id = ?", attended, minutes, id);
  }

  private Representative row(ResultSet rs, int n) throws SQLException {
    Object attended = rs.getObject("attended");
    Object minutes = rs.getObject("attended_minutes");
    return new Representative(
        rs.getLong("id"),
        rs.getString("campaign_id"),
        rs.getString("invitee_code"),
        rs.getString("full_name"),
        rs.getString("function_title"),
        RepresentativeRole.valueOf(rs.getString("role")),
        rs.getString("committees"),
        rs.getString("email"),
        Language.parse(rs.getString("interpretation_language")).orElseThrow(),
        RepresentativeStatus.valueOf(rs.getString("status")),
        rs.getString("registrant_id"),
        rs.getString("join_url"),
        attended == null ? null : rs.getBoolean("attended"),
        minutes == null ? null : rs.getInt("attended_minutes"));
  }
}
