package org.ipu.outreach.monitoring;

import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.ipu.outreach.meeting.zoom.ZoomClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.mail.MailHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What /actuator/health reports besides the database (Spring Boot's own check): the mail relay, the
 * meeting platform and the engine's job executor. Each bean's name minus "HealthContributor" is the
 * component's name in the answer.
 */
@Configuration
class HealthChecks {

  /**
   * Spring Boot's SMTP check (connect, log in, quit), on a copy of the letters' mail settings with short
   * timeouts: a relay that accepts the connection and hangs answers DOWN within the timeout instead of
   * holding the health request for the senders' 30 s.
   */
  @Bean
  HealthIndicator mailHealthContributor(JavaMailSenderImpl letters, MonitoringProperties properties) {
    JavaMailSenderImpl probe = new JavaMailSenderImpl();
    probe.setHost(letters.getHost());
    probe.setPort(letters.getPort());
    probe.setUsername(letters.getUsername());
    probe.setPassword(letters.getPassword());
    probe.setProtocol(letters.getProtocol());
    Properties props = new Properties();
    props.putAll(letters.getJavaMailProperties());
    String timeout = String.valueOf(properties.mailCheckTimeout().toMillis());
    for (String key : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
      props.put("mail.smtp." + key, timeout);
      props.put("mail.smtps." + key, timeout);
    }
    probe.setJavaMailProperties(props);
    return new MailHealthIndicator(probe);
  }

  /** Zoom: an access token can be had (cached for most of its hour); the simulator is always there. */
  @Bean
  HealthIndicator meetingPlatformHealthContributor(ObjectProvider<ZoomClient> zoom) {
    return () -> {
      ZoomClient client = zoom.getIfAvailable();
      if (client == null) {
        return Health.up().withDetail("platform", "simulator").build();
      }
      try {
        client.checkAccess();
        return Health.up().withDetail("platform", "zoom").build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("platform", "zoom").withDetail("error", e.getMessage()).build();
      }
    };
  }

  /**
   * The job executor runs when it is switched on (a node may run with it off, e.g. one that only serves
   * pages); failed jobs and open incidents are details to alert on, not a reason to take the node out.
   */
  @Bean
  HealthIndicator jobExecutorHealthContributor(
      ProcessEngineConfigurationImpl engine,
      ManagementService management,
      RuntimeService runtime,
      @Value("${camunda.bpm.job-execution.enabled}") boolean enabled) {
    return () -> {
      JobExecutor executor = engine.getJobExecutor();
      boolean active = executor != null && executor.isActive();
      Health.Builder health = !enabled || active ? Health.up() : Health.down();
      return health
          .withDetail("enabled", enabled)
          .withDetail("active", active)
          .withDetail("jobsDue", management.createJobQuery().executable().count())
          .withDetail("jobsFailedWithoutRetries", management.createJobQuery().noRetriesLeft().count())
          .withDetail("openIncidents", runtime.createIncidentQuery().count())
          .build();
    };
  }
}
