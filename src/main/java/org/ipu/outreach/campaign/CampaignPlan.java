package org.ipu.outreach.campaign;

import java.util.Map;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.event.OutreachEvent;

/** A prepared campaign, shown to staff for review before any letter is sent. */
public record CampaignPlan(
    Campaign campaign, OutreachEvent event, Map<Language, Long> inviteesPerLanguage, String sampleLetter) {}
