package org.ipu.outreach.reply;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ipu.outreach.security.SharedKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of the reply forms without sessions: the hidden field is an HMAC-SHA256 of what the
 * form is for (the hash of the reply link; or the staff user, campaign and invitee). Another site cannot
 * read our page and so cannot produce the field, and a field taken from one form is worth nothing for
 * another. On the public page the reply link itself is already a secret the attacker would need; the
 * field matters most for the staff form, which the browser authenticates by itself (HTTP Basic).
 *
 * <p>The key is the same on every node, so that a form served by one node can be sent to another behind a
 * round-robin balancer: {@code outreach.security.form-token-key} (OUTREACH_FORM_TOKEN_KEY, base64, at least
 * 32 bytes) when it is set, else the key {@value #SHARED_KEY} kept in the database ({@link SharedKeys}),
 * created by the first node. Without either the application does not start.
 */
@Component
public class FormTokens {

  public static final String SETTING = "outreach.security.form-token-key";
  static final String SHARED_KEY = "form-token";
  static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;

  @Autowired
  public FormTokens(@Value("${" + SETTING + ":}") String configuredKey, SharedKeys shared) {
    this(configuredKey.isBlank() ? shared.key(SHARED_KEY, MIN_KEY_BYTES) : decode(configuredKey));
  }

  FormTokens(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** The configured key's bytes; refused with the setting named when it is not base64 or too short. */
  public static byte[] decode(String configuredKey) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(configuredKey.replaceAll("\\s", "").replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(SETTING + " (OUTREACH_FORM_TOKEN_KEY) is not base64: " + e.getMessage());
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(SETTING + " (OUTREACH_FORM_TOKEN_KEY) holds " + bytes.length
          + " bytes; it needs at least " + MIN_KEY_BYTES + " (e.g. openssl rand -base64 32).");
    }
    return bytes;
  }

  public String issue(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  public boolean valid(String purpose, String given) {
    return given != null
        && MessageDigest.isEqual(
            issue(purpose).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }
}
