package org.ipu.outreach.meeting.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /zoom/webhook}: Zoom's event subscriptions (see docs/zoom.md). Public, since Zoom cannot
 * log in; every request must carry a valid signature made with the webhook secret token. Answers at once
 * (Zoom redelivers what is not answered within 3 seconds) and applies the event asynchronously; a
 * redelivery of an event already received is acknowledged and not applied again.
 *
 * <p>The body is unauthenticated until its signature is checked, so it is never read whole before: with
 * webhooks off the answer is 404 without reading it; a body declared (Content-Length) or found (chunked)
 * larger than {@link #MAX_BODY_BYTES} is answered 413 after reading at most that much. Zoom's events
 * are a few kilobytes.
 */
@RestController
class ZoomWebhookController {

  private static final Logger log = LoggerFactory.getLogger(ZoomWebhookController.class);
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final ZoomProperties properties;
  private final ZoomWebhookEvents events;
  private final ObjectMapper json;

  ZoomWebhookController(ZoomProperties properties, ZoomWebhookEvents events, ObjectMapper json) {
    this.properties = properties;
    this.events = events;
    this.json = json;
  }

  @PostMapping(path = "/zoom/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, String>> receive(
      HttpServletRequest request,
      @RequestHeader(name = "x-zm-signature", required = false) String signature,
      @RequestHeader(name = "x-zm-request-timestamp", required = false) String timestamp) throws IOException {
    String secret = properties.webhookSecretToken();
    if (secret == null || secret.isBlank()) {
      return unread(HttpStatus.NOT_FOUND, "Zoom webhooks are not configured (ZOOM_WEBHOOK_SECRET_TOKEN).");
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      return unread(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }
    byte[] rawBody = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (rawBody.length > MAX_BODY_BYTES) {
      return unread(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }
    String problem = ZoomWebhookSignature.problem(secret, signature, timestamp, rawBody, events.now());
    if (problem != null) {
      log.warn("Zoom webhook refused: {}", problem);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", problem));
    }
    JsonNode body;
    try {
      body = json.readTree(rawBody);
    } catch (IOException e) {
      return ResponseEntity.badRequest().body(Map.of("error", "The body is not JSON."));
    }
    String event = body.path("event").asText("");
    if ("endpoint.url_validation".equals(event)) {
      String plainToken = body.path("payload").path("plainToken").asText("");
      if (plainToken.isBlank()) {
        return ResponseEntity.badRequest().body(Map.of("error", "payload.plainToken is missing."));
      }
      return ResponseEntity.ok(Map.of(
          "plainToken", plainToken, "encryptedToken", ZoomWebhookSignature.encryptedToken(secret, plainToken)));
    }
    // a redelivery has the same body (and event_ts) under a new request timestamp
    if (!events.firstDelivery(sha256(rawBody), event)) {
      return ResponseEntity.ok(Map.of("status", "already received"));
    }
    events.submit(event, body.path("payload").path("object"));
    return ResponseEntity.ok(Map.of("status", "accepted"));
  }

  private static final String TOO_LARGE = "The body is larger than " + MAX_BODY_BYTES / 1024 + " KB.";

  /**
   * An answer given while (part of) the body is still unread: the connection is closed afterwards,
   * so that the server does not go on reading what the client is still sending.
   */
  private static ResponseEntity<Map<String, String>> unread(HttpStatus status, String error) {
    return ResponseEntity.status(status).header(HttpHeaders.CONNECTION, "close").body(Map.of("error", error));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
