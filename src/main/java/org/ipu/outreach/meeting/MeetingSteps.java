package org.ipu.outreach.meeting;

import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.invitation.InvitationProcess.Errors;
import org.ipu.outreach.invitation.InvitationProcess.Vars;

/**
 * Runs a meeting-platform step of a process and turns the platform's rate limit into the BPMN error
 * MeetingPlatformBusy with {@code retryAt} set: the process waits on a timer until then, and no job
 * retry is spent. Anything else is thrown on: the job is retried and then becomes an incident.
 */
public final class MeetingSteps {

  private MeetingSteps() {}

  public static <T> T run(DelegateExecution execution, Supplier<T> step) {
    try {
      T result = step.get();
      if (execution.hasVariable(Vars.PLATFORM_BUSY_COUNT)) {
        execution.setVariable(Vars.PLATFORM_BUSY_COUNT, 0);
      }
      return result;
    } catch (MeetingPlatformBusyException busy) {
      Object count = execution.getVariable(Vars.PLATFORM_BUSY_COUNT);
      int before = count instanceof Number n ? n.intValue() : 0;
      execution.setVariable(Vars.PLATFORM_BUSY_COUNT, before + 1);
      execution.setVariable(
          Vars.RETRY_AT, Date.from(BusyWait.until(busy, before, ClockUtil.getCurrentTime().toInstant())));
      throw new BpmnError(Errors.MEETING_PLATFORM_BUSY, busy.getMessage());
    }
  }
}
