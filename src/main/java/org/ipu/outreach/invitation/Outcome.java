package org.ipu.outreach.invitation;

/** How one parliament's invitation ended; kept as the process variable "outcome". */
public enum Outcome {
  ATTENDED,
  ABSENT,
  DECLINED,
  NO_REPLY,
  /** The secretariat did not accept any of the parliament's nominees. */
  REJECTED,
  /** The event started before the invitation had registered representatives; nothing more was sent. */
  CLOSED_AT_EVENT_START,
  /** The event was cancelled: the invitation was told and ended. */
  EVENT_CANCELLED,
  /** The instance was cancelled (e.g. by an operator in Cockpit). */
  CANCELLED
}
