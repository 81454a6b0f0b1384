package org.ipu.outreach.task;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
    @DefaultValue("P2D") Duration escalationAfter,
    @DefaultValue("secretariat") String staffGroup,
    @DefaultValue("managers") String managerGroup,
    @DefaultValue("Europe/Zurich") ZoneId workingTimeZone) {}
