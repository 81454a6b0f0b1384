package org.ipu.outreach.mail;

import java.time.Instant;
import java.util.List;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;

/**
 * What a letter is about. {@code representative} is set for the mails addressed to a representative
 * (registration confirmation, joining reminder, sorry-we-missed-you, another-nominee request, not
 * accepted) and null otherwise; {@code replyDeadline} is the campaign's deadline; {@code replyUrl} is the
 * invitee's personal link to the reply page, null when the letter carries none; {@code received} is the
 * reply a {@link MailKind#REPLY_RECEIVED} confirms.
 */
public record LetterContext(
    OutreachEvent event,
    Invitee invitee,
    Representative representative,
    Instant replyDeadline,
    String replyUrl,
    ReceivedReply received) {

  /** A letter without reply link. */
  public LetterContext(OutreachEvent event, Invitee invitee, Representative representative, Instant replyDeadline) {
    this(event, invitee, representative, replyDeadline, null, null);
  }

  public LetterContext withReplyUrl(String url) {
    return new LetterContext(event, invitee, representative, replyDeadline, url, received);
  }

  public LetterContext withReceived(ReceivedReply reply) {
    return new LetterContext(event, invitee, representative, replyDeadline, replyUrl, reply);
  }

  /** A reply as the parliament gave it: nominees, or none and an optional reason for declining. */
  public record ReceivedReply(List<Representative.Nomination> nominees, String declineReason) {
    public ReceivedReply {
      nominees = nominees == null ? List.of() : List.copyOf(nominees);
    }

    public boolean declined() {
      return nominees.isEmpty();
    }
  }
}
