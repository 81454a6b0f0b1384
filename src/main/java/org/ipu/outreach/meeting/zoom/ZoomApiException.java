package org.ipu.outreach.meeting.zoom;

/**
 * Zoom answered with an error that retrying may cure (a server error, a timeout) or that needs an
 * operator: the job is retried, then becomes an incident showing this message. Zoom's tracking id is
 * kept for its support.
 */
public class ZoomApiException extends RuntimeException {

  private final int httpStatus;
  private final Integer zoomCode;
  private final String trackingId;

  public ZoomApiException(String message, int httpStatus, Integer zoomCode, String trackingId) {
    super(message);
    this.httpStatus = httpStatus;
    this.zoomCode = zoomCode;
    this.trackingId = trackingId;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Integer zoomCode() {
    return zoomCode;
  }

  public String trackingId() {
    return trackingId;
  }
}
