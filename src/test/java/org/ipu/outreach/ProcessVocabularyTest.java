package org.ipu.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.ipu.outreach.campaign.CampaignProcess;
import org.ipu.outreach.change.EventChangeProcess;
import org.ipu.outreach.invitation.InvitationProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The process vocabulary classes and the BPMN files in step: every constant of {@code Elements} is a flow
 * node of its process and every flow node has a constant; {@code Messages} are exactly the message names
 * and {@code Errors} exactly the error codes of the file; {@code KEY} is the process id. Plain JUnit: the
 * files are only parsed.
 */
class ProcessVocabularyTest {

  static Stream<Arguments> processes() {
    return Stream.of(
        Arguments.of("campaign.bpmn", CampaignProcess.class),
        Arguments.of("parliament-invitation.bpmn", InvitationProcess.class),
        Arguments.of("event-change.bpmn", EventChangeProcess.class),
        Arguments.of("campaign-change.bpmn", org.ipu.outreach.change.CampaignChangeProcess.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void theKeyIsTheProcessId(String file, Class<?> vocabulary) throws Exception {
    Set<String> processIds = ids(model(file).getModelElementsByType(Process.class).stream().map(Process::getId));
    String key = (String) vocabulary.getField("KEY").get(null);
    assertThat(processIds)
        .withFailMessage("%s.KEY is '%s', but the process id in %s is %s", vocabulary.getSimpleName(), key, file, processIds)
        .containsExactly(key);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyElementConstantNamesAFlowNode(String file, Class<?> vocabulary) {
    Set<String> flowNodes = flowNodeIds(file);
    Map<String, String> missing = new TreeMap<>(constants(vocabulary, "Elements"));
    missing.values().removeAll(flowNodes);
    assertThat(missing)
        .withFailMessage(
            "%s.Elements names ids that are no flow node of %s: %s", vocabulary.getSimpleName(), file, missing)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyFlowNodeHasAnElementConstant(String file, Class<?> vocabulary) {
    Set<String> missing = flowNodeIds(file);
    missing.removeAll(constants(vocabulary, "Elements").values());
    assertThat(missing)
        .withFailMessage(
            "flow nodes of %s without a constant in %s.Elements: %s", file, vocabulary.getSimpleName(), missing)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void theMessageConstantsAreTheMessageNames(String file, Class<?> vocabulary) {
    Set<String> names = ids(model(file).getModelElementsByType(Message.class).stream().map(Message::getName));
    assertSameValues(file, vocabulary, "Messages", "message names", names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void theErrorConstantsAreTheErrorCodes(String file, Class<?> vocabulary) {
    Set<String> codes = ids(model(file).getModelElementsByType(Error.class).stream().map(Error::getErrorCode));
    assertSameValues(file, vocabulary, "Errors", "error codes", codes);
  }

  private static void assertSameValues(
      String file, Class<?> vocabulary, String nested, String what, Set<String> inModel) {
    Map<String, String> constants = constants(vocabulary, nested);
    Map<String, String> unknown = new TreeMap<>(constants);
    unknown.values().removeAll(inModel);
    Set<String> withoutConstant = new TreeSet<>(inModel);
    withoutConstant.removeAll(constants.values());
    assertThat(unknown.isEmpty() && withoutConstant.isEmpty())
        .withFailMessage(
            "%s.%s names values that are no %s of %s: %s; %s of %s without a constant in %s.%s: %s",
            vocabulary.getSimpleName(), nested, what, file, unknown,
            what, file, vocabulary.getSimpleName(), nested, withoutConstant)
        .isTrue();
  }

  private static Set<String> flowNodeIds(String file) {
    return ids(model(file).getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId));
  }

  private static BpmnModelInstance model(String file) {
    return Bpmn.readModelFromFile(Path.of("processes", file).toFile());
  }

  private static Set<String> ids(Stream<String> values) {
    return values.collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The public static final String fields of the vocabulary's nested class, name to value; none when the
   * class has no such nested class (the campaign throws no BPMN error).
   */
  private static Map<String, String> constants(Class<?> vocabulary, String nested) {
    return Arrays.stream(vocabulary.getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals(nested))
        .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
        .filter(ProcessVocabularyTest::isStringConstant)
        .collect(Collectors.toMap(Field::getName, ProcessVocabularyTest::value, (a, b) -> a, TreeMap::new));
  }

  private static boolean isStringConstant(Field f) {
    int m = f.getModifiers();
    return Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class;
  }

  private static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
