package org.ipu.outreach.meeting.zoom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom's webhook signature: {@code v0=hex(HMAC-SHA256(secretToken, "v0:" + timestamp + ":" + rawBody))},
 * computed over the raw bytes of the body as received (never a re-serialised copy) and compared in
 * constant time; requests whose timestamp is more than five minutes off are refused, so that a
 * captured request cannot be replayed later.
 */
public final class ZoomWebhookSignature {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private ZoomWebhookSignature() {}

  /** Why a request is refused, or null when it is genuine. */
  public static String problem(String secretToken, String signature, String timestamp, byte[] rawBody, Instant now) {
    if (signature == null || timestamp == null) {
      return "The x-zm-signature and x-zm-request-timestamp headers are required.";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return "x-zm-request-timestamp is not a Unix time in seconds.";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(MAX_AGE) > 0) {
      return "The request's timestamp is more than 5 minutes away from now.";
    }
    byte[] prefix = ("v0:" + timestamp.trim() + ":").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[prefix.length + rawBody.length];
    System.arraycopy(prefix, 0, message, 0, prefix.length);
    System.arraycopy(rawBody, 0, message, prefix.length, rawBody.length);
    byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(secretToken, message))).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
      return "The signature does not match.";
    }
    return null;
  }

  /** The answer to Zoom's URL validation: hex(HMAC-SHA256(secretToken, plainToken)). */
  public static String encryptedToken(String secretToken, String plainToken) {
    return HexFormat.of().formatHex(hmac(secretToken, plainToken.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] hmac(String secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
