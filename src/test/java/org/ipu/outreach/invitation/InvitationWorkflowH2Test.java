package org.ipu.outreach.invitation;

/** The process paths on H2, the embedded default. */
class InvitationWorkflowH2Test extends InvitationWorkflowScenarios {}
