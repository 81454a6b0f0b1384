package org.ipu.outreach.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param launchBatchSize invitation processes started per transaction when a campaign launches, so
 *     that a campaign of 10,000 invitees is many short transactions, not one giant one
 */
@ConfigurationProperties("outreach.campaign")
public record CampaignProperties(int launchBatchSize) {}
