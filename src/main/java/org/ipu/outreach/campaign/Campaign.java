package org.ipu.outreach.campaign;

import java.time.Instant;

public record Campaign(
    String id,
    String eventCode,
    Instant replyDeadline,
    CampaignStatus status,
    int inviteeCount,
    int endedCount) {}
