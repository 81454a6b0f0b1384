package org.ipu.outreach.change;

/** Key, element ids and variable names of processes/campaign-change.bpmn ("Change a running campaign"). */
public final class CampaignChangeProcess {

  public static final String KEY = "campaign-change";

  public static final class Elements {
    public static final String START = "StartEvent_CampaignChangeRequested";
    public static final String APPLY = "Task_ApplyCampaignChange";
    public static final String APPLIED = "EndEvent_CampaignChangeApplied";

    private Elements() {}
  }

  public static final class Vars {
    /** Start form: the campaign to change (e.g. IPU-DEMO-SOLIDARITY-1). */
    public static final String CAMPAIGN_ID = "campaignId";
    /** Start form: "extendDeadline" or "addInvitees". */
    public static final String CHANGE = "campaignChange";
    /** Start form: the new reply deadline, a date (23:59 in the event's zone) or a date and time. */
    public static final String NEW_DEADLINE = "newReplyDeadline";
    /** Start form: codes of the directory entries to invite as well, separated by commas, spaces or lines. */
    public static final String INVITEE_CODES = "lateInviteeCodes";
    /** The staff member who started the change (the start event's initiator). */
    public static final String REQUESTED_BY = "campaignChangeRequestedBy";
    /** What was done, in words, for the process history. */
    public static final String RESULT = "campaignChangeResult";

    private Vars() {}
  }

  public static final class Changes {
    public static final String EXTEND_DEADLINE = "extendDeadline";
    public static final String ADD_INVITEES = "addInvitees";

    private Changes() {}
  }

  private CampaignChangeProcess() {}
}
