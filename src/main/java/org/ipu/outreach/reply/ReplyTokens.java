package org.ipu.outreach.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Personal reply links: 256 random bits from {@link SecureRandom}, Base64url without padding (43
 * characters). Only their SHA-256 hash is stored, with the campaign, the invitee and the expiry (the end
 * of the event): the token is high-entropy, so a plain hash cannot be reversed by guessing, and a leaked
 * table opens no page. An invitee may hold several valid tokens (invitation, reminders).
 */
@Service
public class ReplyTokens {

  private static final int TOKEN_BYTES = 32;
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;

  public ReplyTokens(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whom a token lets reply, and until when. */
  public record Grant(String campaignId, String inviteeCode, Instant expiresAt) {
    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  /** Creates and stores a token for one invitee in one campaign; returns the token itself (never stored). */
  public String issue(String campaignId, String inviteeCode, Instant expiresAt, Instant now) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update(
        "insert into reply_token (token_hash, campaign_id, invitee_code, created_at, expires_at) values (?, ?, ?, ?, ?)",
        hash(token), campaignId, inviteeCode, Timestamp.from(now), Timestamp.from(expiresAt));
    return token;
  }

  /** The campaign's links stay valid until {@code until} (the event's new end after a reschedule). */
  public void extendUntil(String campaignId, Instant until) {
    jdbc.update("update reply_token set expires_at = ? where campaign_id = ?", Timestamp.from(until), campaignId);
  }

  /** The grant of a token, expired or not; empty when the token is unknown (or not even shaped like one). */
  public Optional<Grant> find(String token) {
    if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select campaign_id, invitee_code, expires_at from reply_token where token_hash = ?",
            (rs, n) ->
                new Grant(
                    rs.getString("campaign_id"),
                    rs.getString("invitee_code"),
                    rs.getTimestamp("expires_at").toInstant()),
            hash(token))
        .stream()
        .findFirst();
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
