package org.ipu.outreach.reply;

public enum RepresentativeStatus {
  NOMINATED,
  CONFIRMED,
  REPLACEMENT_REQUESTED,
  REJECTED,
  REGISTERED,
  WITHDRAWN
}
