package org.ipu.outreach.event;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** Local times as staff give them for an event, in the event's own time zone. */
public final class EventTimes {

  private EventTimes() {}

  /**
   * Why this local time is no time at all in that zone ("does not exist in Europe/Zurich: ..."), when the
   * clocks skip it at the spring change; empty when it exists. The caller names the field before it.
   */
  public static Optional<String> skipped(LocalDateTime local, ZoneId zone) {
    return zone.getRules().getValidOffsets(local).isEmpty()
        ? Optional.of("does not exist in " + zone.getId() + ": the clocks skip that hour when summer time begins.")
        : Optional.empty();
  }
}
