package org.ipu.outreach.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.change.CampaignChangeProcess;
import org.ipu.outreach.change.EventChangeProcess;
import org.ipu.outreach.invitation.InvitationProcess;
import org.ipu.outreach.task.TaskProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups, their authorizations and the shared Tasklist filter, in every profile (they are no secret;
 * users and passwords are created only by the demo profile or by an administrator). Idempotent.
 */
@Component
public class IdentitySetup {

  static final String ALL_TASKS_FILTER = "All tasks";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService taskService;
  private final TaskProperties tasks;

  public IdentitySetup(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService taskService,
      TaskProperties tasks) {
    this.identity = identity;
    this.taskService = taskService;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener
  @Order(0)
  public void onDeployed(ApplicationReadyEvent event) {
    group(tasks.staffGroup(), "Secretariat");
    group(tasks.managerGroup(), "Managers");
    String staff = tasks.staffGroup();
    String managers = tasks.managerGroup();

    grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(managers, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(managers, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // Tasklist work: read the processes, work their tasks (and the tasks' variables); no UPDATE_INSTANCE, so
    // no variable, suspension or token of an instance changes but through its tasks (our /api endpoints
    // change instances as the application, after their own checks: StaffAccess)
    Permission[] staffOnDefinitions = {
      ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
      ProcessDefinitionPermissions.READ_INSTANCE,
      ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
      ProcessDefinitionPermissions.READ_HISTORY
    };
    grant(staff, Resources.PROCESS_DEFINITION, CampaignProcess.KEY, staffOnDefinitions);
    // an invitation is started by its campaign's approved launch only, never by hand
    Permission[] staffOnInvitations = Arrays.stream(staffOnDefinitions)
        .filter(p -> p != ProcessDefinitionPermissions.CREATE_INSTANCE)
        .toArray(Permission[]::new);
    grant(staff, Resources.PROCESS_DEFINITION, InvitationProcess.KEY, staffOnInvitations);
    grant(staff, Resources.PROCESS_DEFINITION, EventChangeProcess.KEY, staffOnDefinitions);
    grant(staff, Resources.PROCESS_DEFINITION, CampaignChangeProcess.KEY, staffOnDefinitions);
    grant(staff, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
    grant(staff, Resources.DEPLOYMENT, ANY, Permissions.READ);

    grant(managers, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grant(managers, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
    grant(managers, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ);

    Filter all = allTasksFilter();
    grant(staff, Resources.FILTER, all.getId(), Permissions.READ);
    grant(managers, Resources.FILTER, all.getId(), Permissions.READ);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(Groups.GROUP_TYPE_WORKFLOW);
      identity.saveGroup(g);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    boolean exists =
        authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).count()
            > 0;
    if (exists) {
      return;
    }
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  private Filter allTasksFilter() {
    Filter existing = filters.createFilterQuery().filterName(ALL_TASKS_FILTER).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter f = filters.newTaskFilter(ALL_TASKS_FILTER);
    f.setQuery(taskService.createTaskQuery());
    f.setProperties(Map.of("description", "Every task you may work on", "priority", -10, "refresh", true));
    return filters.saveFilter(f);
  }
}
