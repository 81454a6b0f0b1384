package org.ipu.outreach.meeting.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.ipu.outreach.support.OutreachTestBase;
import org.ipu.outreach.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * /zoom/webhook is public: a body larger than Zoom ever sends is refused before it is read, whether
 * its size is announced (Content-Length) or not (chunked). Each request below sends only the start of
 * its body and waits: the 413 arrives while the rest is still unsent, so the server did not read it.
 */
class ZoomWebhookLimitTest extends OutreachTestBase {

  static final String SECRET = "webhook-secret-token";
  static final Duration PROMPTLY = Duration.ofSeconds(5);

  @DynamicPropertySource
  static void webhooksOn(DynamicPropertyRegistry registry) {
    registry.add("outreach.zoom.webhook-secret-token", () -> SECRET);
  }

  @LocalServerPort int port;

  @Test
  void aFiftyMegabyteBodyIsRefusedFromItsLengthWithoutBeingRead() throws Exception {
    int deliveries = deliveries();

    RawHttp.Answer answer = RawHttp.send(port, head("Content-Length: " + 50 * 1024 * 1024),
        "{\"event\":\"meeting.ended\",".getBytes(StandardCharsets.UTF_8), PROMPTLY.multipliedBy(2));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.after()).isLessThan(PROMPTLY);
    assertThat(deliveries()).isEqualTo(deliveries);
  }

  @Test
  void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
    int deliveries = deliveries();
    // one chunk announced as 10 MB, of which 100 KB are sent: more than the limit, far less than the chunk
    byte[] start = new byte[100 * 1024];
    Arrays.fill(start, (byte) ' ');
    byte[] chunkHead = (Integer.toHexString(10 * 1024 * 1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[chunkHead.length + start.length];
    System.arraycopy(chunkHead, 0, body, 0, chunkHead.length);
    System.arraycopy(start, 0, body, chunkHead.length, start.length);

    RawHttp.Answer answer = RawHttp.send(port, head("Transfer-Encoding: chunked"), body, PROMPTLY.multipliedBy(2));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.after()).isLessThan(PROMPTLY);
    assertThat(deliveries()).isEqualTo(deliveries);
  }

  @Test
  void anEventOfZoomsSizeIsStillAccepted() throws Exception {
    String body = "{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},"
        + "\"event_ts\":1654503849680,\"padding\":\"" + " ".repeat(20_000) + "\"}";
    long ts = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().getEpochSecond();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    RawHttp.Answer answer = RawHttp.send(port,
        head("Content-Length: " + bytes.length + "\r\nx-zm-signature: " + ZoomIntegrationTest.sign(SECRET, ts, body)
            + "\r\nx-zm-request-timestamp: " + ts), bytes, PROMPTLY);

    assertThat(answer.status()).isEqualTo(200);
  }

  private static String head(String lengthHeader) {
    return "POST /zoom/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + lengthHeader;
  }

  private int deliveries() {
    return jdbc.queryForObject("select count(*) from zoom_webhook_delivery", Integer.class);
  }
}
