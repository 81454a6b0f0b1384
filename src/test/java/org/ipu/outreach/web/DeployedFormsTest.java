package org.ipu.outreach.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ipu.outreach.support.OutreachTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasklist fails only when it renders a form it cannot find; this finds that at build time. */
class DeployedFormsTest extends OutreachTestBase {

  @Autowired RepositoryService repository;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void everyFormRefOfEveryDeployedProcessResolvesToAFormInTheSameDeployment() throws Exception {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
    Assertions.assertThat(definitions).extracting(ProcessDefinition::getKey).contains("campaign", "parliament-invitation");
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      Map<String, String> formsById = formsOf(definition.getDeploymentId());
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      List<String> refs = new ArrayList<>();
      model.getModelElementsByType(UserTask.class).forEach(t -> {
        Assertions.assertThat(t.getCamundaFormRef()).as("formRef of user task " + t.getId()).isNotBlank();
        Assertions.assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment");
        refs.add(t.getCamundaFormRef());
      });
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(s -> s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
          .filter(s -> s.getCamundaFormRef() != null)
          .forEach(s -> refs.add(s.getCamundaFormRef()));
      for (String ref : refs) {
        Assertions.assertThat(formsById).as(definition.getKey() + " needs form " + ref).containsKey(ref);
        checked.add(ref);
      }
    }
    Assertions.assertThat(checked)
        .contains("campaign-start", "review-campaign", "follow-up", "confirm-representative");
  }

  @Test
  void theCampaignIsStartedFromAForm() {
    ProcessDefinition campaign = repository.createProcessDefinitionQuery().processDefinitionKey("campaign").latestVersion().singleResult();
    StartEvent start = repository.getBpmnModelInstance(campaign.getId()).getModelElementsByType(StartEvent.class).iterator().next();
    Assertions.assertThat(start.getCamundaFormRef()).isEqualTo("campaign-start");
  }

  private Map<String, String> formsOf(String deploymentId) throws Exception {
    Map<String, String> byId = new HashMap<>();
    for (String name : repository.getDeploymentResourceNames(deploymentId)) {
      if (name.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
          byId.put(json.readTree(in).get("id").asText(), name);
        }
      }
    }
    return byId;
  }
}
