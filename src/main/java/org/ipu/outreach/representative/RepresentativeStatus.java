package org.ipu.outreach.representative;

public enum RepresentativeStatus {
  NOMINATED,
  CONFIRMED,
  REPLACEMENT_REQUESTED,
  REJECTED,
  REGISTERED,
  WITHDRAWN
}
