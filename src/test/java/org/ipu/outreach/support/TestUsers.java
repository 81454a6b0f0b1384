package org.ipu.outreach.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Users of the test profile (which, like production, creates none); password = user id. */
@Component
public class TestUsers {

  public static final String STAFF = "staff";
  public static final String MANAGER = "manager";
  /** Logged in, but in no group of ours. */
  public static final String OUTSIDER = "outsider";

  private final IdentityService identity;

  public TestUsers(IdentityService identity) {
    this.identity = identity;
  }

  public void ensureStaffAndManager() {
    user(STAFF, "secretariat");
    user(MANAGER, "managers");
    user(OUTSIDER, null);
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User u = identity.newUser(id);
    u.setPassword(id);
    identity.saveUser(u);
    if (group != null) {
      identity.createMembership(id, group);
    }
  }
}
