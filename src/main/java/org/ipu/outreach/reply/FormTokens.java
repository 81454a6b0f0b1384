package org.ipu.outreach.reply;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of the reply forms without sessions: the hidden field is an HMAC-SHA256, under a key
 * drawn at start-up, of what the form is for (the hash of the reply link; or the staff user, campaign
 * and invitee). Another site cannot read our page and so cannot produce the field, and a field taken
 * from one form is worth nothing for another. On the public page the reply link itself is already a
 * secret the attacker would need; the field matters most for the staff form, which the browser
 * authenticates by itself (HTTP Basic). A restart changes the key: a form left open across a restart is
 * answered "please send it again", with the entries kept.
 */
@Component
public class FormTokens {

  private final SecretKeySpec key;

  public FormTokens() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
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
