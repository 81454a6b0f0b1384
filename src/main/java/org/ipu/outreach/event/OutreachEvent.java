package org.ipu.outreach.event;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.ipu.outreach.directory.Language;

/**
 * The event an invitation campaign is about: start and end carry the event's own time zone. The title
 * and audience note are given once and may be translated for letters in the other languages.
 */
public record OutreachEvent(
    String code,
    String title,
    ZonedDateTime start,
    ZonedDateTime end,
    String meetingId,
    List<Language> interpretationLanguages,
    String audienceNote,
    Instant replyDeadline,
    String signatoryName,
    String signatoryTitle,
    Map<Language, Translation> translations) {

  /** Title and audience note in one letter language. */
  public record Translation(String title, String audienceNote) {}

  public OutreachEvent {
    translations = Map.copyOf(translations);
  }

  /** An event whose texts are not translated. */
  public OutreachEvent(
      String code, String title, ZonedDateTime start, ZonedDateTime end, String meetingId,
      List<Language> interpretationLanguages, String audienceNote, Instant replyDeadline, String signatoryName,
      String signatoryTitle) {
    this(code, title, start, end, meetingId, interpretationLanguages, audienceNote, replyDeadline, signatoryName,
        signatoryTitle, Map.of());
  }

  OutreachEvent withTranslations(Map<Language, Translation> texts) {
    return new OutreachEvent(code, title, start, end, meetingId, interpretationLanguages, audienceNote, replyDeadline,
        signatoryName, signatoryTitle, texts);
  }

  public boolean hasStartedAt(Instant now) {
    return !start.toInstant().isAfter(now);
  }

  public String titleIn(Language language) {
    Translation t = translations.get(language);
    return t == null ? title : t.title();
  }

  public String audienceNoteIn(Language language) {
    Translation t = translations.get(language);
    return t == null ? audienceNote : t.audienceNote();
  }
}
