package org.ipu.outreach.mail;

import java.time.Instant;
import java.util.List;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.event.EventChange;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.representative.Representative;

/**
 * What a letter is about. {@code representative} is set for the mails addressed to a representative
 * (registration confirmation, joining reminder, sorry-we-missed-you, another-nominee request, not
 * accepted) and null otherwise; {@code replyDeadline} is the campaign's deadline; {@code replyUrl} is the
 * invitee's personal link to the reply page, null when the letter carries none; {@code received} is the
 * reply a {@link MailKind#REPLY_RECEIVED} confirms; {@code change} the change a
 * {@link MailKind#EVENT_RESCHEDULED} or {@link MailKind#EVENT_CANCELLED} announces; {@code cannotAttendUrl}
 * the representative's link to withdraw.
 */
public record LetterContext(
    OutreachEvent event,
    Invitee invitee,
    Representative representative,
    Instant replyDeadline,
    String replyUrl,
    ReceivedReply received,
    EventChange change,
    int scheduleSequence,
    String cannotAttendUrl) {

  /** A letter without reply link. */
  public LetterContext(OutreachEvent event, Invitee invitee, Representative representative, Instant replyDeadline) {
    this(event, invitee, representative, replyDeadline, null, null, null, 0, null);
  }

  public LetterContext withReplyUrl(String url) {
    return new LetterContext(event, invitee, representative, replyDeadline, url, received, change, scheduleSequence, cannotAttendUrl);
  }

  public LetterContext withReceived(ReceivedReply reply) {
    return new LetterContext(event, invitee, representative, replyDeadline, replyUrl, reply, change, scheduleSequence, cannotAttendUrl);
  }

  /** A letter announcing a change of the event; its calendar file carries the change's sequence. */
  public LetterContext withChange(EventChange c) {
    return new LetterContext(event, invitee, representative, replyDeadline, replyUrl, received, c, c.sequence(), cannotAttendUrl);
  }

  /** The event's schedule sequence, for the SEQUENCE of the calendar file (0 until the event changes). */
  public LetterContext withScheduleSequence(int sequence) {
    return new LetterContext(event, invitee, representative, replyDeadline, replyUrl, received, change, sequence, cannotAttendUrl);
  }

  /** The representative's personal "I cannot attend" link (registration confirmation, joining reminder). */
  public LetterContext withCannotAttendUrl(String url) {
    return new LetterContext(event, invitee, representative, replyDeadline, replyUrl, received, change, scheduleSequence, url);
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
