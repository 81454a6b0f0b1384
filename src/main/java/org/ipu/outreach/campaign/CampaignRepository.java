package org.ipu.outreach.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class CampaignRepository {

  private final JdbcTemplate jdbc;

  public CampaignRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Campaign> find(String id) {
    return jdbc.query("select * from campaign where id = ?", this::row, id).stream().findFirst();
  }

  /** Every campaign about the event, in the order they were created. */
  public List<Campaign> findForEvent(String eventCode) {
    return jdbc.query("select * from campaign where event_code = ? order by created_at", this::row, eventCode);
  }

  public List<Campaign> findAll() {
    return jdbc.query("select * from campaign order by created_at desc", this::row);
  }

  /** A campaign that was not cancelled at its review has written, or is about to write, to parliaments. */
  public boolean hasCampaignBeyondCancellation(String eventCode) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from campaign where event_code = ? and status <> 'CANCELLED'",
            Integer.class,
            eventCode);
    return n != null && n > 0;
  }

  public int countForEvent(String eventCode) {
    Integer n =
        jdbc.queryForObject("select count(*) from campaign where event_code = ?", Integer.class, eventCode);
    return n == null ? 0 : n;
  }

  public void insert(Campaign c, List<String> inviteeCodes, Instant now) {
    jdbc.update(
        "insert into campaign (id, event_code, reply_deadline, status, invitee_count, ended_count, created_at)"
            + " values (?, ?, ?, ?, ?, 0, ?)",
        c.id(), c.eventCode(), Timestamp.from(c.replyDeadline()), c.status().name(), c.inviteeCount(),
        Timestamp.from(now));
    List<Object[]> rows = new ArrayList<>();
    inviteeCodes.forEach(code -> rows.add(new Object[] {c.id(), code}));
    jdbc.batchUpdate("insert into campaign_invitee (campaign_id, invitee_code) values (?, ?)", rows);
  }

  public void setReplyDeadline(String id, Instant deadline) {
    jdbc.update("update campaign set reply_deadline = ? where id = ?", Timestamp.from(deadline), id);
  }

  /**
   * Adds invitees to a running campaign, counted as launched since their invitations start in the same
   * transaction. The campaign row is updated first: it serialises with {@link #recordEnded}, so the
   * last invitation to end still sees the new count.
   */
  public void addLaunched(String campaignId, List<String> inviteeCodes) {
    jdbc.update("update campaign set invitee_count = invitee_count + ? where id = ?", inviteeCodes.size(), campaignId);
    List<Object[]> rows = inviteeCodes.stream().map(code -> new Object[] {campaignId, code}).toList();
    jdbc.batchUpdate(
        "insert into campaign_invitee (campaign_id, invitee_code, launched) values (?, ?, true)", rows);
  }

  public void setStatus(String id, CampaignStatus status) {
    jdbc.update("update campaign set status = ? where id = ?", status.name(), id);
  }

  /** The next invitees whose invitation has not been started yet, in a stable order. */
  public List<String> nextToLaunch(String campaignId, int limit) {
    return jdbc.queryForList(
        "select invitee_code from campaign_invitee where campaign_id = ? and launched = false"
            + " order by invitee_code fetch first " + limit + " rows only",
        String.class,
        campaignId);
  }

  public void markLaunched(String campaignId, List<String> inviteeCodes) {
    List<Object[]> rows = inviteeCodes.stream().map(c -> new Object[] {campaignId, c}).toList();
    jdbc.batchUpdate(
        "update campaign_invitee set launched = true where campaign_id = ? and invitee_code = ?", rows);
  }

  /** Whether the invitee is on the campaign's invitee list. */
  public boolean isInvited(String campaignId, String inviteeCode) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from campaign_invitee where campaign_id = ? and invitee_code = ?",
            Integer.class,
            campaignId,
            inviteeCode);
    return n != null && n > 0;
  }

  public boolean allLaunched(String campaignId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from campaign_invitee where campaign_id = ? and launched = false",
            Integer.class,
            campaignId);
    return n != null && n == 0;
  }

  /**
   * Records the end of one invitation once; returns true when it was the campaign's last one. The
   * update of the campaign row serialises concurrent ends, so exactly one caller sees the last one.
   */
  public boolean recordEnded(String campaignId, String inviteeCode, String outcome, Instant now) {
    int changed =
        jdbc.update(
            "update campaign_invitee set outcome = ?, ended_at = ?"
                + " where campaign_id = ? and invitee_code = ? and outcome is null",
            outcome, Timestamp.from(now), campaignId, inviteeCode);
    if (changed == 0) {
      return false;
    }
    jdbc.update("update campaign set ended_count = ended_count + 1 where id = ?", campaignId);
    Campaign c = find(campaignId).orElseThrow();
    return c.endedCount() >= c.inviteeCount();
  }

  /** How many of the campaign's invitations ended with each outcome; "RUNNING" counts those not ended. */
  public Map<String, Integer> outcomeCounts(String campaignId) {
    Map<String, Integer> counts = new TreeMap<>();
    jdbc.query(
        "select coalesce(outcome, 'RUNNING'), count(*) from campaign_invitee where campaign_id = ?"
            + " group by coalesce(outcome, 'RUNNING')",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        },
        campaignId);
    return counts;
  }

  private Campaign row(ResultSet rs, int n) throws SQLException {
    return new Campaign(
        rs.getString("id"),
        rs.getString("event_code"),
        rs.getTimestamp("reply_deadline").toInstant(),
        CampaignStatus.valueOf(rs.getString("status")),
        rs.getInt("invitee_count"),
        rs.getInt("ended_count"));
  }
}
