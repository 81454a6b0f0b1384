package org.ipu.outreach.mail;

public enum OutboxStatus {
  PENDING,
  SENDING,
  SENT,
  FAILED
}
