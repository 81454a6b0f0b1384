package org.ipu.outreach.meeting;

import java.util.Map;

/**
 * The online meeting platform (Zoom, or the local simulator). Implementations throw when the platform
 * cannot be reached or refuses; the calling job is then retried and finally becomes an incident.
 */
public interface MeetingPlatform {

  /** Registers the person for the meeting; registering the same e-mail again returns the same result. */
  Registration register(String meetingId, Registrant registrant);

  /** Minutes each registrant spent in the meeting, by registrant id; absent registrants may be missing. */
  Map<String, Integer> minutesAttended(String meetingId);

  record Registrant(String fullName, String email) {}

  record Registration(String registrantId, String joinUrl) {}
}
