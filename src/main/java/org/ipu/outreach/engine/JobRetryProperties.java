package org.ipu.outreach.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryCycle back-off of failed jobs (mail queueing, meeting platform calls): comma-separated
 *     ISO-8601 durations, one per retry; when they are used up the job becomes an incident in Cockpit
 */
@ConfigurationProperties("outreach.jobs")
public record JobRetryProperties(String retryCycle) {}
