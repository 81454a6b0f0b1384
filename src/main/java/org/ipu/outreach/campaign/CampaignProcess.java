package org.ipu.outreach.campaign;

/** Key, element ids and variable names of processes/campaign.bpmn. */
public final class CampaignProcess {

  public static final String KEY = "campaign";

  public static final class Elements {
    public static final String START = "StartEvent_CampaignRequested";
    public static final String PREPARE = "Task_PrepareCampaign";
    public static final String REVIEW = "Task_ReviewCampaign";
    public static final String APPROVED = "Gateway_Approved";
    /** Asks the meeting platform again before any invitation (a job: retried, then an incident). */
    public static final String CHECK_MEETING = "Task_CheckEventMeeting";
    public static final String START_BATCH = "Task_StartInvitationBatch";
    public static final String ALL_STARTED = "Gateway_AllStarted";
    public static final String WAIT_FOR_INVITATIONS = "Task_WaitForInvitations";
    public static final String CLOSE = "Task_CloseCampaign";
    public static final String CANCEL = "Task_CancelCampaign";
    public static final String COMPLETED = "EndEvent_CampaignCompleted";
    public static final String CANCELLED = "EndEvent_CampaignCancelled";

    private Elements() {}
  }

  public static final class Vars {
    /** Start form: code of the event the campaign is about. */
    public static final String EVENT_CODE = "eventCode";
    /** Start form: "all", "kinds" or "groups". */
    public static final String INVITEE_SCOPE = "inviteeScope";
    /** Start form: kinds to invite when the scope is "kinds" (list of InviteeKind names). */
    public static final String INVITEE_KINDS = "inviteeKinds";
    /** Start form: groups to invite when the scope is "groups" (list of GeopoliticalGroup names). */
    public static final String INVITEE_GROUPS = "inviteeGroups";
    /** Start form: reply deadline (ISO date); empty takes the event's own deadline. */
    public static final String REPLY_DEADLINE = "replyDeadline";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String INVITEE_COUNT = "inviteeCount";
    public static final String EVENT_TITLE = "eventTitle";
    public static final String LANGUAGE_COUNTS = "languageCounts";
    public static final String SAMPLE_LETTER = "sampleLetter";
    /** Review form: "approve" or "cancel". */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String ALL_INVITATIONS_STARTED = "allInvitationsStarted";

    private Vars() {}
  }

  public static final class Messages {
    public static final String ALL_INVITATIONS_ENDED = "AllInvitationsEnded";

    private Messages() {}
  }

  private CampaignProcess() {}
}
