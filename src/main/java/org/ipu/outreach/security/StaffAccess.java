package org.ipu.outreach.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ipu.outreach.task.TaskProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Our own endpoints are for the secretariat, its managers and administrators only. */
@Component
public class StaffAccess {

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
    Authentication current = identity.getCurrentAuthentication();
    List<String> groups = current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    if (current == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in first.");
    }
    if (groups.stream().noneMatch(allowed::contains)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Only members of " + allowed + " may use this.");
    }
    return current.getUserId();
  }
}
