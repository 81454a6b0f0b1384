package org.ipu.outreach.change;

import java.time.LocalDateTime;

/** What staff asked for: move the event to new local times (in its own zone), or cancel it; and why. */
public record EventChangeRequest(
    String eventCode, boolean cancel, LocalDateTime newStart, LocalDateTime newEnd, String reason, String requestedBy) {}
