package org.ipu.outreach.meeting;

/**
 * The platform will not register this one person (Zoom: the address is a host's, or not one Zoom
 * accepts). Not a failure of the round: the others are registered, and staff correct or drop this one.
 */
public class RegistrantRefusedException extends RuntimeException {

  public RegistrantRefusedException(String reason) {
    super(reason);
  }
}
