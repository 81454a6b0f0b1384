package org.ipu.outreach.monitoring;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.ipu.outreach.invitation.InvitationProcess;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The log context of a line: the business key of the process it belongs to, i.e. the campaign id, and for
 * an invitation "{campaign id}:{invitee code}" (never the person). The engine puts it into the MDC
 * while it runs a process (a job, or a call of ours); the reply pages put it there for their request.
 * The log pattern in application.yaml prints it.
 */
@Component
public class LogContext extends AbstractProcessEnginePlugin {

  /** The MDC key; application.yaml's logging.pattern.level names it too. */
  public static final String BUSINESS_KEY = "businessKey";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // off by default in Camunda because reading the key may need a query; ours is on every instance
    configuration.setLoggingContextBusinessKey(BUSINESS_KEY);
  }

  /** For the rest of this request (cleared by {@link LogContextFilter}). */
  public static void invitation(String campaignId, String inviteeCode) {
    MDC.put(BUSINESS_KEY, InvitationProcess.businessKey(campaignId, inviteeCode));
  }

  static void clear() {
    MDC.remove(BUSINESS_KEY);
  }
}
