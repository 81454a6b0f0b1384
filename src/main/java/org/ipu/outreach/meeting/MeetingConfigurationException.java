package org.ipu.outreach.meeting;

/**
 * The meeting is set up so that nobody can be registered (it does not exist, registration is off, it
 * is full, ...). Retrying does not help: the message says what staff must change on the platform.
 */
public class MeetingConfigurationException extends RuntimeException {

  public MeetingConfigurationException(String message) {
    super(message);
  }
}
