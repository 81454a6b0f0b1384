package org.ipu.outreach.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ipu.outreach.directory.Language;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class EventRepository {

  private final JdbcTemplate jdbc;

  public EventRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The event with its translated texts, in one query: letters read it for every invitation step. */
  public Optional<OutreachEvent> find(String code) {
    Map<Language, OutreachEvent.Translation> texts = new EnumMap<>(Language.class);
    List<OutreachEvent> found =
        jdbc.query(
            "select e.*, t.language as text_language, t.title as text_title, t.audience_note as text_note"
                + " from outreach_event e left join event_text t on t.event_code = e.code where e.code = ?",
            (rs, n) -> {
              if (rs.getString("text_language") != null) {
                texts.put(
                    Language.parse(rs.getString("text_language")).orElseThrow(),
                    new OutreachEvent.Translation(rs.getString("text_title"), rs.getString("text_note")));
              }
              return n == 0 ? row(rs, Map.of()) : null;
            },
            code);
    return found.stream().findFirst().map(e -> e.withTranslations(texts));
  }

  public List<OutreachEvent> findAll() {
    return jdbc.query(
        "select * from outreach_event order by starts_at", (rs, n) -> row(rs, translations(rs.getString("code"))));
  }

  private Map<Language, OutreachEvent.Translation> translations(String code) {
    Map<Language, OutreachEvent.Translation> result = new EnumMap<>(Language.class);
    jdbc.query(
        "select language, title, audience_note from event_text where event_code = ?",
        rs -> {
          result.put(
              Language.parse(rs.getString(1)).orElseThrow(),
              new OutreachEvent.Translation(rs.getString(2), rs.getString(3)));
        },
        code);
    return result;
  }

  /** Inserts the event, or updates the one with the same code (campaigns keep referring to it). */
  public void save(OutreachEvent e) {
    String sql =
        find(e.code()).isPresent()
            ? "update outreach_event set title = ?, starts_at = ?, ends_at = ?, time_zone = ?, meeting_id = ?,"
                + " interpretation_languages = ?, audience_note = ?, reply_deadline = ?, signatory_name = ?,"
                + " signatory_title = ? where code = ?"
            : "insert into outreach_event (title, starts_at, ends_at, time_zone, meeting_id,"
                + " interpretation_languages, audience_note, reply_deadline, signatory_name, signatory_title, code)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    jdbc.update(
        sql,
        e.title(),
        Timestamp.from(e.start().toInstant()),
        Timestamp.from(e.end().toInstant()),
        e.start().getZone().getId(),
        e.meetingId(),
        e.interpretationLanguages().stream().map(Language::name).collect(Collectors.joining(",")),
        e.audienceNote(),
        Timestamp.from(e.replyDeadline()),
        e.signatoryName(),
        e.signatoryTitle(),
        e.code());
    jdbc.update("delete from event_text where event_code = ?", e.code());
    e.translations()
        .forEach(
            (language, t) ->
                jdbc.update(
                    "insert into event_text (event_code, language, title, audience_note) values (?, ?, ?, ?)",
                    e.code(), language.code(), t.title(), t.audienceNote()));
  }

  /**
   * Moves the event to new times, counting one more change of its schedule; returns the new sequence
   * number (the SEQUENCE of its calendar files).
   */
  public int reschedule(String code, ZonedDateTime start, ZonedDateTime end) {
    jdbc.update(
        "update outreach_event set starts_at = ?, ends_at = ?, time_zone = ?,"
            + " schedule_sequence = schedule_sequence + 1 where code = ?",
        Timestamp.from(start.toInstant()), Timestamp.from(end.toInstant()), start.getZone().getId(), code);
    return scheduleSequence(code);
  }

  /** Records the event as cancelled, one more change of its schedule; returns the new sequence number. */
  public int cancel(String code, Instant at) {
    jdbc.update(
        "update outreach_event set cancelled_at = ?, schedule_sequence = schedule_sequence + 1 where code = ?",
        Timestamp.from(at), code);
    return scheduleSequence(code);
  }

  /** How often the event's schedule has changed since it was announced (0: never). */
  public int scheduleSequence(String code) {
    Integer n = jdbc.queryForObject("select schedule_sequence from outreach_event where code = ?", Integer.class, code);
    return n == null ? 0 : n;
  }

  /** Whether a campaign about the event is under review or running: its letters quote the event's times. */
  public boolean hasActiveCampaign(String code) {
    Integer n = jdbc.queryForObject(
        "select count(*) from campaign where event_code = ? and status in ('IN_REVIEW', 'RUNNING')", Integer.class, code);
    return n != null && n > 0;
  }

  public boolean isCancelled(String code) {
    Integer n = jdbc.queryForObject(
        "select count(*) from outreach_event where code = ? and cancelled_at is not null", Integer.class, code);
    return n != null && n > 0;
  }

  private static OutreachEvent row(ResultSet rs, Map<Language, OutreachEvent.Translation> texts) throws SQLException {
    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
    return new OutreachEvent(
        rs.getString("code"),
        rs.getString("title"),
        rs.getTimestamp("starts_at").toInstant().atZone(zone),
        rs.getTimestamp("ends_at").toInstant().atZone(zone),
        rs.getString("meeting_id"),
        Arrays.stream(rs.getString("interpretation_languages").split(","))
            .map(l -> Language.parse(l).orElseThrow())
            .toList(),
        rs.getString("audience_note"),
        rs.getTimestamp("reply_deadline").toInstant(),
        rs.getString("signatory_name"),
        rs.getString("signatory_title"),
        texts);
  }
}
