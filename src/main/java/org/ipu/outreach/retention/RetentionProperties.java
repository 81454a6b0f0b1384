package org.ipu.outreach.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data of a campaign is kept. Defaults are documented in application.yaml.
 *
 * @param personalDataAfter personal data of a campaign's invitations that have ended is removed this long
 *     after its event ended (a running one holds its campaign: see PersonalDataPurge)
 * @param cron when the purge runs (Spring cron, server time zone); "-" switches it off
 */
@ConfigurationProperties("outreach.retention")
public record RetentionProperties(
    Duration personalDataAfter, String cron) {}
