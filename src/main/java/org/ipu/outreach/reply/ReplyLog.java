package org.ipu.outreach.reply;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The invitation_reply table: one row per reply recorded, with its channel and who recorded it. */
@Repository
class ReplyLog {

  private final JdbcTemplate jdbc;

  ReplyLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String campaignId, String inviteeCode, Reply reply, ReplyChannel channel, String author, Instant at) {
    jdbc.update(
        "insert into invitation_reply (campaign_id, invitee_code, channel, recorded_by, answer, nominees, received_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        campaignId, inviteeCode, channel.name(), author, reply.declined() ? "DECLINED" : "NOMINATED",
        reply.nominees().size(), Timestamp.from(at));
  }
}
