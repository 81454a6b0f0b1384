package org.ipu.outreach.reply;

/** How a reply reached us. Every channel goes through {@link ReplyService#record} and means the same. */
public enum ReplyChannel {
  /** The parliament itself, on the reply page of its personal link: only until the reply deadline. */
  REPLY_PAGE,
  /** Staff, on the staff reply form, for a reply that came by e-mail or letter. */
  STAFF_FORM,
  /** Staff, through {@code POST /api/campaigns/{id}/invitees/{code}/reply}. */
  API;

  /** Staff may record a reply after the deadline: the parliament answered their follow-up. */
  public boolean byStaff() {
    return this != REPLY_PAGE;
  }
}
