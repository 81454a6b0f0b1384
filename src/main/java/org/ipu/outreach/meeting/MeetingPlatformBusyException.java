package org.ipu.outreach.meeting;

import java.time.Instant;

/**
 * The platform's rate limit was reached. {@link #retryAt()} is when it may be asked again (null when
 * the platform did not say); the process waits on a timer instead of spending job retries.
 */
public class MeetingPlatformBusyException extends RuntimeException {

  private final Instant retryAt;
  private final boolean dailyLimit;

  public MeetingPlatformBusyException(String message, Instant retryAt, boolean dailyLimit) {
    super(message);
    this.retryAt = retryAt;
    this.dailyLimit = dailyLimit;
  }

  public Instant retryAt() {
    return retryAt;
  }

  public boolean dailyLimit() {
    return dailyLimit;
  }
}
