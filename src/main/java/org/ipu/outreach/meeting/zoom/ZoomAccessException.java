package org.ipu.outreach.meeting.zoom;

/**
 * Zoom refused our credentials or the app lacks a scope (invalid token 124, missing scopes 4700, 401
 * after a fresh token). Only an operator can fix that: the message says what to check.
 */
public class ZoomAccessException extends ZoomApiException {

  public ZoomAccessException(String message, int httpStatus, Integer zoomCode, String trackingId) {
    super(message, httpStatus, zoomCode, trackingId);
  }
}
