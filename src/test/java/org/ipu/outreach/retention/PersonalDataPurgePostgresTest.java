package org.ipu.outreach.retention;

import org.ipu.outreach.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The purge's statements on PostgreSQL, the production database (the other tests run on H2). */
class PersonalDataPurgePostgresTest extends PersonalDataPurgeTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("outreach_purge"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
