package org.ipu.outreach.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.InvalidInputException;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.security.StaffAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff create and correct the events campaigns are about. */
@RestController
@RequestMapping("/api/events")
class EventController {

  private final EventRepository events;
  private final StaffAccess staff;

  EventController(EventRepository events, StaffAccess staff) {
    this.events = events;
    this.staff = staff;
  }

  /** Local date-times in the event's time zone, as a secretariat states them ("15:00 CEST"). */
  public record EventJson(
      String title,
      String timeZone,
      String start,
      String end,
      String meetingId,
      List<String> interpretationLanguages,
      String audienceNote,
      String replyDeadline,
      String signatoryName,
      String signatoryTitle,
      Map<String, TranslationJson> translations) {}

  /** The title and audience note in another letter language (en, fr or es). */
  public record TranslationJson(String title, String audienceNote) {}

  @GetMapping
  public List<OutreachEvent> list() {
    staff.require();
    return events.findAll();
  }

  @PutMapping("/{code}")
  public OutreachEvent save(@PathVariable String code, @RequestBody EventJson body) {
    staff.require();
    OutreachEvent event = validate(code, body, ClockUtil.getCurrentTime().toInstant());
    events.find(code).ifPresent(current -> refuseScheduleChangeWhileCampaigning(current, event));
    events.save(event);
    return event;
  }

  /**
   * Letters have quoted the event's times, meeting and deadline: while a campaign is under review or
   * running they change only through "Change an event", which tells every parliament, or not at all.
   */
  private void refuseScheduleChangeWhileCampaigning(OutreachEvent current, OutreachEvent wanted) {
    boolean scheduleChanged =
        !current.start().toInstant().equals(wanted.start().toInstant())
            || !current.end().toInstant().equals(wanted.end().toInstant())
            || !current.start().getZone().equals(wanted.start().getZone())
            || !current.meetingId().equals(wanted.meetingId())
            || !current.replyDeadline().equals(wanted.replyDeadline());
    if (scheduleChanged && events.hasActiveCampaign(current.code())) {
      throw new InvalidInputException(
          "The event '" + current.code() + "' has a campaign under review or running, whose letters quote its times:"
              + " move or cancel it with \"Change an event\" in Tasklist, which writes to every parliament; its"
              + " meeting id and reply deadline cannot be changed while the campaign runs.");
    }
  }

  static OutreachEvent validate(String code, EventJson b, Instant now) {
    List<String> problems = new ArrayList<>();
    if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
      problems.add("code must be 2 to 40 characters of A-Z, 0-9 and '-' (got '" + code + "').");
    }
    String title = required(b.title(), "title", 300, problems);
    ZoneId zone = null;
    try {
      zone = b.timeZone() == null ? null : ZoneId.of(b.timeZone().trim());
    } catch (DateTimeException e) {
      // reported below
    }
    if (zone == null) {
      problems.add("timeZone must be a time zone such as Europe/Zurich (got '" + b.timeZone() + "').");
    }
    ZonedDateTime start = dateTime(b.start(), "start", zone, problems);
    ZonedDateTime end = dateTime(b.end(), "end", zone, problems);
    ZonedDateTime deadline = dateTime(b.replyDeadline(), "replyDeadline", zone, problems);
    if (start != null && !start.toInstant().isAfter(now)) {
      problems.add("start " + start + " is in the past.");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      problems.add("end must be after start.");
    }
    if (start != null && deadline != null && !deadline.isBefore(start)) {
      problems.add("replyDeadline must be before start.");
    }
    String meetingId = meetingId(b.meetingId(), problems);
    List<Language> languages = new ArrayList<>();
    for (String l : b.interpretationLanguages() == null ? List.<String>of() : b.interpretationLanguages()) {
      Language.parse(l).ifPresentOrElse(languages::add,
          () -> problems.add("interpretationLanguages: unknown language '" + l + "' (en, fr or es)."));
    }
    if (languages.isEmpty() && b.interpretationLanguages() == null) {
      problems.add("interpretationLanguages is missing.");
    }
    String audience = required(b.audienceNote(), "audienceNote", 2000, problems);
    String signatory = required(b.signatoryName(), "signatoryName", 200, problems);
    String signatoryTitle = required(b.signatoryTitle(), "signatoryTitle", 200, problems);
    Map<Language, OutreachEvent.Translation> translations = new EnumMap<>(Language.class);
    (b.translations() == null ? Map.<String, TranslationJson>of() : b.translations())
        .forEach(
            (lang, t) -> {
              Language language = Language.parse(lang).orElse(null);
              if (language == null) {
                problems.add("translations: unknown language '" + lang + "' (en, fr or es).");
                return;
              }
              String tTitle = required(t == null ? null : t.title(), "translations." + lang + ".title", 300, problems);
              String tNote =
                  required(t == null ? null : t.audienceNote(), "translations." + lang + ".audienceNote", 2000, problems);
              translations.put(language, new OutreachEvent.Translation(tTitle, tNote));
            });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new OutreachEvent(
        code, title, start, end, meetingId, List.copyOf(languages), audience, deadline.toInstant(), signatory,
        signatoryTitle, translations);
  }

  /** A Zoom meeting id: 9 to 12 digits, as Zoom shows it ("857 4635 2411" is taken without its spaces). */
  private static String meetingId(String text, List<String> problems) {
    String id = text == null ? "" : text.replace(" ", "").trim();
    if (!id.matches("[0-9]{9,12}")) {
      problems.add("meetingId must be the meeting's number as Zoom shows it, 9 to 12 digits (got '"
          + (text == null ? "" : text) + "').");
      return null;
    }
    return id;
  }

  private static ZonedDateTime dateTime(String text, String field, ZoneId zone, List<String> problems) {
    if (text == null || text.isBlank()) {
      problems.add(field + " is missing.");
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.parse(text.trim());
      Optional<String> skipped = zone == null ? Optional.empty() : EventTimes.skipped(local, zone);
      if (skipped.isPresent()) {
        problems.add(field + " " + text.trim() + " " + skipped.get());
        return null;
      }
      return zone == null ? null : local.atZone(zone);
    } catch (DateTimeParseException e) {
      problems.add(field + " '" + text + "' is not a date and time such as 2026-09-26T15:00.");
      return null;
    }
  }

  private static String required(String value, String field, int max, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is missing.");
      return null;
    }
    if (value.trim().length() > max) {
      problems.add(field + " is longer than " + max + " characters.");
    }
    return value.trim();
  }
}
