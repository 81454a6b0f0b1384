package org.ipu.outreach.monitoring;

import org.camunda.bpm.engine.ProcessEngine;
import org.ipu.outreach.task.TaskProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MonitoringConfig {

  /** After the security headers and the cross-site check, like the authentication of /api. */
  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess(ProcessEngine engine, TaskProperties tasks) {
    FilterRegistrationBean<ActuatorAccess> registration =
        new FilterRegistrationBean<>(new ActuatorAccess(engine, tasks.managerGroup()));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator/*", "/actuator");
    registration.setOrder(1);
    return registration;
  }
}
