package org.ipu.outreach.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo schedules the seed letter's panel relative to the moment the application starts.
 *
 * @param startsIn time from application start to the start of the demo panel
 * @param duration length of the demo panel
 * @param replyWithin reply deadline, from application start
 */
@ConfigurationProperties("outreach.demo")
public record DemoProperties(
    @DefaultValue("PT20M") Duration startsIn,
    @DefaultValue("PT5M") Duration duration,
    @DefaultValue("PT8M") Duration replyWithin) {}
