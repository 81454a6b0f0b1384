package org.ipu.outreach.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reads /actuator: its health answers (overall, liveness, readiness) are public, for load balancers,
 * and show their details only to managers and administrators (Spring Boot asks the request for the
 * roles named in management.endpoint.health.roles: here a role is an engine group). Everything else
 * (the Prometheus metrics) requires HTTP Basic login as an engine user of those groups: 401, else 403.
 * The engine's own users and passwords, as on /api; the engine's authorizations are not needed here.
 */
class ActuatorAccess extends OncePerRequestFilter {

  private static final String HEALTH = "/actuator/health";

  private final ProcessEngine engine;
  private final Set<String> readers;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  ActuatorAccess(ProcessEngine engine, String managerGroup) {
    this.engine = engine;
    this.readers = Set.of(managerGroup, Groups.CAMUNDA_ADMIN);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean health = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    AuthenticationResult login = credentials ? basic.extractAuthenticatedUser(request, engine) : null;
    if (credentials && (login == null || !login.isAuthenticated())) {
      refuse(response, HttpStatus.UNAUTHORIZED, "Wrong user or password.");
      return;
    }
    if (login == null) {
      if (health) {
        chain.doFilter(request, response);
      } else {
        refuse(response, HttpStatus.UNAUTHORIZED, "Log in as a manager or administrator.");
      }
      return;
    }
    String user = login.getAuthenticatedUser();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    if (!health && groups.stream().noneMatch(readers::contains)) {
      refuse(response, HttpStatus.FORBIDDEN, "Only members of " + readers + " may read this.");
      return;
    }
    chain.doFilter(new Authenticated(request, user, groups), response);
  }

  private void refuse(HttpServletResponse response, HttpStatus status, String why) throws IOException {
    if (status == HttpStatus.UNAUTHORIZED) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
    response.setStatus(status.value());
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(why);
  }

  /** The logged-in engine user as the servlet's principal, with its groups as roles. */
  private static final class Authenticated extends HttpServletRequestWrapper {
    private final String user;
    private final List<String> groups;

    Authenticated(HttpServletRequest request, String user, List<String> groups) {
      super(request);
      this.user = user;
      this.groups = groups;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public String getRemoteUser() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return groups.contains(role);
    }
  }
}
