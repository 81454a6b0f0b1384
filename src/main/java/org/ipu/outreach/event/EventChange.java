package org.ipu.outreach.event;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One change of an event after its letters went out: moved to new times, or cancelled. {@code sequence}
 * is the event's schedule sequence after the change (the SEQUENCE of the calendar files it sends);
 * {@code previousStart}/{@code previousEnd} are the times the letters announced before it.
 */
public record EventChange(
    long id,
    String eventCode,
    Kind kind,
    int sequence,
    ZonedDateTime previousStart,
    ZonedDateTime previousEnd,
    String reason,
    String requestedBy,
    Instant changedAt) {

  public enum Kind {
    RESCHEDULED,
    CANCELLED
  }
}
