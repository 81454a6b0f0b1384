package org.ipu.outreach.invitation;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The schedule of one parliament's invitation; defaults are documented in application.yaml, and the
 * demo profile shortens them so that a whole run takes minutes.
 *
 * @param firstReminderAfter reminder when no reply has come this long after the invitation
 * @param deadlineReminderBefore reminder this long before the reply deadline
 * @param replacementReplyPeriod time a parliament gets to name another nominee when the deadline is near
 * @param joiningReminderBefore reminder with the join link this long before the event starts
 * @param attendanceCollectionAfter attendance is collected this long after the event ends
 * @param minimumAttendedMinutes minutes in the meeting from which a representative counts as attended
 */
@ConfigurationProperties("outreach.invitation")
public record InvitationTimings(
    Duration firstReminderAfter,
    Duration deadlineReminderBefore,
    Duration replacementReplyPeriod,
    Duration joiningReminderBefore,
    Duration attendanceCollectionAfter,
    int minimumAttendedMinutes) {}
