package org.ipu.outreach.invitation;

/** Key, element ids and variable names of processes/parliament-invitation.bpmn. */
public final class InvitationProcess {

  public static final String KEY = "parliament-invitation";

  /** Business key of one parliament's invitation in one campaign. */
  public static String businessKey(String campaignId, String inviteeCode) {
    return campaignId + ":" + inviteeCode;
  }

  public static final class Elements {
    public static final String START = "StartEvent_InvitationStarted";
    public static final String SEND_INVITATION = "Task_SendInvitation";
    public static final String PLAN_REPLY_WAIT = "Task_PlanReplyWait";
    public static final String WAIT_FOR_REPLY = "Task_WaitForReply";
    public static final String FIRST_REMINDER_DUE = "Timer_FirstReminderDue";
    public static final String DEADLINE_REMINDER_DUE = "Timer_DeadlineReminderDue";
    public static final String REPLY_DEADLINE_REACHED = "Timer_ReplyDeadlineReached";
    public static final String SEND_FIRST_REMINDER = "Task_SendFirstReminder";
    public static final String SEND_DEADLINE_REMINDER = "Task_SendDeadlineReminder";
    public static final String FIRST_REMINDER_SENT = "EndEvent_FirstReminderSent";
    public static final String DEADLINE_REMINDER_SENT = "EndEvent_DeadlineReminderSent";
    /** Gateway after the reply, a late reply or a changed nomination: "nominated" or "declined". */
    public static final String REPLY_KIND = "Gateway_ReplyKind";
    public static final String FOLLOW_UP = "Task_FollowUp";
    /** Message boundary of the follow-up: a reply came while the task was open. */
    public static final String LATE_REPLY_RECEIVED = "Boundary_LateReplyReceived";
    public static final String FOLLOW_UP_OUTCOME = "Gateway_FollowUpOutcome";
    public static final String RECORD_FOLLOW_UP_NOMINATION = "Task_RecordFollowUpNomination";
    /** "No answer" at the follow-up: was a representative confirmed in an earlier round? */
    public static final String ALREADY_CONFIRMED = "Gateway_AlreadyConfirmed";
    public static final String NOMINATION_JOIN = "Gateway_NominationJoin";
    public static final String CONFIRM_REPRESENTATIVE = "Task_ConfirmRepresentative";
    public static final String NOMINEE_DECISIONS = "Gateway_NomineeDecisions";
    /** On "Confirm representative": the parliament changed its reply on the reply page. */
    public static final String NOMINATION_CHANGED = "Boundary_NominationChanged";
    /** Event sub-process: the parliament changed its reply once its representatives were registered. */
    public static final String REPLY_CHANGED_SUB_PROCESS = "SubProcess_ReplyChangedAfterRegistration";
    /** Message start event of that event sub-process. */
    public static final String REPLY_CHANGED_AFTER_REGISTRATION = "StartEvent_ReplyChangedAfterRegistration";
    public static final String REVIEW_CHANGED_REPLY = "Task_ReviewChangedReply";
    public static final String CHANGED_REPLY_REVIEWED = "EndEvent_ChangedReplyReviewed";
    /** In "Reply changed after registration": a new nomination substitutes the registered representatives. */
    public static final String SUBSTITUTES_NAMED = "Gateway_SubstitutesNamed";
    public static final String CONFIRM_SUBSTITUTES = "Task_ConfirmSubstitutes";
    public static final String SUBSTITUTES_ACCEPTED = "Gateway_SubstitutesAccepted";
    public static final String SUBSTITUTE_REPRESENTATIVES = "Task_SubstituteRepresentatives";
    public static final String SUBSTITUTES_TO_REGISTER = "Gateway_SubstitutesToRegister";
    public static final String WAIT_FOR_SUBSTITUTES_REGISTRATION = "Task_WaitForSubstitutesRegistration";
    public static final String SEND_SUBSTITUTES_CONFIRMATIONS = "Task_SendSubstitutesConfirmations";
    public static final String REPRESENTATIVES_SUBSTITUTED = "EndEvent_RepresentativesSubstituted";
    public static final String SEND_SUBSTITUTES_NOT_ACCEPTED = "Task_SendSubstitutesNotAccepted";
    public static final String SUBSTITUTES_NOT_ACCEPTED = "EndEvent_SubstitutesNotAccepted";
    /** Event sub-process: a registered representative used their "I cannot attend" link. */
    public static final String CANNOT_ATTEND_SUB_PROCESS = "SubProcess_RepresentativeCannotAttend";
    public static final String CANNOT_ATTEND = "StartEvent_RepresentativeCannotAttend";
    public static final String WITHDRAW_REPRESENTATIVE = "Task_WithdrawRepresentative";
    public static final String REPRESENTATIVE_WITHDRAWN = "EndEvent_RepresentativeWithdrawn";
    public static final String REQUEST_ANOTHER_NOMINEE = "Task_RequestAnotherNominee";
    public static final String SEND_NOT_ACCEPTED = "Task_SendNotAccepted";
    public static final String REGISTER_REPRESENTATIVES = "Task_RegisterRepresentatives";
    public static final String SEND_REGISTRATION_CONFIRMATIONS = "Task_SendRegistrationConfirmations";
    public static final String PLAN_EVENT_REMINDERS = "Task_PlanEventReminders";
    public static final String JOINING_REMINDER_AHEAD = "Gateway_JoiningReminderAhead";
    public static final String JOINING_REMINDER_DUE = "Timer_JoiningReminderDue";
    public static final String SEND_JOINING_REMINDER = "Task_SendJoiningReminder";
    public static final String JOINING_REMINDER_DONE = "Gateway_JoiningReminderDone";
    public static final String EVENT_OVER = "Timer_EventOver";
    public static final String COLLECT_ATTENDANCE = "Task_CollectAttendance";
    public static final String SEND_ATTENDANCE_LETTERS = "Task_SendAttendanceLetters";
    public static final String ANYONE_ATTENDED = "Gateway_AnyoneAttended";
    public static final String ATTENDED = "EndEvent_Attended";
    public static final String ABSENT = "EndEvent_Absent";
    public static final String DECLINED = "EndEvent_Declined";
    public static final String DECLINED_AFTER_FOLLOW_UP = "EndEvent_DeclinedAfterFollowUp";
    /** After a decline at follow-up: a representative confirmed earlier is still registered. */
    public static final String DECLINED_AFTER_CONFIRMATION = "Gateway_DeclinedAfterConfirmation";
    public static final String NO_REPLY = "EndEvent_NoReply";
    public static final String NOMINEES_REJECTED = "EndEvent_NomineesRejected";
    /** Waits while the registration batcher registers the representatives (meeting.RegistrationBatcher). */
    public static final String WAIT_FOR_REGISTRATION = "Task_WaitForRegistration";
    /** Message boundary of that wait: the meeting is set up wrongly on the platform. */
    public static final String MEETING_SETTINGS_WRONG = "Boundary_MeetingSettingsWrong";
    public static final String FIX_MEETING_SETTINGS = "Task_FixMeetingSettings";
    /** Message boundary of that wait: the platform refused some representatives (the others are registered). */
    public static final String REGISTRANT_REFUSED = "Boundary_RegistrantRefused";
    /** One task per refused representative: correct the address (registered again) or drop them. */
    public static final String CORRECT_REFUSED_REPRESENTATIVE = "Task_CorrectRefusedRepresentative";
    /** Error boundary of the attendance collection: the platform's rate limit was reached. */
    public static final String ATTENDANCE_PLATFORM_BUSY = "Boundary_AttendancePlatformBusy";
    public static final String ATTENDANCE_PLATFORM_AVAILABLE = "Timer_AttendancePlatformAvailable";
    public static final String UNMATCHED_ATTENDEES = "Gateway_UnmatchedAttendees";
    public static final String REVIEW_UNMATCHED_ATTENDEES = "Task_ReviewUnmatchedAttendees";

    /** Interrupting timers at the event's start on every wait of the reply phase, and where they end. */
    public static final String EVENT_STARTED_WHILE_WAITING_FOR_REPLY = "Timer_EventStartedWhileWaitingForReply";
    public static final String EVENT_STARTED_DURING_FOLLOW_UP = "Timer_EventStartedDuringFollowUp";
    public static final String EVENT_STARTED_DURING_CONFIRMATION = "Timer_EventStartedDuringConfirmation";
    public static final String EVENT_STARTED_BEFORE_REGISTRATION = "Timer_EventStartedBeforeRegistration";
    public static final String EVENT_STARTED_DURING_MEETING_FIX = "Timer_EventStartedDuringMeetingFix";
    public static final String EVENT_STARTED_DURING_REFUSAL_FIX = "Timer_EventStartedDuringRefusalFix";
    public static final String CLOSED_AT_EVENT_START = "EndEvent_ClosedAtEventStart";
    /** Event sub-process: the event moved ("Change an event"); the invitation goes on. */
    public static final String EVENT_RESCHEDULED_SUB_PROCESS = "SubProcess_EventRescheduled";
    public static final String EVENT_RESCHEDULED = "StartEvent_EventRescheduled";
    public static final String REPLAN_EVENT_TIMERS = "Task_ReplanEventTimers";
    public static final String SEND_RESCHEDULE_LETTERS = "Task_SendRescheduleLetters";
    public static final String RESCHEDULE_ANNOUNCED = "EndEvent_RescheduleAnnounced";
    /** Event sub-process: the event is cancelled; the invitation ends with the outcome EVENT_CANCELLED. */
    public static final String EVENT_CANCELLED_SUB_PROCESS = "SubProcess_EventCancelled";
    public static final String EVENT_CANCELLED = "StartEvent_EventCancelled";
    public static final String SEND_CANCELLATION_LETTERS = "Task_SendCancellationLetters";
    public static final String CANCEL_REGISTRATIONS = "Task_CancelRegistrations";
    public static final String EVENT_CANCELLED_END = "EndEvent_EventCancelled";
    /** Event sub-process: staff extended the campaign's reply deadline ("Change a running campaign"). */
    public static final String DEADLINE_EXTENDED_SUB_PROCESS = "SubProcess_ReplyDeadlineExtended";
    public static final String DEADLINE_EXTENDED = "StartEvent_ReplyDeadlineExtended";
    public static final String REPLAN_REPLY_TIMERS = "Task_ReplanReplyTimers";
    public static final String DEADLINE_TO_ANNOUNCE = "Gateway_DeadlineToAnnounce";
    public static final String SEND_DEADLINE_EXTENDED = "Task_SendDeadlineExtended";
    public static final String DEADLINE_EXTENSION_ANNOUNCED = "EndEvent_DeadlineExtensionAnnounced";
    public static final String DEADLINE_EXTENSION_NOT_NEEDED = "EndEvent_DeadlineExtensionNotNeeded";

    private Elements() {}
  }

  public static final class Vars {
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String INVITEE_CODE = "inviteeCode";
    public static final String PARLIAMENT_NAME = "parliamentName";
    /** Message payload: "nominated" or "declined". */
    public static final String REPLY = "reply";
    /** Representative ids of the latest nomination, comma-separated. */
    public static final String NOMINEE_IDS = "nomineeIds";
    /** Message payload with a decline given on the reply page: the reason, or null. */
    public static final String DECLINE_REASON = "declineReason";
    /** Message payload of a reply changed after registration: the new reply as text, for staff. */
    public static final String CHANGED_REPLY = "changedReply";
    /** The nominees of a reply given after registration (comma-separated ids); absent for a decline. */
    public static final String SUBSTITUTE_IDS = "substituteIds";
    /** Who is registered when the substitutes were named, in words, for "Confirm the substitutes". */
    public static final String REGISTERED_NOW = "registeredNow";
    /** The representative who said they cannot attend. */
    public static final String WITHDRAWING_REPRESENTATIVE_ID = "withdrawingRepresentativeId";
    /** "Confirm the substitutes": "substitute" or "keep". */
    public static final String SUBSTITUTION_DECISION = "substitutionDecision";
    /** Set by "Cancel the replaced registrations...": some substitute is to be registered. */
    public static final String SUBSTITUTES_TO_REGISTER = "substitutesToRegister";
    public static final String REPLY_ROUND = "replyRound";
    /** The event's schedule sequence last announced to this parliament (changes after it are news). */
    public static final String ANNOUNCED_SEQUENCE = "announcedSequence";
    public static final String FIRST_REMINDER_AT = "firstReminderAt";
    public static final String DEADLINE_REMINDER_AT = "deadlineReminderAt";
    public static final String REPLY_DUE_AT = "replyDueAt";
    /** Set by "Re-plan the reminders and the reply deadline": this invitation's deadline moved and the parliament is told. */
    public static final String DEADLINE_MOVED = "replyDeadlineMoved";
    /** When the event starts: the reply phase ends then (the timers Timer_EventStarted...). */
    public static final String EVENT_STARTS_AT = "eventStartsAt";
    public static final String JOINING_REMINDER_AT = "joiningReminderAt";
    public static final String JOINING_REMINDER_AHEAD = "joiningReminderAhead";
    public static final String ATTENDANCE_DUE_AT = "attendanceDueAt";
    public static final String ANY_ATTENDED = "anyAttended";
    public static final String OUTCOME = "outcome";
    /** Follow-up form: "nominated", "declined" or "noAnswer". */
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
    /** Confirm form (local to each task): "confirm", "another" or "reject". */
    public static final String CONFIRM_DECISION = "confirmDecision";
    public static final String CONFIRM_COMMENT = "confirmComment";
    /** What is wrong with the meeting's settings, for "Fix the meeting settings". */
    public static final String MEETING_PROBLEM = "meetingProblem";
    /** "Correct the refused representative" (local to each task): why the platform refused them. */
    public static final String REFUSAL_REASON = "refusalReason";
    /** Its form: "retry" (with correctedEmail, which may be the same address) or "drop". */
    public static final String REFUSAL_DECISION = "refusalDecision";
    public static final String CORRECTED_EMAIL = "correctedEmail";
    /** When the meeting platform may be asked again after its rate limit (a Date). */
    public static final String RETRY_AT = "retryAt";
    /** How often in a row the platform was busy, for the back-off when it does not say how long. */
    public static final String PLATFORM_BUSY_COUNT = "platformBusyCount";
    /** True when staff should look at attendees matching could not place. */
    public static final String UNMATCHED_TO_REVIEW = "unmatchedToReview";
    /** The unmatched attendees, one per line: name, e-mail, minutes. */
    public static final String UNMATCHED_ATTENDEES = "unmatchedAttendees";
    /** The invitation's representatives recorded absent, as checklist options (JSON [{label, value}]). */
    public static final String ABSENT_REPRESENTATIVES = "absentRepresentatives";
    /** Review form: ids of the absent representatives staff found among the unmatched attendees. */
    public static final String ATTENDED_REPRESENTATIVE_IDS = "attendedRepresentativeIds";
    /** Multi-instance element variable of "Confirm representative". */
    public static final String REPRESENTATIVE_ID = "representativeId";

    private Vars() {}
  }

  /** Nominee fields shown and entered in the follow-up and confirm forms. */
  public static final class NomineeFields {
    public static final String NAME = "nomineeName";
    public static final String FUNCTION = "nomineeFunction";
    public static final String ROLE = "nomineeRole";
    public static final String COMMITTEES = "nomineeCommittees";
    public static final String EMAIL = "nomineeEmail";
    public static final String LANGUAGE = "nomineeLanguage";

    private NomineeFields() {}
  }

  public static final class Messages {
    public static final String PARLIAMENT_REPLIED = "ParliamentReplied";
    /** A new reply while its nominees are being confirmed: the open confirmations are replaced. */
    public static final String NOMINATION_CHANGED = "NominationChanged";
    /** A new reply once the representatives are registered: a staff task, the registrations stay. */
    public static final String REPLY_CHANGED_AFTER_REGISTRATION = "ReplyChangedAfterRegistration";
    /** From the registration batcher: every confirmed representative of the invitation is registered. */
    public static final String REPRESENTATIVES_REGISTERED = "RepresentativesRegistered";
    /** From "Change an event": the event moved to new times (non-interrupting event sub-process). */
    public static final String EVENT_RESCHEDULED = "EventRescheduled";
    /** From "Change an event": the event is cancelled (interrupting event sub-process). */
    public static final String EVENT_CANCELLED = "EventCancelled";
    /** From "Change a running campaign": the campaign's reply deadline is later (non-interrupting event sub-process). */
    public static final String REPLY_DEADLINE_EXTENDED = "ReplyDeadlineExtended";
    /** From the "I cannot attend" page: a registered representative withdraws (non-interrupting event sub-process). */
    public static final String REPRESENTATIVE_CANNOT_ATTEND = "RepresentativeCannotAttend";
    /** From the registration batcher: the platform refuses because of the meeting's settings. */
    public static final String MEETING_SETTINGS_WRONG = "MeetingSettingsWrong";
    /** From the registration batcher: the platform refused some representatives of the invitation. */
    public static final String REGISTRANT_REFUSED = "RegistrantRefused";

    private Messages() {}
  }

  /** Error codes of BPMN errors thrown by the meeting steps. */
  public static final class Errors {
    public static final String MEETING_PLATFORM_BUSY = "MeetingPlatformBusy";

    private Errors() {}
  }

  public static final class Replies {
    public static final String NOMINATED = "nominated";
    public static final String DECLINED = "declined";

    private Replies() {}
  }

  private InvitationProcess() {}
}
