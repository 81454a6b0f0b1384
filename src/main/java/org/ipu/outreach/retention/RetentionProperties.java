package org.ipu.outreach.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data of a finished campaign is kept. Defaults are documented in application.yaml.
 *
 * @param personalDataAfter personal data of a completed or cancelled campaign is removed this long after
 *     its event ended
 * @param cron when the purge runs (Spring cron, server time zone); "-" switches it off
 */
@ConfigurationProperties("outreach.retention")
public record RetentionProperties(
    @DefaultValue("P90D") Duration personalDataAfter, @DefaultValue("0 30 2 * * *") String cron) {}
