package org.ipu.outreach.reply;

/**
 * A reply that can no longer be taken through the reply page: the deadline has passed, the invitation
 * has ended, or its representatives are registered already. Nothing was stored; the page points to the
 * secretariat's e-mail address instead.
 */
public class ReplyClosedException extends RuntimeException {

  /** Why, for the page to choose its message. */
  public enum Reason {
    DEADLINE_PASSED,
    INVITATION_ENDED,
    REPRESENTATIVES_REGISTERED
  }

  private final Reason reason;

  public ReplyClosedException(Reason reason) {
    super("The reply page no longer takes replies for this invitation: " + reason);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
