package org.ipu.outreach.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed logins by client address (see {@link LoginThrottleFilter}); defaults in application.yaml.
 *
 * @param failuresPerClient failed logins one client address may make per {@code window}, whatever the users
 * @param failuresPerClientAndUser failed logins one client address may make per {@code window} for one user
 * @param window the window of both counts, from the first failure
 */
@ConfigurationProperties("outreach.security.login")
public record LoginThrottleProperties(int failuresPerClient, int failuresPerClientAndUser, Duration window) {}
