package org.ipu.outreach.meeting.zoom;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Zoom is the meeting platform when an account id is configured; otherwise the simulator is. Exactly
 * one of the two conditions holds, so exactly one MeetingPlatform bean exists.
 */
public class ZoomConfigured implements Condition {

  static final String ACCOUNT_ID = "outreach.zoom.account-id";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String accountId = context.getEnvironment().getProperty(ACCOUNT_ID, "");
    return !accountId.isBlank();
  }

  /** The opposite: no Zoom account configured. */
  public static class Not implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !new ZoomConfigured().matches(context, metadata);
    }
  }
}
