package org.ipu.outreach.meeting.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zoom replaces the simulator when outreach.meeting.platform is zoom, or (the platform left empty) when
 * outreach.zoom.account-id (ZOOM_ACCOUNT_ID) is set; see {@link ZoomConfigured}.
 */
@Configuration
@Conditional(ZoomConfigured.class)
public class ZoomConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ZoomConfiguration.class);

  @Bean
  ZoomClient zoomClient(ZoomProperties properties, Clock clock, ObjectMapper json, MeterRegistry metrics) {
    if (properties.accountId().isBlank() || properties.clientId().isBlank() || properties.clientSecret().isBlank()) {
      throw new IllegalStateException(
          "Zoom is the meeting platform but ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID or ZOOM_CLIENT_SECRET is missing"
              + " (see docs/zoom.md).");
    }
    log.info("Meeting platform: Zoom ({})", properties); // toString shows no secret
    return new ZoomClient(properties, clock, json, metrics);
  }

  @Bean
  ZoomMeetingPlatform zoomMeetingPlatform(ZoomClient client, Clock clock) {
    return new ZoomMeetingPlatform(client, clock);
  }
}
