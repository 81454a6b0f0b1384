package org.ipu.outreach.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.ipu.outreach.task.TaskProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API answers anonymous callers by default; this puts Camunda's own HTTP Basic filter in
 * front of it and of our staff endpoints, so users, passwords and groups are the engine's and every
 * engine call runs with the caller's authorizations. The webapps have their own login.
 */
@Configuration
public class SecurityConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/app/*");
    registration.setOrder(1);
    return registration;
  }

  /**
   * Cross-site requests are refused before anyone is authenticated (see {@link SameOriginFilter} and
   * docs/operations.md); the webapps under /camunda/ have Camunda's own CSRF protection.
   */
  @Bean
  FilterRegistrationBean<SameOriginFilter> sameOrigin(
      @Value("${outreach.reply-page.public-base-url}") String publicBaseUrl) {
    FilterRegistrationBean<SameOriginFilter> registration = new FilterRegistrationBean<>(new SameOriginFilter(publicBaseUrl));
    registration.setName("same-origin");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/app/*");
    registration.setOrder(0);
    return registration;
  }

  /** After the authentication: only managers and administrators run or move a job (see {@link JobControlFilter}). */
  @Bean
  FilterRegistrationBean<JobControlFilter> jobControl(IdentityService identity, TaskProperties tasks) {
    FilterRegistrationBean<JobControlFilter> registration =
        new FilterRegistrationBean<>(new JobControlFilter(identity, tasks.managerGroup()));
    registration.setName("job-control");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(2);
    return registration;
  }

  /**
   * Failed logins are throttled by client address before any password is checked (see
   * {@link LoginThrottleFilter}): the Basic logins of /engine-rest, /api and /app and the webapps' login.
   */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottle(LoginThrottleProperties properties, Clock clock) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(properties, clock));
    registration.setName("login-throttle");
    registration.addUrlPatterns(
        "/engine-rest/*", "/api/*", "/app/*", "/actuator/*", "/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Before every other filter (so that their refusals carry the headers too), error pages included. */
  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
        DispatcherType.ASYNC);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
