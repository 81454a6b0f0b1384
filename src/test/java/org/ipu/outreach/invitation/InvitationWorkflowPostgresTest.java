package org.ipu.outreach.invitation;

import org.ipu.outreach.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same process paths on a real PostgreSQL server. */
class InvitationWorkflowPostgresTest extends InvitationWorkflowScenarios {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("outreach_workflow"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
