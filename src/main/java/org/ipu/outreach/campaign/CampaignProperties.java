package org.ipu.outreach.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param launchBatchSize invitation processes started per transaction when a campaign launches, so
 *     that a campaign of 10,000 invitees is many short transactions, not one giant one
 */
@ConfigurationProperties("outreach.campaign")
public record CampaignProperties(@DefaultValue("100") int launchBatchSize) {}
