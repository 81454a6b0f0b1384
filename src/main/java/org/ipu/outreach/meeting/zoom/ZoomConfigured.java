package org.ipu.outreach.meeting.zoom;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Zoom is the meeting platform when {@code outreach.meeting.platform} is {@code zoom}, the simulator when
 * it is {@code simulator}. Left empty (allowed outside the prod profile only), Zoom is the platform when
 * an account id is configured and the simulator otherwise. Exactly one of the two conditions holds, so
 * exactly one MeetingPlatform bean exists.
 */
public class ZoomConfigured implements Condition {

  public static final String PLATFORM = "outreach.meeting.platform";
  static final String ACCOUNT_ID = "outreach.zoom.account-id";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return zoomChosen(context.getEnvironment());
  }

  /** Whether Zoom is the meeting platform; an unknown platform name is refused. */
  public static boolean zoomChosen(Environment environment) {
    String platform = environment.getProperty(PLATFORM, "").trim().toLowerCase(Locale.ROOT);
    return switch (platform) {
      case "zoom" -> true;
      case "simulator" -> false;
      case "" -> !environment.getProperty(ACCOUNT_ID, "").isBlank();
      default -> throw new IllegalStateException(
          PLATFORM + " (MEETING_PLATFORM) must be zoom or simulator, not '" + platform + "'.");
    };
  }

  /** The opposite: the simulator is the meeting platform. */
  public static class Not implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new ZoomConfigured().matches(context, metadata);
    }
  }
}
