package org.ipu.outreach.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator's view (docs/operations.md#monitoring). Defaults are documented in application.yaml.
 *
 * @param mailCheckTimeout connect and read timeout of the health check's SMTP connection to the relay
 */
@ConfigurationProperties("outreach.monitoring")
public record MonitoringProperties(Duration mailCheckTimeout) {}
