package org.ipu.outreach.meeting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param registrationInterval how often the registration batcher registers the representatives confirmed
 *     since its last round, all parliaments together (Zoom: up to 30 per add call)
 * @param registrationClaimHold how long a round holds its requests before another node may take them
 * @param busyRoundsBeforeIncident after this many rounds in a row answered "too many requests", an
 *     incident on the campaign says that the meeting platform is throttling (the rounds go on)
 */
@ConfigurationProperties("outreach.meeting")
public record MeetingRegistrationProperties(
    Duration registrationInterval,
    Duration registrationClaimHold,
    int busyRoundsBeforeIncident) {}
