package org.ipu.outreach.mail;

import java.time.Instant;
import org.ipu.outreach.directory.Invitee;
import org.ipu.outreach.event.OutreachEvent;
import org.ipu.outreach.reply.Representative;

/**
 * What a letter is about. {@code representative} is set for the mails addressed to a representative
 * (registration confirmation, joining reminder, sorry-we-missed-you, another-nominee request, not
 * accepted) and null otherwise; {@code replyDeadline} is the campaign's deadline.
 */
public record LetterContext(
    OutreachEvent event, Invitee invitee, Representative representative, Instant replyDeadline) {}
