package org.ipu.outreach.task;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff task deadlines.
 *
 * @param escalationAfter how long a staff task may stay open before it is escalated to managers;
 *     whole days count as working days (Monday to Friday), hours and minutes as clock time
 * @param staffGroup candidate group of every staff task
 * @param managerGroup group that escalated tasks are given to as well
 * @param workingTimeZone time zone of the secretariat, in which working days are counted
 */
@ConfigurationProperties("outreach.tasks")
public record TaskProperties(
    Duration escalationAfter,
    String staffGroup,
    String managerGroup,
    ZoneId workingTimeZone) {}
