package org.ipu.outreach.meeting;

import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipu.outreach.invitation.InvitationProcess.Errors;
import org.ipu.outreach.invitation.InvitationProcess.Vars;

/**
 * Runs a meeting-platform step and turns what the process handles itself into BPMN errors: a
 * rate limit waits on a timer until {@code retryAt} (no job retry is spent), a wrongly set-up meeting
 * goes to staff with the message saying what to fix. Anything else is thrown on: the job is retried
 * and then becomes an incident.
 */
public final class MeetingSteps {

  private MeetingSteps() {}

  public static <T> T run(DelegateExecution execution, boolean configurationHandled, Supplier<T> step) {
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
    } catch (MeetingConfigurationException wrong) {
      if (!configurationHandled) {
        throw wrong;
      }
      execution.setVariable(Vars.MEETING_PROBLEM, wrong.getMessage());
      throw new BpmnError(Errors.MEETING_CONFIGURATION, wrong.getMessage());
    }
  }
}
