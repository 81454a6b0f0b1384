package org.ipu.outreach.mail;

public enum OutboxStatus {
  PENDING,
  SENDING,
  SENT,
  FAILED,
  /** Not sent because it no longer applies (the event was cancelled before it went out). */
  WITHDRAWN
}
