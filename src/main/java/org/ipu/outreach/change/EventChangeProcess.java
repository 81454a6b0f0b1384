package org.ipu.outreach.change;

/** Key, element ids and variable names of processes/event-change.bpmn ("Change an event"). */
public final class EventChangeProcess {

  public static final String KEY = "event-change";

  public static final class Elements {
    public static final String START = "StartEvent_ChangeRequested";
    public static final String APPLY = "Task_ApplyChange";
    public static final String APPLIED = "EndEvent_ChangeApplied";

    private Elements() {}
  }

  public static final class Vars {
    /** Start form: code of the event to change. */
    public static final String EVENT_CODE = "eventCode";
    /** Start form: "reschedule" or "cancel". */
    public static final String CHANGE = "change";
    /** Start form: new start and end, local date and time in the event's time zone (2026-09-26T15:00). */
    public static final String NEW_START = "newStart";
    public static final String NEW_END = "newEnd";
    /** Start form: why, quoted in the letters. */
    public static final String REASON = "changeReason";
    /** The staff member who started the change (the start event's initiator). */
    public static final String REQUESTED_BY = "changeRequestedBy";
    /** The change as recorded (table event_change). */
    public static final String EVENT_CHANGE_ID = "eventChangeId";

    private Vars() {}
  }

  public static final class Changes {
    public static final String RESCHEDULE = "reschedule";
    public static final String CANCEL = "cancel";

    private Changes() {}
  }

  private EventChangeProcess() {}
}
