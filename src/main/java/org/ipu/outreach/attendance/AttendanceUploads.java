package org.ipu.outreach.attendance;

import java.util.ArrayList;
import java.util.List;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Participant reports staff uploaded, per campaign (table attendance_upload_session). */
@Repository
public class AttendanceUploads {

  private final JdbcTemplate jdbc;

  public AttendanceUploads(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the campaign's uploaded report as a whole. */
  @Transactional
  public void replace(String campaignId, List<Participation> sessions) {
    jdbc.update("delete from attendance_upload_session where campaign_id = ?", campaignId);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      Participation p = sessions.get(i);
      rows.add(new Object[] {campaignId, i + 1, p.registrantId(), p.email(), p.name(), p.seconds()});
    }
    jdbc.batchUpdate(
        "insert into attendance_upload_session (campaign_id, line_no, registrant_id, email, name, seconds)"
            + " values (?, ?, ?, ?, ?, ?)",
        rows);
  }

  public List<Participation> sessions(String campaignId) {
    return jdbc.query(
        "select registrant_id, email, name, seconds from attendance_upload_session where campaign_id = ? order by line_no",
        (rs, n) -> new Participation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
        campaignId);
  }
}
