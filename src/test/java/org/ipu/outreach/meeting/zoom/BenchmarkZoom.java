package org.ipu.outreach.meeting.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A local Zoom for the campaign benchmark: WireMock with the stateful registrants fake of the Zoom tests,
 * so that the benchmark counts the add and list calls the real adapter makes, and repeated adds.
 */
public final class BenchmarkZoom implements AutoCloseable {

  private final FakeZoomRegistrants fake = new FakeZoomRegistrants();
  private final WireMockServer zoom = new WireMockServer(wireMockConfig().dynamicPort().extensions(fake));

  public BenchmarkZoom() {
    zoom.start();
  }

  public String baseUrl() {
    return zoom.baseUrl();
  }

  /**
   * A correctly set-up meeting without registrants, and an empty participants report (nobody attended);
   * Zoom lists no past instance, so the report of the meeting id is read.
   */
  public void meeting(String meetingId) {
    zoom.resetAll();
    fake.reset();
    zoom.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
        "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3599,\"api_url\":\"" + zoom.baseUrl() + "\"}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + meetingId)).willReturn(okJson(
        "{\"id\":" + meetingId + ",\"type\":2,\"host_email\":\"host@ipu.example\",\"join_url\":\"https://zoom.example/j/1\","
            + "\"settings\":{\"approval_type\":1,\"language_interpretation\":{\"enable\":true,\"interpreters\":["
            + "{\"email\":\"fr@ipu.example\",\"languages\":\"US,FR\"},{\"email\":\"es@ipu.example\",\"languages\":\"US,ES\"}]}}}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/meetings/" + meetingId + "/registrants"))
        .willReturn(aResponse().withTransformers(FakeZoomRegistrants.NAME)));
    zoom.stubFor(post(urlPathEqualTo("/v2/meetings/" + meetingId + "/batch_registrants"))
        .willReturn(aResponse().withTransformers(FakeZoomRegistrants.NAME)));
    zoom.stubFor(get(urlPathEqualTo("/v2/past_meetings/" + meetingId + "/instances")).willReturn(okJson("{\"meetings\":[]}")));
    zoom.stubFor(get(urlPathEqualTo("/v2/report/meetings/" + meetingId + "/participants")).willReturn(okJson(
        "{\"page_size\":300,\"total_records\":0,\"next_page_token\":\"\",\"participants\":[]}")));
  }

  /** Calls of batch_registrants (each adds at most 30 people). */
  public synchronized int addCalls() {
    synchronized (fake) {
      return fake.batchSizes.size();
    }
  }

  /** Pages of the registrants list requested. */
  public int listPages() {
    synchronized (fake) {
      return fake.listRequests.size();
    }
  }

  /** Requests of the participants report (attendance). */
  public int reportCalls() {
    return zoom.countRequestsMatching(
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v2/report/meetings/.*/participants")).build())
        .getCount();
  }

  /** People added more than once. */
  public long repeatedAdds() {
    synchronized (fake) {
      return fake.addsPerEmail.values().stream().filter(n -> n > 1).count();
    }
  }

  public int registrants() {
    synchronized (fake) {
      return fake.registrants.size();
    }
  }

  @Override
  public void close() {
    zoom.stop();
  }
}
