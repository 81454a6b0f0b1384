package org.ipu.outreach.meeting.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registrants of one Zoom meeting, kept the way Zoom keeps them, behind WireMock stubs that name
 * this transformer: the list pages through everyone (page_size, next_page_token), batch_registrants
 * adds and answers in Zoom's documented shapes, and Zoom's limit of three adds per person and day is
 * enforced, so that a test would see a repeated add fail as it would on Zoom.
 */
class FakeZoomRegistrants implements ResponseDefinitionTransformerV2 {

  static final String NAME = "fake-zoom-registrants";

  record Registrant(String id, String email, String status, String joinUrl) {}

  private final ObjectMapper json = new ObjectMapper();
  final Map<String, Registrant> registrants = new LinkedHashMap<>();
  final Map<String, Integer> addsPerEmail = new HashMap<>();
  final List<Integer> batchSizes = new ArrayList<>();
  final List<String> listRequests = new ArrayList<>();
  /** Batch call numbers (1-based) that fail with a server error before adding anyone. */
  final List<Integer> failingBatches = new ArrayList<>();
  /**
   * Addresses Zoom will not register, with its code and message ({email} replaced): a batch holding one
   * of them is refused whole (HTTP 400) and adds nobody, and every address in it has spent an attempt.
   */
  final Map<String, String[]> refusals = new HashMap<>();
  private int batchCalls;

  synchronized void reset() {
    registrants.clear();
    addsPerEmail.clear();
    batchSizes.clear();
    listRequests.clear();
    failingBatches.clear();
    refusals.clear();
    batchCalls = 0;
  }

  synchronized void refuse(String email, int code, String message) {
    refusals.put(email.toLowerCase(Locale.ROOT), new String[] {String.valueOf(code), message});
  }

  synchronized void existing(String email, String status) {
    String id = "reg-" + (registrants.size() + 1);
    registrants.put(email.toLowerCase(Locale.ROOT), new Registrant(id, email, status, "https://zoom.example/w/1?tk=" + id));
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    var request = event.getRequest();
    try {
      if (RequestMethod.GET.equals(request.getMethod())) {
        return list(param(request.queryParameter("status"), "approved"),
            Integer.parseInt(param(request.queryParameter("page_size"), "30")),
            param(request.queryParameter("next_page_token"), ""));
      }
      return add(json.readTree(request.getBodyAsString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String param(QueryParameter p, String fallback) {
    return p == null || !p.isPresent() ? fallback : p.firstValue();
  }

  private ResponseDefinition list(String status, int pageSize, String token) {
    listRequests.add(status + ":" + token);
    List<Registrant> matching = registrants.values().stream().filter(r -> r.status().equals(status)).toList();
    int from = token.isEmpty() ? 0 : Integer.parseInt(token.substring("page-from-".length()));
    int to = Math.min(matching.size(), from + Math.min(pageSize, 300));
    ObjectNode page = json.createObjectNode();
    page.put("page_size", pageSize).put("total_records", matching.size())
        .put("next_page_token", to < matching.size() ? "page-from-" + to : "");
    ArrayNode items = page.putArray("registrants");
    for (Registrant r : matching.subList(from, to)) {
      items.addObject().put("id", r.id()).put("email", r.email()).put("first_name", "First").put("last_name", "Last")
          .put("status", r.status()).put("join_url", r.joinUrl()).put("create_time", "2026-03-01T10:00:00Z");
    }
    return ok(page);
  }

  private ResponseDefinition add(JsonNode body) throws Exception {
    batchCalls++;
    if (failingBatches.contains(batchCalls)) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(500)
          .withHeader("Content-Type", "application/json").withBody("{\"code\":500,\"message\":\"Internal error\"}").build();
    }
    JsonNode list = body.path("registrants");
    if (list.size() > 30 || !body.path("auto_approve").asBoolean(false)) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"code\":300,\"message\":\"At most 30 registrants, with auto_approve\"}").build();
    }
    batchSizes.add(list.size());
    for (JsonNode r : list) {
      String[] refusal = refusals.get(r.path("email").asText().toLowerCase(Locale.ROOT));
      if (refusal != null) {
        list.forEach(each -> addsPerEmail.merge(each.path("email").asText().toLowerCase(Locale.ROOT), 1, Integer::sum));
        return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody(json.createObjectNode().put("code", Integer.parseInt(refusal[0]))
                .put("message", refusal[1].replace("{email}", r.path("email").asText())).toString()).build();
      }
    }
    ObjectNode answer = json.createObjectNode();
    ArrayNode added = answer.putArray("registrants");
    for (JsonNode r : list) {
      String email = r.path("email").asText();
      String key = email.toLowerCase(Locale.ROOT);
      int adds = addsPerEmail.merge(key, 1, Integer::sum);
      if (adds > 3) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
            .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Type", "Daily-limit")
            .withBody("{\"code\":429,\"message\":\"You have exceeded the daily rate limit of (3) for Add meeting registrant"
                + " API requests for the registrant (" + email + ")\"}").build();
      }
      if (r.path("first_name").asText().isBlank()) {
        throw new IllegalStateException("first_name is required");
      }
      Registrant existing = registrants.get(key);
      Registrant reg = existing != null ? existing
          : new Registrant("new-" + (registrants.size() + 1), email, "approved", "https://zoom.example/w/1?tk=new-" + (registrants.size() + 1));
      registrants.put(key, reg);
      added.addObject().put("email", email).put("registrant_id", reg.id()).put("join_url", reg.joinUrl())
          .put("participant_pin_code", 123456);
    }
    return ok(answer);
  }

  private ResponseDefinition ok(JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
  }
}
