package org.ipu.outreach.campaign;

import java.time.LocalDate;
import java.util.Set;
import org.ipu.outreach.directory.GeopoliticalGroup;
import org.ipu.outreach.directory.InviteeKind;

/**
 * What the campaign start form asks for. Empty kinds and groups mean everybody; a null reply
 * deadline takes the event's own.
 */
public record CampaignRequest(
    String eventCode, Set<InviteeKind> kinds, Set<GeopoliticalGroup> groups, LocalDate replyDeadline) {}
