package org.ipu.outreach.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipu.outreach.invitation.InvitationProcess;
import org.springframework.core.io.ClassPathResource;

/**
 * The bare-engine floor: the parliament-invitation BPMN as deployed, with every call into our code
 * replaced by something the engine evaluates on its own, under another process key. What stays: every
 * element, sequence flow, async boundary, timer, message, boundary event, multi-instance, input/output
 * mapping and listener slot, and the history level of the engine it is deployed to. What goes: our
 * delegates (letters, outbox, directory reads, registration requests, attendance), which become
 * {@code ${true}} (the retry cycle of failed jobs stays: it is read only when a job fails); the values they would compute (timer dates, gateway decisions) become process
 * variables set when the instance starts.
 */
public final class FloorModel {

  public static final String KEY = "floor-invitation";
  /** Spring bean giving the multi-instance its collection, as {@code nominees.ids} does in the product. */
  public static final String BEAN = "benchmarkFloor";

  private FloorModel() {}

  public static String productXml() {
    try (var in = new ClassPathResource("bpm/parliament-invitation.bpmn").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String floorXml() {
    return transform(productXml());
  }

  static String transform(String xml) {
    String s = xml.replace("\"" + InvitationProcess.KEY + "\"", "\"" + KEY + "\"");
    // forms are looked up only when a form is fetched; the floor has no forms deployed with it
    s = s.replaceAll(" camunda:formRef=\"[^\"]*\"", "").replaceAll(" camunda:formRefBinding=\"[^\"]*\"", "");
    // the outcome an end event records: the engine's part is one variable
    s = replaceAll(s, "expression=\"\\$\\{invitationOutcome\\.record\\(execution, '(\\w+)'\\)\\}\"",
        m -> "expression=\"${execution.setVariable('outcome', '" + m.group(1) + "')}\"");
    // service tasks and listeners: no-ops
    s = s.replaceAll("camunda:expression=\"\\$\\{[^\"]*\\}\"", "camunda:expression=\"\\${true}\"");
    s = s.replaceAll("delegateExpression=\"\\$\\{[^\"]*\\}\"", "expression=\"\\${true}\"");
    // task assignment and escalation: constant group, deadline from a variable
    s = s.replace("${taskDeadlines.staffGroup}", "secretariat");
    s = s.replace("${taskDeadlines.plan(execution)}", "${escalationDueAt}");
    // gateway decisions the product reads from our tables: variables
    s = s.replace("nominees.anyWithStatus(nomineeIds, 'REPLACEMENT_REQUESTED')", "floorReplacementRequested");
    s = s.replace("nominees.anyConfirmed(campaignId, inviteeCode)", "floorAnyConfirmed");
    s = s.replace("${nominees.ids(nomineeIds)}", "${" + BEAN + ".ids(nomineeIds)}");
    // the representatives the platform refused: read from our table, none in the floor's runs
    s = s.replace("${refusedRepresentativeForm.ids(campaignId, inviteeCode)}", "${" + BEAN + ".none()}");
    return s;
  }

  /** Expressions of the floor that still call a bean other than the floor's own: must be none. */
  static List<String> foreignCalls(String xml) {
    Matcher m = Pattern.compile("\\$\\{[^}]*?\\b([a-zA-Z]+)\\.[a-zA-Z]+").matcher(xml);
    List<String> calls = new java.util.ArrayList<>();
    while (m.find()) {
      String bean = m.group(1);
      // jobRetries.cycle: the retry cycle of failed jobs, read only when a job fails; the same in both
      if (!bean.equals("execution") && !bean.equals(BEAN) && !bean.equals("jobRetries")) {
        calls.add(m.group());
      }
    }
    return calls;
  }

  private static String replaceAll(String s, String regex, java.util.function.Function<Matcher, String> replacement) {
    Matcher m = Pattern.compile(regex).matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The floor's stand-in for {@code nominees.ids}: the comma-separated ids as a list, no database read. */
  public static final class Beans {
    public List<String> ids(String nomineeIds) {
      return List.of(nomineeIds.split(","));
    }

    public List<String> none() {
      return List.of();
    }
  }
}
