package org.ipu.outreach.meeting.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.ipu.outreach.attendance.AttendanceMatcher;
import org.ipu.outreach.directory.Language;
import org.ipu.outreach.meeting.MeetingConfigurationException;
import org.ipu.outreach.meeting.MeetingPlatform.Participation;
import org.ipu.outreach.meeting.MeetingPlatform.Registrant;
import org.ipu.outreach.meeting.MeetingPlatform.Registration;
import org.ipu.outreach.meeting.MeetingPlatform.Registrations;
import org.ipu.outreach.meeting.MeetingPlatformBusyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Zoom adapter against a local HTTP fake serving Zoom's documented shapes. */
class ZoomMeetingPlatformTest {

  static final FakeZoomRegistrants fake = new FakeZoomRegistrants();

  @RegisterExtension
  static WireMockExtension zoom =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(fake)).build();

  static final String MEETING = "85746352411";
  static final String HOST = "host@ipu.example";
  static final String ALT_HOSTS = "deputy@ipu.example;Second.Alt@ipu.example";
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  ZoomClient client;
  ZoomMeetingPlatform platform;

  @BeforeEach
  void fakeZoom() {
    fake.reset();
    client = new ZoomClient(properties(50), clock, new ObjectMapper());
    platform = new ZoomMeetingPlatform(client, clock);
    stubToken();
    meeting(2, 1);
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING + "/registrants"))
        .willReturn(aResponse().withTransformers(FakeZoomRegistrants.NAME)));
    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + MEETING + "/batch_registrants"))
        .willReturn(aResponse().withTransformers(FakeZoomRegistrants.NAME)));
  }

  ZoomProperties properties(double perSecond) {
    // apiBaseUrl points nowhere: every API call must go to the api_url the token names
    return new ZoomProperties("acc-1", "client-1", "s3cret-client", "s3cret-webhook", zoom.baseUrl(),
        "http://127.0.0.1:9", perSecond, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMinutes(5));
  }

  void stubToken() {
    zoom.stubFor(post(urlPathEqualTo("/oauth/token"))
        .withQueryParam("grant_type", equalTo("account_credentials"))
        .withQueryParam("account_id", equalTo("acc-1"))
        .withBasicAuth("client-1", "s3cret-client")
        .inScenario("tokens").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(okJson(token("tok-1"))));
    zoom.stubFor(post(urlPathEqualTo("/oauth/token"))
        .inScenario("tokens").whenScenarioStateIs("second").willSetStateTo("third")
        .willReturn(okJson(token("tok-2"))));
    zoom.stubFor(post(urlPathEqualTo("/oauth/token"))
        .inScenario("tokens").whenScenarioStateIs("third")
        .willReturn(okJson(token("tok-3"))));
  }

  String token(String value) {
    return "{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":3599,"
        + "\"scope\":\"meeting:read:admin meeting:write:admin report:read:admin\",\"api_url\":\"" + zoom.baseUrl() + "\"}";
  }

  void meeting(int type, int approvalType) {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).willReturn(okJson(
        "{\"id\":" + MEETING + ",\"uuid\":\"iVxc1pDdQTGVQ7uB1u6gkg==\",\"host_email\":\"" + HOST + "\",\"topic\":\"Panel\","
            + "\"type\":" + type + ",\"start_time\":\"2026-04-01T13:00:00Z\",\"join_url\":\"https://zoom.example/j/" + MEETING + "\","
            + "\"settings\":{\"approval_type\":" + approvalType + ",\"registration_type\":1,\"alternative_hosts\":\"" + ALT_HOSTS + "\","
            + "\"language_interpretation\":{\"enable\":true,\"interpreters\":[{\"email\":\"fr@ipu.example\",\"languages\":\"US,FR\"}]}}}")));
  }

  static List<Registrant> people(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> new Registrant("Person " + prefix + i + " Example", prefix + i + "@parliament.example")).toList();
  }

  // ---- token -------------------------------------------------------------------------------------------

  @Test
  void theTokenIsFetchedOnceAndReplacedShortlyBeforeItExpires() {
    client.meeting(MEETING);
    client.meeting(MEETING);
    zoom.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    zoom.verify(2, getRequestedFor(urlPathEqualTo("/v2/meetings/" + MEETING)).withHeader("Authorization", equalTo("Bearer tok-1")));

    clock.set(NOW.plusSeconds(3599).minus(Duration.ofMinutes(5)).minusSeconds(1));
    client.meeting(MEETING);
    zoom.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));

    clock.set(NOW.plusSeconds(3599).minus(Duration.ofMinutes(5)));
    client.meeting(MEETING);
    zoom.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    zoom.verify(1, getRequestedFor(urlPathEqualTo("/v2/meetings/" + MEETING)).withHeader("Authorization", equalTo("Bearer tok-2")));
  }

  @Test
  void a401IsTriedOnceMoreWithAFreshToken() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).withHeader("Authorization", equalTo("Bearer tok-1"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody("{\"code\":124,\"message\":\"Invalid access token.\"}")));

    Assertions.assertThat(client.meeting(MEETING).hostEmail()).isEqualTo(HOST);
    zoom.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  @Test
  void a401WithTheFreshTokenTooBecomesAReadableAccessError() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withHeader("x-zm-trackingid", "v=2.0;clid=eu;rid=WEB_1")
            .withBody("{\"code\":124,\"message\":\"Invalid access token.\"}")));

    Assertions.assertThatThrownBy(() -> client.meeting(MEETING))
        .isInstanceOf(ZoomAccessException.class)
        .hasMessageContaining("code 124").hasMessageContaining("Invalid access token")
        .hasMessageContaining("credentials and scopes").hasMessageContaining("WEB_1");
    zoom.verify(2, getRequestedFor(urlPathEqualTo("/v2/meetings/" + MEETING)));
  }

  @Test
  void missingScopesBecomeAReadableAccessError() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":4700,\"message\":\"Invalid access token, does not contain scopes:[meeting:read:meeting:admin].\"}")));

    Assertions.assertThatThrownBy(() -> client.meeting(MEETING))
        .isInstanceOf(ZoomAccessException.class).hasMessageContaining("4700").hasMessageContaining("scopes");
  }

  @Test
  void refusedCredentialsSayWhatToCheckAndNeverShowTheSecret() {
    zoom.resetAll();
    zoom.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"reason\":\"Invalid client_id or client_secret\",\"error\":\"invalid_client\"}")));

    Assertions.assertThatThrownBy(() -> client.meeting(MEETING))
        .isInstanceOf(ZoomAccessException.class)
        .hasMessageContaining("Invalid client_id or client_secret").hasMessageContaining("ZOOM_CLIENT_SECRET")
        .satisfies(e -> Assertions.assertThat(e.getMessage()).doesNotContain("s3cret"));
    Assertions.assertThat(properties(1).toString()).doesNotContain("s3cret").doesNotContain("client-1").doesNotContain("acc-1")
        .contains("clientSecret=(set)");
  }

  // ---- registration ------------------------------------------------------------------------------------

  @Test
  void everyPageIsReadAndOnlyWhoIsMissingIsAddedInBatchesOfThirty() {
    people("old", 650).forEach(p -> fake.existing(p.email(), "approved"));
    List<Registrant> wanted = new ArrayList<>(people("new", 95));
    wanted.add(new Registrant("Old Person", "OLD17@parliament.example"));
    wanted.add(new Registrant("The Host", HOST));

    Map<String, Registration> result = platform.registerAll(MEETING, wanted).registered();

    Assertions.assertThat(fake.listRequests)
        .containsExactly("approved:", "approved:page-from-300", "approved:page-from-600", "pending:");
    Assertions.assertThat(fake.batchSizes).containsExactly(30, 30, 30, 5);
    Assertions.assertThat(result).hasSize(96);
    Assertions.assertThat(result.get("old17@parliament.example").registrantId()).isEqualTo("reg-17");
    Assertions.assertThat(result.get("new95@parliament.example").joinUrl()).startsWith("https://zoom.example/w/1?tk=new-");
    Assertions.assertThat(fake.addsPerEmail).doesNotContainKey(HOST).doesNotContainKey("old17@parliament.example");
    zoom.verify(postRequestedFor(urlPathEqualTo("/v2/meetings/" + MEETING + "/batch_registrants"))
        .withRequestBody(equalToJson("{\"auto_approve\":true,\"registrants_confirmation_email\":false}", true, true)));

    // the job runs again (a retry, an operator): the same people are found and nobody is added twice
    Map<String, Registration> again = platform.registerAll(MEETING, wanted).registered();

    Assertions.assertThat(fake.batchSizes).containsExactly(30, 30, 30, 5);
    Assertions.assertThat(fake.addsPerEmail.values()).allMatch(n -> n == 1);
    Assertions.assertThat(again).isEqualTo(result);
  }

  @Test
  void whenABatchFailsTheRetryAddsOnlyThoseNotYetAdded() {
    fake.failingBatches.add(3);
    List<Registrant> wanted = people("p", 95);

    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, wanted))
        .isInstanceOf(ZoomApiException.class).hasMessageContaining("HTTP 500");
    Assertions.assertThat(fake.batchSizes).containsExactly(30, 30);

    Map<String, Registration> result = platform.registerAll(MEETING, wanted).registered();

    Assertions.assertThat(fake.batchSizes).containsExactly(30, 30, 30, 5);
    Assertions.assertThat(fake.addsPerEmail).hasSize(95);
    Assertions.assertThat(fake.addsPerEmail.values()).allMatch(n -> n == 1);
    Assertions.assertThat(result).hasSize(95);
  }

  @Test
  void onePersonZoomRefusesAmongFortyLeavesTheOthersRegisteredAndIsTriedOnce() {
    List<Registrant> wanted = people("p", 40);
    fake.refuse("p17@parliament.example", 300, "Invalid field: {email} is not a valid email address.");

    Registrations result = platform.registerAll(MEETING, wanted);

    Assertions.assertThat(result.registered()).hasSize(39).doesNotContainKey("p17@parliament.example");
    Assertions.assertThat(result.refused()).containsOnlyKeys("p17@parliament.example");
    Assertions.assertThat(result.refused().get("p17@parliament.example"))
        .contains("Zoom refused to register the address").contains("code 300").contains("not a valid email address");
    // the refused batch, its 29 others again, then the last 10
    Assertions.assertThat(fake.batchSizes).containsExactly(30, 29, 10);
    Assertions.assertThat(fake.addsPerEmail.get("p17@parliament.example")).isEqualTo(1);
    Assertions.assertThat(fake.addsPerEmail.values()).allMatch(n -> n <= 2);
  }

  @Test
  void aRefusalThatNamesNobodyIsNarrowedDownByAddingEachOfTheBatchAlone() {
    fake.refuse("p4@parliament.example", 3027, "Host and alternative hosts can not register.");

    Registrations result = platform.registerAll(MEETING, people("p", 5));

    Assertions.assertThat(result.registered()).hasSize(4);
    Assertions.assertThat(result.refused().get("p4@parliament.example")).contains("code 3027");
    Assertions.assertThat(fake.batchSizes).containsExactly(5, 1, 1, 1, 1, 1);
    Assertions.assertThat(fake.addsPerEmail.values()).allMatch(n -> n == 2);
  }

  @Test
  void theMeetingsHostAndAlternativeHostsAreRefusedWithoutAskingZoom() {
    List<Registrant> wanted = List.of(new Registrant("The Host", HOST), new Registrant("Deputy Host", "DEPUTY@ipu.example"),
        new Registrant("Second Alt", "second.alt@ipu.example"), new Registrant("Person One", "one@parliament.example"));

    Registrations result = platform.registerAll(MEETING, wanted);

    Assertions.assertThat(result.registered()).containsOnlyKeys("one@parliament.example");
    Assertions.assertThat(result.refused().get(HOST)).contains("the Zoom meeting's host").contains("3027");
    Assertions.assertThat(result.refused().get("deputy@ipu.example")).contains("alternative host");
    Assertions.assertThat(result.refused()).containsKey("second.alt@ipu.example");
    Assertions.assertThat(fake.batchSizes).containsExactly(1);
    Assertions.assertThat(fake.addsPerEmail).containsOnlyKeys("one@parliament.example");
  }

  @Test
  void aServerErrorIsNoRefusalOfAnyone() {
    fake.failingBatches.add(1);
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("p", 3)))
        .isInstanceOf(ZoomApiException.class).hasMessageContaining("HTTP 500");
    Assertions.assertThat(fake.batchSizes).isEmpty();
  }

  @Test
  void someoneWhoRegisteredThroughThePublicLinkIsApprovedNotAddedAgain() {
    fake.existing("self@parliament.example", "pending");
    zoom.stubFor(put(urlPathEqualTo("/v2/meetings/" + MEETING + "/registrants/status")).willReturn(aResponse().withStatus(204)));

    Map<String, Registration> result =
        platform.registerAll(MEETING, List.of(new Registrant("Self Registered", "self@parliament.example"))).registered();

    Assertions.assertThat(result.get("self@parliament.example").registrantId()).isEqualTo("reg-1");
    Assertions.assertThat(fake.batchSizes).isEmpty();
    zoom.verify(putRequestedFor(urlPathEqualTo("/v2/meetings/" + MEETING + "/registrants/status"))
        .withRequestBody(equalToJson("{\"action\":\"approve\",\"registrants\":[{\"id\":\"reg-1\",\"email\":\"self@parliament.example\"}]}")));
  }

  @Test
  void aWithdrawnRepresentativeIsCancelled() {
    zoom.stubFor(put(urlPathEqualTo("/v2/meetings/" + MEETING + "/registrants/status")).willReturn(aResponse().withStatus(204)));

    platform.cancel(MEETING, "reg-9", "gone@parliament.example");

    zoom.verify(putRequestedFor(urlPathEqualTo("/v2/meetings/" + MEETING + "/registrants/status"))
        .withRequestBody(equalToJson("{\"action\":\"cancel\",\"registrants\":[{\"id\":\"reg-9\",\"email\":\"gone@parliament.example\"}]}")));
  }

  @Test
  void theMeetingCheckNamesEveryLanguageWithoutAnInterpreter() {
    Assertions.assertThat(platform.meetingProblems(MEETING, List.of(Language.EN, Language.FR))).isEmpty();
    Assertions.assertThat(platform.meetingProblems(MEETING, List.of(Language.EN, Language.FR, Language.ES)))
        .containsExactly("Zoom meeting " + MEETING + " has no interpretation for ES: in Zoom, edit the meeting, enable"
            + " language interpretation and add an interpreter for each of the event's languages.");
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"code\":3001,\"message\":\"Meeting does not exist.\"}")));
    Assertions.assertThat(platform.meetingProblems(MEETING, List.of(Language.EN)))
        .singleElement().asString().contains("does not exist or has expired");
  }

  // ---- mapped errors -------------------------------------------------------------------------------------

  @Test
  void aMeetingThatDoesNotExistIsAConfigurationProblem() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"code\":3001,\"message\":\"Meeting does not exist: " + MEETING + ".\"}")));

    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOf(MeetingConfigurationException.class).hasMessageContaining("does not exist or has expired")
        .hasMessageContaining("correct the event's meeting id");
  }

  @Test
  void aMeetingWithoutRegistrationIsAConfigurationProblemAndNobodyIsAdded() {
    meeting(2, 2);
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOf(MeetingConfigurationException.class).hasMessageContaining("Registration: Required");
    meeting(1, 1);
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOf(MeetingConfigurationException.class).hasMessageContaining("not a scheduled meeting");
    meeting(2, 0);
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOf(MeetingConfigurationException.class).hasMessageContaining("Manually approve");
    Assertions.assertThat(fake.batchSizes).isEmpty();
  }

  @Test
  void aFullMeetingAndTheAttendeeLimitAreConfigurationProblems() {
    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + MEETING + "/batch_registrants")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"code\":3043,\"message\":\"Meeting has reached maximum attendee capacity.\"}")));
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOf(MeetingConfigurationException.class).hasMessageContaining("meeting is full");

    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + MEETING + "/batch_registrants")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"code\":3000,\"message\":\"Attendee limit reached for this meeting.\"}")));
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOf(MeetingConfigurationException.class).hasMessageContaining("attendee limit");
  }

  @Test
  void aRateLimitWithRetryAfterInSecondsSaysWhenToComeBack() {
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withHeader("X-RateLimit-Type", "QPS")
        .withHeader("Content-Type", "application/json").withBody("{\"code\":429,\"message\":\"Too many requests.\"}")));

    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOfSatisfying(MeetingPlatformBusyException.class, e -> {
          Assertions.assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(7));
          Assertions.assertThat(e.dailyLimit()).isFalse();
        });
  }

  @Test
  void callsAndRateLimitsAreCountedInTheMetricsByKind() {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    ZoomMeetingPlatform metered = new ZoomMeetingPlatform(new ZoomClient(properties(50), clock, new ObjectMapper(), metrics), clock);
    metered.registerAll(MEETING, people("a", 1));
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + MEETING)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
        .withBody("{\"code\":429,\"message\":\"Too many requests.\"}")));
    Assertions.assertThatThrownBy(() -> metered.meetingProblems(MEETING, List.of()))
        .isInstanceOf(MeetingPlatformBusyException.class);

    Assertions.assertThat(metrics.counter("outreach.zoom.calls", "kind", "token").count()).isEqualTo(1);
    Assertions.assertThat(metrics.counter("outreach.zoom.calls", "kind", "addRegistrants").count()).isEqualTo(1);
    // the registration read the meeting once, the refused call is the second
    Assertions.assertThat(metrics.counter("outreach.zoom.calls", "kind", "meeting").count()).isEqualTo(2);
    Assertions.assertThat(metrics.counter("outreach.zoom.rate.limited", "kind", "meeting").count()).isEqualTo(1);
    Assertions.assertThat(metrics.counter("outreach.zoom.rate.limited", "kind", "addRegistrants").count()).isZero();
  }

  @Test
  void aDailyLimitWithAnIsoRetryAfterOrWithoutOneWaitsUntilMidnightUtc() {
    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + MEETING + "/batch_registrants")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "2026-03-03T00:00:05Z").withHeader("X-RateLimit-Type", "Daily-limit")
        .withHeader("Content-Type", "application/json").withBody("{\"code\":429,\"message\":\"Daily limit.\"}")));
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOfSatisfying(MeetingPlatformBusyException.class, e -> {
          Assertions.assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-03-03T00:00:05Z"));
          Assertions.assertThat(e.dailyLimit()).isTrue();
        });

    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + MEETING + "/batch_registrants")).willReturn(aResponse().withStatus(429)
        .withHeader("X-RateLimit-Type", "Daily-limit")
        .withHeader("Content-Type", "application/json").withBody("{\"code\":429,\"message\":\"Daily limit.\"}")));
    Assertions.assertThatThrownBy(() -> platform.registerAll(MEETING, people("a", 1)))
        .isInstanceOfSatisfying(MeetingPlatformBusyException.class,
            e -> Assertions.assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z")));

    Assertions.assertThat(ZoomClient.retryAt(null, false, NOW)).isNull();
    Assertions.assertThat(ZoomClient.retryAt("2026-03-02T12:00:00+01:00", false, NOW)).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
  }

  // ---- attendance ----------------------------------------------------------------------------------------

  @Test
  void theWholeReportIsReadAndReconnectsAreSummedPerPerson() {
    // 200 representatives with 3 sessions each (600 rows) and 50 strangers with 2 sessions each: 700 rows
    List<ObjectNode> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    List<AttendanceMatcher.Person> people = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      people.add(new AttendanceMatcher.Person(i, "rid-" + i, "rep" + i + "@parliament.example", "Rep Number" + i));
      for (int s = 0; s < 3; s++) {
        ObjectNode row = json.createObjectNode().put("id", "u" + i).put("user_id", "16778240").put("name", "Rep Number" + i)
            .put("join_time", "2026-04-01T13:00:00Z").put("leave_time", "2026-04-01T13:20:00Z").put("duration", 600 + s * 60)
            .put("status", "in_meeting");
        // Zoom hides e-mails of guests; the registrant id identifies who joined with a personal link
        row.put("user_email", i % 2 == 0 ? "" : "rep" + i + "@parliament.example");
        row.put("registrant_id", i % 3 == 0 ? "" : "rid-" + i);
        rows.add(row);
      }
    }
    for (int i = 1; i <= 50; i++) {
      for (int s = 0; s < 2; s++) {
        rows.add(json.createObjectNode().put("id", "").put("name", "Stranger " + i).put("user_email", "")
            .put("registrant_id", "").put("duration", 300).put("status", "in_meeting"));
      }
    }
    java.util.Collections.shuffle(rows, new java.util.Random(7));
    for (int page = 0; page < 3; page++) {
      ObjectNode body = json.createObjectNode().put("page_count", 3).put("page_size", 300).put("total_records", 700)
          .put("next_page_token", page < 2 ? "tok" + (page + 1) : "");
      ArrayNode list = body.putArray("participants");
      rows.subList(page * 300, Math.min(700, page * 300 + 300)).forEach(list::add);
      var stub = get(urlPathEqualTo("/v2/report/meetings/" + MEETING + "/participants"))
          .withQueryParam("page_size", equalTo("300")).withQueryParam("include_fields", equalTo("registrant_id"));
      stub = page == 0 ? stub.withQueryParam("next_page_token", absent()) : stub.withQueryParam("next_page_token", equalTo("tok" + page));
      zoom.stubFor(stub.willReturn(okJson(body.toString())));
    }

    List<Participation> sessions = platform.participants(MEETING);
    AttendanceMatcher.Result result = AttendanceMatcher.match(sessions, people);

    Assertions.assertThat(sessions).hasSize(700);
    // 600 + 660 + 720 seconds = 33 minutes, for every representative however they were matched
    Assertions.assertThat(result.minutesByRepresentative()).hasSize(200).allSatisfy((id, minutes) -> Assertions.assertThat(minutes).isEqualTo(33));
    Assertions.assertThat(result.unmatched()).hasSize(50).allSatisfy(u -> Assertions.assertThat(u.minutes()).isEqualTo(10));
    Assertions.assertThat(platform.minutesAttended(MEETING)).hasSize(200 - 66);
    // every invitation collects at the same moment: the report is read once (3 pages) and shared
    zoom.verify(3, getRequestedFor(urlPathEqualTo("/v2/report/meetings/" + MEETING + "/participants")));
    clock.set(NOW.plus(Duration.ofMinutes(10)));
    platform.participants(MEETING);
    zoom.verify(6, getRequestedFor(urlPathEqualTo("/v2/report/meetings/" + MEETING + "/participants")));
  }

  static final Instant EVENT_START = Instant.parse("2026-04-01T13:00:00Z");
  static final Instant EVENT_END = Instant.parse("2026-04-01T14:30:00Z");
  /** The instance uuid as it appears in a request path: starting with '/', it is encoded twice. */
  static final String RESTARTED_UUID = "/part2Uuid==";
  static final String RESTARTED_PATH = "%252Fpart2Uuid%253D%253D";

  /**
   * The meeting was held four times: a rehearsal the day before, the event's first part, its restart after
   * a crash, and a test call the day after. Alice attended both parts of the event and the rehearsal.
   */
  void fourInstances(int reportDelayMillis) {
    zoom.stubFor(get(urlPathEqualTo("/v2/past_meetings/" + MEETING + "/instances")).willReturn(okJson(
        "{\"meetings\":[{\"uuid\":\"rehearsalUuid==\",\"start_time\":\"2026-03-31T13:00:00Z\"},"
            + "{\"uuid\":\"part1Uuid==\",\"start_time\":\"2026-04-01T12:55:00Z\"},"
            + "{\"uuid\":\"" + RESTARTED_UUID + "\",\"start_time\":\"2026-04-01T13:40:00Z\"},"
            + "{\"uuid\":\"afterUuid==\",\"start_time\":\"2026-04-02T09:00:00Z\"}]}")));
    instance("rehearsalUuid%3D%3D", "2026-03-31T13:00:00Z", "2026-03-31T14:00:00Z");
    instance("part1Uuid%3D%3D", "2026-04-01T12:55:00Z", "2026-04-01T13:35:00Z");
    instance(RESTARTED_PATH, "2026-04-01T13:40:00Z", "2026-04-01T14:30:00Z");
    instance("afterUuid%3D%3D", "2026-04-02T09:00:00Z", "2026-04-02T09:30:00Z");
    report("rehearsalUuid%3D%3D", "{\"name\":\"Alice Example\",\"user_email\":\"alice@un.example\",\"registrant_id\":\"rid-a\",\"duration\":3600}", reportDelayMillis);
    report("part1Uuid%3D%3D", "{\"name\":\"Alice Example\",\"user_email\":\"\",\"registrant_id\":\"rid-a\",\"duration\":1200},"
        + "{\"name\":\"IPU Host\",\"user_email\":\"" + HOST.toUpperCase() + "\",\"registrant_id\":\"\",\"duration\":2400}", reportDelayMillis);
    report(RESTARTED_PATH, "{\"name\":\"Alice Example\",\"user_email\":\"\",\"registrant_id\":\"rid-a\",\"duration\":1500},"
        + "{\"name\":\"Deputy\",\"user_email\":\"deputy@ipu.example\",\"registrant_id\":\"\",\"duration\":3000},"
        + "{\"name\":\"Interprète FR\",\"user_email\":\"fr@ipu.example\",\"registrant_id\":\"\",\"duration\":3000},"
        + "{\"name\":\"Someone Else\",\"user_email\":\"\",\"registrant_id\":\"\",\"duration\":600}", reportDelayMillis);
  }

  void instance(String path, String start, String end) {
    zoom.stubFor(get(urlPathEqualTo("/v2/past_meetings/" + path)).willReturn(okJson(
        "{\"uuid\":\"x\",\"id\":" + MEETING + ",\"start_time\":\"" + start + "\",\"end_time\":\"" + end + "\"}")));
  }

  void report(String path, String rows, int delayMillis) {
    zoom.stubFor(get(urlPathEqualTo("/v2/report/meetings/" + path + "/participants")).willReturn(okJson(
        "{\"page_size\":300,\"next_page_token\":\"\",\"participants\":[" + rows + "]}").withFixedDelay(delayMillis)));
  }

  @Test
  void aMeetingRestartedMidWayCountsBothPartsAndInstancesOutsideTheEventAreLeftOut() {
    fourInstances(0);
    List<AttendanceMatcher.Person> people = List.of(new AttendanceMatcher.Person(1, "rid-a", "alice@un.example", "Alice Example"));

    AttendanceMatcher.Result result = AttendanceMatcher.match(platform.participants(MEETING, EVENT_START, EVENT_END), people);

    // 20 + 25 minutes of the two parts; the rehearsal's hour does not count
    Assertions.assertThat(result.minutes(1)).isEqualTo(45);
    // the host, the alternative host and the interpreter run the meeting: only the stranger is for review
    Assertions.assertThat(result.unmatched()).extracting(AttendanceMatcher.UnmatchedAttendee::name).containsExactly("Someone Else");
    zoom.verify(0, getRequestedFor(urlPathEqualTo("/v2/report/meetings/rehearsalUuid%3D%3D/participants")));
    zoom.verify(0, getRequestedFor(urlPathEqualTo("/v2/past_meetings/afterUuid%3D%3D")));
    zoom.verify(1, getRequestedFor(urlPathEqualTo("/v2/report/meetings/" + RESTARTED_PATH + "/participants")));
  }

  @Test
  void manyInvitationsAskingAtOnceShareOneReadOfTheReport() throws Exception {
    fourInstances(300);
    int askers = 12;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(askers);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<List<Participation>>> asks = new ArrayList<>();
      for (int i = 0; i < askers; i++) {
        asks.add(pool.submit(() -> {
          go.await();
          return platform.participants(MEETING, EVENT_START, EVENT_END);
        }));
      }
      go.countDown();
      for (var ask : asks) {
        Assertions.assertThat(ask.get(30, java.util.concurrent.TimeUnit.SECONDS)).hasSize(6);
      }
    } finally {
      pool.shutdownNow();
    }
    zoom.verify(1, getRequestedFor(urlPathEqualTo("/v2/report/meetings/part1Uuid%3D%3D/participants")));
    zoom.verify(1, getRequestedFor(urlPathEqualTo("/v2/report/meetings/" + RESTARTED_PATH + "/participants")));
    zoom.verify(1, getRequestedFor(urlPathEqualTo("/v2/past_meetings/" + MEETING + "/instances")));
  }

  @Test
  void aMeetingUuidThatStartsWithASlashOrHoldsTwoIsEncodedTwice() {
    zoom.stubFor(get(urlPathMatching("/v2/report/meetings/.*/participants"))
        .willReturn(okJson("{\"participants\":[],\"next_page_token\":\"\"}")));

    platform.participants("/ajXp112QmuoKj4854875==");
    platform.participants("ab//cd");
    platform.participants("iVxc1pDdQTGVQ7uB1u6gkg==");

    List<String> urls = zoom.getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
        .filter(u -> u.startsWith("/v2/report")).toList();
    Assertions.assertThat(urls).anyMatch(u -> u.startsWith("/v2/report/meetings/%252FajXp112QmuoKj4854875%253D%253D/participants?"))
        .anyMatch(u -> u.startsWith("/v2/report/meetings/ab%252F%252Fcd/participants?"))
        .anyMatch(u -> u.startsWith("/v2/report/meetings/iVxc1pDdQTGVQ7uB1u6gkg%3D%3D/participants?"));
  }

  // ---- throttling ----------------------------------------------------------------------------------------

  @Test
  void callsAreThrottledUnderTheConfiguredRate() {
    ZoomClient slow = new ZoomClient(properties(4), clock, new ObjectMapper());
    long start = System.nanoTime();
    for (int i = 0; i < 9; i++) {
      slow.meeting(MEETING);
    }
    // 9 calls at 4 a second: the 9th may start 2 seconds after the first at the earliest
    Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  /** The engine clock of the application, as a test moves it. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
