package org.ipu.outreach.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what a Camunda Form submitted. Forms validate in the browser only and anything can be sent
 * through the REST API, so values are read defensively and checked by the caller.
 */
public final class FormValues {

  private FormValues() {}

  /** The trimmed text of a variable, or null when it is missing or blank. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /** A list a checklist or tag list submitted (as JSON), or a comma-separated text. */
  public static List<String> list(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
    } else if (value instanceof Collection<?> c) {
      c.forEach(e -> result.add(String.valueOf(e)));
    } else if (value != null) {
      for (String part : value.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
    }
    return result;
  }
}
