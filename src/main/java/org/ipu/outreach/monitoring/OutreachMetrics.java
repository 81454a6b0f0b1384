package org.ipu.outreach.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.ipu.outreach.mail.OutboxStatus;
import org.ipu.outreach.representative.RepresentativeStatus;
import org.ipu.outreach.retention.PersonalDataPurge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Our gauges, read from the database when Prometheus scrapes (so that every node reports the cluster's
 * numbers, whichever node did the work). Zoom's calls are counted where they are made (ZoomClient).
 */
@Component
class OutreachMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final PersonalDataPurge purge;

  OutreachMetrics(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime, PersonalDataPurge purge) {
    this.jdbc = jdbc;
    this.management = management;
    this.runtime = runtime;
    this.purge = purge;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OutboxStatus status : OutboxStatus.values()) {
      Gauge.builder("outreach.letters", () -> count("mail_outbox", status.name()))
          .description("Letters in the outbox by status (pending = queued or waiting for a retry)")
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    for (RepresentativeStatus status : RepresentativeStatus.values()) {
      Gauge.builder("outreach.representatives", () -> count("representative", status.name()))
          .description("Representatives by status (registered = registered with the meeting platform)")
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    Gauge.builder("outreach.incidents.open", () -> runtime.createIncidentQuery().count())
        .description("Open incidents of the engine (Cockpit)")
        .register(registry);
    Gauge.builder("outreach.jobs.due", () -> management.createJobQuery().executable().count())
        .description("Jobs due now with retries left")
        .register(registry);
    Gauge.builder("outreach.jobs.failed", () -> management.createJobQuery().noRetriesLeft().count())
        .description("Jobs that failed and have no retries left")
        .register(registry);
    Gauge.builder("outreach.retention.held", () -> purge.held().size())
        .description("Campaigns past their retention period whose personal data running processes hold (/api/retention/held)")
        .register(registry);
  }

  private long count(String table, String status) {
    Long n = jdbc.queryForObject("select count(*) from " + table + " where status = ?", Long.class, status);
    return n == null ? 0 : n;
  }
}
