package org.ipu.outreach.meeting.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.util.concurrent.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ipu.outreach.meeting.MeetingConfigurationException;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.meeting.MeetingPlatformBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/**
 * Zoom REST API v2, the calls this application needs. Server-to-Server OAuth token cached until
 * shortly before it expires, the token's api_url used as the base URL, one retry with a fresh token
 * after a 401, every call throttled under the configured rate, and Zoom's errors turned into
 * exceptions that say what to do.
 */
public class ZoomClient {

  private static final Logger log = LoggerFactory.getLogger(ZoomClient.class);

  /** Zoom's largest page of registrants and of report rows. */
  static final int PAGE_SIZE = 300;

  /** Zoom's largest batch of registrants per add call. */
  public static final int MAX_BATCH = 30;

  /** Codes that mean the meeting itself is set up wrongly: retrying cannot help. */
  private static final Set<Integer> MEETING_CONFIGURATION_CODES = Set.of(3000, 3001, 3043);

  private static final Set<Integer> ACCESS_CODES = Set.of(124, 4700, 4711);

  /** Codes that refuse a registrant, not the meeting (3027: a host cannot register; 300: invalid field). */
  private static final Set<Integer> REGISTRANT_CODES = Set.of(300, 3027);

  private final ZoomProperties properties;
  private final Clock clock;
  private final ObjectMapper json;
  private final RestClient http;
  private final RateLimiter limiter;
  private final MeterRegistry metrics;
  private Token token;

  /** Counts of calls by kind, for the benchmark and for tests that prove batching. */
  private final ConcurrentHashMap<String, AtomicLong> calls = new ConcurrentHashMap<>();

  /** Unmetered, for tests that count calls with {@link #callCount}. */
  public ZoomClient(ZoomProperties properties, Clock clock, ObjectMapper json) {
    this(properties, clock, json, new SimpleMeterRegistry());
  }

  /** Counts every call (outreach.zoom.calls) and every 429 (outreach.zoom.rate.limited) by kind in metrics. */
  public ZoomClient(ZoomProperties properties, Clock clock, ObjectMapper json, MeterRegistry metrics) {
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
    HttpClient jdk = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
    factory.setReadTimeout(properties.readTimeout());
    this.http = RestClient.builder().requestFactory(factory).build();
    this.limiter = RateLimiter.create(properties.requestsPerSecond());
  }

  record Token(String accessToken, String apiUrl, Instant refreshAt) {}

  /**
   * interpretationLanguages: Zoom's codes (US, FR, ES, ...) of every interpreter, when interpretation is
   * on; alternativeHosts: their addresses in lower case (Zoom registers no host, code 3027).
   */
  public record ZoomMeeting(
      String id, String uuid, int type, String hostEmail, String joinUrl, int approvalType,
      boolean interpretation, Set<String> interpretationLanguages, Set<String> alternativeHosts,
      Set<String> interpreters, String startTime, Integer durationMinutes) {

    /** Who runs the meeting, addresses in lower case: host, alternative hosts, interpreters. */
    public Set<String> organisers() {
      Set<String> all = new java.util.TreeSet<>(alternativeHosts);
      all.addAll(interpreters);
      if (hostEmail != null && !hostEmail.isBlank()) {
        all.add(hostEmail.trim().toLowerCase(java.util.Locale.ROOT));
      }
      return all;
    }
  }

  public record ZoomRegistrant(String id, String email, String status, String joinUrl) {}

  /** One held instance of a meeting (a meeting id can be started several times); end is null when unknown. */
  public record MeetingInstance(String uuid, Instant start, Instant end) {}

  public record NewRegistrant(String email, String firstName, String lastName) {}

  public record AddedRegistrant(String email, String registrantId, String joinUrl) {}

  // ---- the calls ------------------------------------------------------------------------------------

  public ZoomMeeting meeting(String meetingId) {
    JsonNode m = call(HttpMethod.GET, "/v2/meetings/" + segment(meetingId), null, "read meeting " + meetingId, "meeting");
    JsonNode settings = m.path("settings");
    JsonNode interpretation = settings.path("language_interpretation");
    Set<String> languages = new java.util.TreeSet<>();
    Set<String> interpreters = new java.util.TreeSet<>();
    for (JsonNode interpreter : interpretation.path("interpreters")) {
      if (!interpreter.path("email").asText("").isBlank()) {
        interpreters.add(interpreter.path("email").asText().trim().toLowerCase(java.util.Locale.ROOT));
      }
      for (String code : interpreter.path("languages").asText("").split(",")) {
        if (!code.isBlank()) {
          languages.add(code.trim().toUpperCase(java.util.Locale.ROOT));
        }
      }
    }
    // Zoom separates alternative hosts with ';' (older answers: ',')
    Set<String> alternativeHosts = new java.util.TreeSet<>();
    for (String a : settings.path("alternative_hosts").asText("").split("[;,]")) {
      if (!a.isBlank()) {
        alternativeHosts.add(a.trim().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return new ZoomMeeting(
        m.path("id").asText(), m.path("uuid").asText(null), m.path("type").asInt(),
        m.path("host_email").asText(null), m.path("join_url").asText(null),
        settings.path("approval_type").asInt(2), interpretation.path("enable").asBoolean(false), languages,
        alternativeHosts, interpreters, m.path("start_time").asText(null), m.has("duration") ? m.path("duration").asInt() : null);
  }

  /** Every registrant with the given status, page after page until next_page_token is empty. */
  public List<ZoomRegistrant> registrants(String meetingId, String status) {
    List<ZoomRegistrant> all = new ArrayList<>();
    String next = "";
    do {
      String path = "/v2/meetings/" + segment(meetingId) + "/registrants?status=" + status + "&page_size=" + PAGE_SIZE
          + (next.isEmpty() ? "" : "&next_page_token=" + UriUtils.encode(next, StandardCharsets.UTF_8));
      JsonNode page = call(HttpMethod.GET, path, null, "list the registrants of meeting " + meetingId, "listRegistrants");
      for (JsonNode r : page.path("registrants")) {
        all.add(new ZoomRegistrant(
            r.path("id").asText(), r.path("email").asText(), r.path("status").asText(status),
            r.path("join_url").asText(null)));
      }
      next = page.path("next_page_token").asText("");
    } while (!next.isEmpty());
    return all;
  }

  /** Adds at most {@link #MAX_BATCH} registrants, approved at once; Zoom sends them no mail of its own. */
  public List<AddedRegistrant> addRegistrants(String meetingId, List<NewRegistrant> registrants) {
    if (registrants.isEmpty() || registrants.size() > MAX_BATCH) {
      throw new IllegalArgumentException("A batch holds 1 to " + MAX_BATCH + " registrants, not " + registrants.size());
    }
    ObjectNode body = json.createObjectNode();
    body.put("auto_approve", true);
    // our own confirmation letter carries the join link, in the representative's language
    body.put("registrants_confirmation_email", false);
    ArrayNode list = body.putArray("registrants");
    for (NewRegistrant r : registrants) {
      list.addObject().put("email", r.email()).put("first_name", r.firstName()).put("last_name", r.lastName());
    }
    JsonNode answer = call(HttpMethod.POST, "/v2/meetings/" + segment(meetingId) + "/batch_registrants", body,
        "register " + registrants.size() + " people for meeting " + meetingId, "addRegistrants");
    List<AddedRegistrant> added = new ArrayList<>();
    for (JsonNode r : answer.path("registrants")) {
      added.add(new AddedRegistrant(r.path("email").asText(), r.path("registrant_id").asText(), r.path("join_url").asText()));
    }
    return added;
  }

  /** Moves a scheduled meeting (PATCH /meetings/{id}): start in UTC, duration in minutes, the event's zone. */
  public void updateMeetingTime(String meetingId, Instant start, long minutes, String timeZone) {
    ObjectNode body = json.createObjectNode();
    body.put("start_time", start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    body.put("duration", minutes);
    body.put("timezone", timeZone);
    call(HttpMethod.PATCH, "/v2/meetings/" + segment(meetingId), body, "move meeting " + meetingId, "updateMeeting");
  }

  /** action: approve, deny or cancel. */
  public void updateRegistrantStatus(String meetingId, String action, List<ZoomRegistrant> registrants) {
    ObjectNode body = json.createObjectNode();
    body.put("action", action);
    ArrayNode list = body.putArray("registrants");
    registrants.forEach(r -> {
      ObjectNode item = list.addObject();
      if (r.id() != null) {
        item.put("id", r.id());
      }
      item.put("email", r.email());
    });
    call(HttpMethod.PUT, "/v2/meetings/" + segment(meetingId) + "/registrants/status", body,
        action + " " + registrants.size() + " registrants of meeting " + meetingId, "updateRegistrants");
  }

  /** The ended instances of a meeting (GET /past_meetings/{id}/instances): uuid and start time only. */
  public List<MeetingInstance> pastInstances(String meetingId) {
    JsonNode answer = call(HttpMethod.GET, "/v2/past_meetings/" + segment(meetingId) + "/instances", null,
        "list the instances of meeting " + meetingId, "instances");
    List<MeetingInstance> instances = new ArrayList<>();
    for (JsonNode m : answer.path("meetings")) {
      instances.add(new MeetingInstance(m.path("uuid").asText(), instant(m.path("start_time").asText(null)), null));
    }
    return instances;
  }

  /** One ended instance with its start and end (GET /past_meetings/{uuid}). */
  public MeetingInstance pastInstance(String uuid) {
    JsonNode m = call(HttpMethod.GET, "/v2/past_meetings/" + segment(uuid), null, "read the meeting instance " + uuid,
        "instance");
    return new MeetingInstance(uuid, instant(m.path("start_time").asText(null)), instant(m.path("end_time").asText(null)));
  }

  private static Instant instant(String text) {
    try {
      return text == null || text.isBlank() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The participants report, every page: one row per join session. */
  public List<Participation> participantsReport(String meetingIdOrUuid) {
    List<Participation> rows = new ArrayList<>();
    String next = "";
    do {
      String path = "/v2/report/meetings/" + segment(meetingIdOrUuid) + "/participants?include_fields=registrant_id&page_size="
          + PAGE_SIZE + (next.isEmpty() ? "" : "&next_page_token=" + UriUtils.encode(next, StandardCharsets.UTF_8));
      JsonNode page = call(HttpMethod.GET, path, null, "read the participants report of meeting " + meetingIdOrUuid, "report");
      for (JsonNode p : page.path("participants")) {
        rows.add(new Participation(
            blankToNull(p.path("registrant_id").asText(null)), blankToNull(p.path("user_email").asText(null)),
            blankToNull(p.path("name").asText(null)), p.path("duration").asLong(0)));
      }
      next = page.path("next_page_token").asText("");
    } while (!next.isEmpty());
    return rows;
  }

  /** Throws unless an access token can be had (the cached one while it is fresh): for the health check. */
  public void checkAccess() {
    token(false);
  }

  /** How many calls of a kind were made (meeting, listRegistrants, addRegistrants, updateRegistrants, report). */
  public long callCount(String kind) {
    var count = calls.get(kind);
    return count == null ? 0 : count.get();
  }

  // ---- encoding ---------------------------------------------------------------------------------------

  /**
   * A meeting id or UUID as a path segment. Zoom decodes the path once before routing, so a UUID that
   * starts with '/' or contains '//' must be encoded twice (Zoom's documented rule).
   */
  static String segment(String meetingIdOrUuid) {
    String once = UriUtils.encode(meetingIdOrUuid, StandardCharsets.UTF_8);
    boolean twice = meetingIdOrUuid.startsWith("/") || meetingIdOrUuid.contains("//");
    return twice ? UriUtils.encode(once, StandardCharsets.UTF_8) : once;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  // ---- HTTP, token and errors ---------------------------------------------------------------------------

  record Answer(int status, HttpHeaders headers, byte[] body) {}

  private JsonNode call(HttpMethod method, String pathAndQuery, JsonNode body, String what, String kind) {
    Answer answer = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Token t = token(attempt > 0);
      limiter.acquire();
      count(kind);
      answer = send(method, URI.create(t.apiUrl() + pathAndQuery), t.accessToken(), body, what);
      if (answer.status() != 401) {
        break;
      }
      // the token may have been revoked or expired early: one more try with a fresh one
      log.info("Zoom answered 401 to '{}'; retrying once with a fresh token", what);
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      return answer.body().length == 0 ? json.createObjectNode() : parse(answer.body());
    }
    if (answer.status() == 429) {
      metrics.counter("outreach.zoom.rate.limited", "kind", kind).increment();
    }
    throw error(answer, what);
  }

  private void count(String kind) {
    calls.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    metrics.counter("outreach.zoom.calls", "kind", kind).increment();
  }

  private Answer send(HttpMethod method, URI uri, String bearer, JsonNode body, String what) {
    try {
      RestClient.RequestBodySpec request = http.method(method).uri(uri)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
          .accept(MediaType.APPLICATION_JSON);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
      }
      return request.exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()));
    } catch (ResourceAccessException | IOException e) {
      throw new ZoomApiException("Zoom could not be reached to " + what + ": " + e.getMessage(), 0, null, null);
    }
  }

  private synchronized Token token(boolean fresh) {
    Instant now = clock.instant();
    if (!fresh && token != null && now.isBefore(token.refreshAt())) {
      return token;
    }
    URI uri = URI.create(properties.oauthBaseUrl() + "/oauth/token?grant_type=account_credentials&account_id="
        + UriUtils.encode(properties.accountId(), StandardCharsets.UTF_8));
    String basic = Base64.getEncoder().encodeToString(
        (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
    Answer answer;
    try {
      count("token");
      answer = http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
          .accept(MediaType.APPLICATION_JSON)
          .exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()));
    } catch (ResourceAccessException e) {
      throw new ZoomApiException("Zoom's OAuth server could not be reached: " + e.getMessage(), 0, null, null);
    }
    if (answer.status() != 200) {
      JsonNode error = parseQuietly(answer.body());
      throw new ZoomAccessException(
          "Zoom refused to issue an access token (HTTP " + answer.status() + ": "
              + error.path("reason").asText(error.path("error").asText("no reason given"))
              + "). Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, and that the Server-to-Server"
              + " OAuth app is activated (docs/zoom.md).",
          answer.status(), null, answer.headers().getFirst("x-zm-trackingid"));
    }
    JsonNode t = parse(answer.body());
    long expiresIn = t.path("expires_in").asLong(3599);
    String apiUrl = t.path("api_url").asText("");
    Instant refreshAt = now.plusSeconds(expiresIn).minus(properties.tokenRefreshBefore());
    token = new Token(t.path("access_token").asText(), apiUrl.isBlank() ? properties.apiBaseUrl() : trimSlash(apiUrl), refreshAt);
    return token;
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private RuntimeException error(Answer answer, String what) {
    JsonNode body = parseQuietly(answer.body());
    Integer code = body.has("code") ? body.path("code").asInt() : null;
    String message = body.path("message").asText("");
    String tracking = answer.headers().getFirst("x-zm-trackingid");
    String detail = "Zoom answered HTTP " + answer.status() + (code == null ? "" : ", code " + code)
        + (message.isEmpty() ? "" : " (" + message + ")") + " to '" + what + "'"
        + (tracking == null ? "" : "; Zoom tracking id " + tracking);
    if (answer.status() == 429) {
      String type = answer.headers().getFirst("X-RateLimit-Type");
      boolean daily = type != null && type.toLowerCase().startsWith("daily");
      Instant retryAt = retryAt(answer.headers().getFirst(HttpHeaders.RETRY_AFTER), daily, clock.instant());
      return new MeetingPlatformBusyException(detail + ". Waiting until " + (retryAt == null ? "later" : retryAt) + ".", retryAt, daily);
    }
    if (answer.status() == 401 || code != null && ACCESS_CODES.contains(code)) {
      return new ZoomAccessException(
          detail + ". Zoom refused the app's token or the app lacks a scope: check the Server-to-Server OAuth app's"
              + " credentials and scopes (meeting:read:admin, meeting:write:admin, report:read:admin; docs/zoom.md).",
          answer.status(), code, tracking);
    }
    if (code != null && !REGISTRANT_CODES.contains(code) && (MEETING_CONFIGURATION_CODES.contains(code) || message.toLowerCase().contains("registration"))) {
      return new MeetingConfigurationException(meetingProblem(code, message) + " [" + detail + "]");
    }
    return new ZoomApiException(detail + ".", answer.status(), code, tracking);
  }

  private static String meetingProblem(int code, String message) {
    return switch (code) {
      case 3001 -> "The Zoom meeting does not exist or has expired: correct the event's meeting id, or schedule the"
          + " meeting again in Zoom and put its id on the event.";
      case 3043 -> "The Zoom meeting is full: raise its capacity (a larger meeting licence or a webinar) or free places.";
      default -> message.toLowerCase().contains("registration")
          ? "The Zoom meeting does not take registrations: in Zoom, edit the meeting, tick 'Registration: Required' and"
              + " set approval to manual."
          : "Zoom refuses registrations for this meeting (" + message + "): check the meeting's registration settings"
              + " and attendee limit in Zoom.";
    };
  }

  /**
   * When a rate-limited call may be tried again: Retry-After in seconds or as an ISO-8601 date-time (Zoom
   * sends the latter after a daily limit); without it a daily limit lasts until 00:00 UTC, and null means
   * the caller backs off on its own.
   */
  static Instant retryAt(String retryAfter, boolean dailyLimit, Instant now) {
    if (retryAfter != null && !retryAfter.isBlank()) {
      String value = retryAfter.trim();
      if (value.chars().allMatch(Character::isDigit)) {
        return now.plusSeconds(Long.parseLong(value));
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
          try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          } catch (DateTimeParseException unreadable) {
            log.warn("Unreadable Retry-After '{}' from Zoom", value);
          }
        }
      }
    }
    if (dailyLimit) {
      return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return null;
  }

  private JsonNode parse(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new ZoomApiException("Zoom's answer is not JSON: " + new String(body, StandardCharsets.UTF_8), 0, null, null);
    }
  }

  private JsonNode parseQuietly(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : json.readTree(body);
      return node == null ? json.createObjectNode() : node;
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
