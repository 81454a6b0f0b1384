package org.ipu.outreach.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Running a job now or moving its due date over {@code /engine-rest} is for managers and administrators
 * only, and is refused before the engine sees it: a job the engine refuses to execute for lack of rights
 * still counts as a failed run and is retried seconds later, so anyone with a login could otherwise fire
 * a timer months early (a deadline reminder, say). Runs after the engine's authentication filter.
 */
class JobControlFilter implements Filter {

  /** POST /job/{id}/execute, PUT /job/{id}/duedate, POST /job/{id}/duedate/recalculate. */
  private static final Pattern JOB_CONTROL = Pattern.compile("/job/[^/]+/(execute|duedate(/recalculate)?)");

  private final IdentityService identity;
  private final Set<String> allowed;

  JobControlFilter(IdentityService identity, String managerGroup) {
    this.identity = identity;
    this.allowed = Set.of(managerGroup, Groups.CAMUNDA_ADMIN);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/engine-rest") && JOB_CONTROL.matcher(path.substring("/engine-rest".length())).matches()
        && !"GET".equals(request.getMethod()) && !mayControlJobs()) {
      HttpServletResponse response = (HttpServletResponse) res;
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.getOutputStream().write(
          "{\"type\":\"AuthorizationException\",\"message\":\"Only managers and administrators may run a job now or move its due date.\"}"
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(req, res);
  }

  private boolean mayControlJobs() {
    Authentication current = identity.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    return groups.stream().anyMatch(allowed::contains);
  }
}
