package org.ipu.outreach.event;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The event_change table: every reschedule and cancellation of an event, in order. */
@Repository
public class EventChangeRepository {

  private final JdbcTemplate jdbc;

  public EventChangeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the change; returns it with its id. */
  public EventChange insert(EventChange c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into event_change (event_code, kind, sequence, previous_start, previous_end, reason,"
                      + " requested_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          ps.setString(1, c.eventCode());
          ps.setString(2, c.kind().name());
          ps.setInt(3, c.sequence());
          ps.setTimestamp(4, Timestamp.from(c.previousStart().toInstant()));
          ps.setTimestamp(5, Timestamp.from(c.previousEnd().toInstant()));
          ps.setString(6, c.reason());
          ps.setString(7, c.requestedBy());
          ps.setTimestamp(8, Timestamp.from(c.changedAt()));
          return ps;
        },
        keys);
    return new EventChange(
        keys.getKey().longValue(), c.eventCode(), c.kind(), c.sequence(), c.previousStart(), c.previousEnd(),
        c.reason(), c.requestedBy(), c.changedAt());
  }

  /** The event's changes after the given sequence number, oldest first. */
  public List<EventChange> since(String eventCode, int afterSequence) {
    return jdbc.query(
        "select c.*, e.time_zone from event_change c join outreach_event e on e.code = c.event_code"
            + " where c.event_code = ? and c.sequence > ? order by c.sequence",
        this::row, eventCode, afterSequence);
  }

  /** The change, its previous times in the event's own time zone. */
  public Optional<EventChange> find(long id) {
    return jdbc.query(
            "select c.*, e.time_zone from event_change c join outreach_event e on e.code = c.event_code where c.id = ?",
            this::row,
            id)
        .stream()
        .findFirst();
  }

  private EventChange row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
    return new EventChange(
        rs.getLong("id"), rs.getString("event_code"), EventChange.Kind.valueOf(rs.getString("kind")),
        rs.getInt("sequence"), rs.getTimestamp("previous_start").toInstant().atZone(zone),
        rs.getTimestamp("previous_end").toInstant().atZone(zone), rs.getString("reason"),
        rs.getString("requested_by"), rs.getTimestamp("changed_at").toInstant());
  }
}
