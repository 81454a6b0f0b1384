package org.ipu.outreach.meeting.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl where this application is reachable; personal join links point here
 * @param minutesPerJoin minutes recorded when a representative opens a simulated join link
 * @param failRegistrationFor e-mail address the simulator refuses to register, to show a registration
 *     failure becoming an incident in a demo; empty for none
 */
@ConfigurationProperties("outreach.simulator")
public record SimulatorProperties(
    String baseUrl,
    int minutesPerJoin,
    String failRegistrationFor) {}
