package org.ipu.outreach.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo schedules the seed letter's panel relative to the moment the application starts.
 *
 * @param startsIn time from application start to the start of the demo panel
 * @param duration length of the demo panel
 * @param replyWithin reply deadline, from application start
 */
@ConfigurationProperties("outreach.demo")
public record DemoProperties(
    Duration startsIn,
    Duration duration,
    Duration replyWithin) {}
