package org.ipu.outreach.reply;

/**
 * A reply that can no longer be taken on its channel: the deadline has passed (for the reply page) or
 * the invitation has ended. Nothing was stored; the page points to the secretariat's e-mail address.
 */
public class ReplyClosedException extends RuntimeException {

  private final String reason;

  /** {@code reason}: DEADLINE_PASSED or ENDED (see {@link ReplyService.Situation#closedBecause()}). */
  public ReplyClosedException(String reason) {
    super("The reply page no longer takes replies for this invitation: " + reason);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
