package org.ipu.outreach;

/** What a request names does not exist (an unknown campaign, invitee or invitation): a 404 from our endpoints. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
