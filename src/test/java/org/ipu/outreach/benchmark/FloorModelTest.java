package org.ipu.outreach.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;

/** The floor keeps the product's shape and calls none of our code. */
class FloorModelTest {

  @Test
  void theFloorHasEveryElementAsyncBoundaryAndTimerOfTheProductAndCallsNoneOfOurBeans() {
    String product = FloorModel.productXml();
    String floor = FloorModel.floorXml();

    assertThat(FloorModel.foreignCalls(product)).as("the product calls our beans").isNotEmpty();
    assertThat(FloorModel.foreignCalls(floor)).isEmpty();
    assertThat(shape(parse(floor))).isEqualTo(shape(parse(product)));
    assertThat(floor).contains("id=\"" + FloorModel.KEY + "\"").doesNotContain("\"parliament-invitation\"");
  }

  private static BpmnModelInstance parse(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every flow node: its type, async flags, timers, whether it cancels (boundary events). */
  private static Map<String, String> shape(BpmnModelInstance model) {
    Map<String, String> shape = new TreeMap<>();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      String s = n.getElementType().getTypeName()
          + " asyncBefore=" + n.isCamundaAsyncBefore() + " asyncAfter=" + n.isCamundaAsyncAfter()
          + " timers=" + n.getChildElementsByType(TimerEventDefinition.class).size()
          + " incoming=" + n.getIncoming().size() + " outgoing=" + n.getOutgoing().size();
      if (n instanceof BoundaryEvent b) {
        s += " cancel=" + b.cancelActivity();
      }
      shape.put(n.getId(), s);
    }
    return shape;
  }
}
