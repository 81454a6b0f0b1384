package org.ipu.outreach.event;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.ipu.outreach.directory.Language;

/** The event an invitation campaign is about: start and end carry the event's own time zone. */
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
    String signatoryTitle) {

  public boolean hasStartedAt(Instant now) {
    return !start.toInstant().isAfter(now);
  }
}
