package org.ipu.outreach.meeting.simulator;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.meeting.MeetingPlatform;
import org.ipu.outreach.meeting.zoom.ZoomConfigured;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A local stand-in for Zoom: registrations and attendance live in our database; staff record who
 * joined and for how long on /app/simulator, and opening a join link counts as joining. It is the
 * platform whenever no Zoom account is configured.
 */
@Component
@Conditional(ZoomConfigured.Not.class)
public class SimulatedMeetingPlatform implements MeetingPlatform {

  private final JdbcTemplate jdbc;
  private final SimulatorProperties properties;

  public SimulatedMeetingPlatform(JdbcTemplate jdbc, SimulatorProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** One simulated registrant, as the staff page shows it. */
  public record SimulatedRegistrant(
      String registrantId, String meetingId, String fullName, String email, String joinUrl, Integer minutes) {}

  @Override
  public Registration register(String meetingId, Registrant registrant) {
    if (!properties.failRegistrationFor().isBlank()
        && properties.failRegistrationFor().equalsIgnoreCase(registrant.email())) {
      throw new IllegalStateException(
          "The meeting platform simulator refuses to register " + registrant.email()
              + " (outreach.simulator.fail-registration-for).");
    }
    List<Registration> existing =
        jdbc.query(
            "select registrant_id, join_url from simulated_registrant where meeting_id = ? and lower(email) = lower(?)",
            (rs, n) -> new Registration(rs.getString(1), rs.getString(2)),
            meetingId,
            registrant.email());
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    String id = UUID.randomUUID().toString();
    String joinUrl = properties.baseUrl() + "/simulator/join/" + id;
    jdbc.update(
        "insert into simulated_registrant (registrant_id, meeting_id, email, full_name, join_url, created_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        id, meetingId, registrant.email(), registrant.fullName(), joinUrl,
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    return new Registration(id, joinUrl);
  }

  @Override
  public Map<String, Integer> minutesAttended(String meetingId) {
    Map<String, Integer> minutes = new HashMap<>();
    jdbc.query(
        "select registrant_id, joined_minutes from simulated_registrant where meeting_id = ? and joined_minutes is not null",
        rs -> {
          minutes.put(rs.getString(1), rs.getInt(2));
        },
        meetingId);
    return minutes;
  }

  @Override
  public void cancel(String meetingId, String registrantId, String email) {
    // a cancelled registrant's link stops working, as on Zoom
    jdbc.update("delete from simulated_registrant where meeting_id = ? and registrant_id = ?", meetingId, registrantId);
  }

  @Override
  public List<Participation> participants(String meetingId) {
    return jdbc.query(
        "select registrant_id, email, full_name, joined_minutes from simulated_registrant"
            + " where meeting_id = ? and joined_minutes is not null and joined_minutes > 0",
        (rs, n) -> new Participation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) * 60L),
        meetingId);
  }

  /** Staff tell the simulator how long someone stayed; 0 means they did not join. */
  public boolean recordMinutes(String registrantId, int minutes) {
    if (minutes < 0 || minutes > 24 * 60) {
      throw new org.ipu.outreach.InvalidInputException("Minutes must be between 0 and 1440 (got " + minutes + ").");
    }
    return jdbc.update(
            "update simulated_registrant set joined_minutes = ? where registrant_id = ?", minutes, registrantId)
        == 1;
  }

  /** A representative opened their join link. */
  public boolean join(String registrantId) {
    return jdbc.update(
            "update simulated_registrant set joined_minutes = ? where registrant_id = ?",
            properties.minutesPerJoin(), registrantId)
        == 1;
  }

  public List<SimulatedRegistrant> registrants() {
    return jdbc.query(
        "select * from simulated_registrant order by created_at desc",
        (rs, n) ->
            new SimulatedRegistrant(
                rs.getString("registrant_id"), rs.getString("meeting_id"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("join_url"), (Integer) rs.getObject("joined_minutes")));
  }
}
