package org.ipu.outreach.campaign;

public enum CampaignStatus {
  IN_REVIEW,
  RUNNING,
  CANCELLED,
  COMPLETED
}
