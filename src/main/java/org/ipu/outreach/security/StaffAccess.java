package org.ipu.outreach.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ipu.outreach.task.TaskProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.server.ResponseStatusException;

/**
 * Our own endpoints are for the secretariat, its managers and administrators only.
 *
 * <p>Once a request has passed, its engine work is the application's, not the user's: our endpoints check
 * what staff may do themselves (an invitation's state, the reply's rules), and then correlate replies or
 * withdrawals to an invitation that no task of the user's is in. Staff's own engine rights are those of
 * Tasklist work, with no UPDATE on process instances, so that {@code /engine-rest} cannot change an
 * instance's variables or tokens behind the processes' back (docs/operations.md, the matrix).
 */
@Component
public class StaffAccess {

  private static final String STAFF_USER = StaffAccess.class.getName() + ".user";

  private final IdentityService identity;
  private final Set<String> allowed;
  private final Set<String> managers;

  public StaffAccess(IdentityService identity, TaskProperties tasks) {
    this.identity = identity;
    this.allowed = Set.of(tasks.staffGroup(), tasks.managerGroup(), Groups.CAMUNDA_ADMIN);
    this.managers = Set.of(tasks.managerGroup(), Groups.CAMUNDA_ADMIN);
  }

  /** The logged-in staff member's user id; 401 or 403 for anybody else. */
  public String require() {
    return require(allowed);
  }

  /** The logged-in manager's or administrator's user id; 401 or 403 for anybody else. */
  public String requireManager() {
    return require(managers);
  }

  private String require(Set<String> allowed) {
    // a second check in the same request finds the authentication the first one took off the engine
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Authentication current =
        request != null && request.getAttribute(STAFF_USER, RequestAttributes.SCOPE_REQUEST) instanceof Authentication seen
            ? seen
            : identity.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    if (current == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in first.");
    }
    if (groups.stream().noneMatch(allowed::contains)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Only members of " + allowed + " may use this.");
    }
    if (request != null) {
      request.setAttribute(STAFF_USER, current, RequestAttributes.SCOPE_REQUEST);
    }
    // the engine authentication filter set it for this request only and clears it again at the end
    identity.clearAuthentication();
    return current.getUserId();
  }
}
