package org.ipu.outreach.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Secret keys kept in the database (table {@code shared_key}), so that every application node on the
 * same database signs and checks with the same key. The first node that asks for a key draws it from
 * {@link SecureRandom} and stores it; when two nodes start together, the one whose insert loses reads
 * the winner's.
 */
@Component
public class SharedKeys {

  private final JdbcTemplate jdbc;

  public SharedKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The key called {@code name}, created with {@code bytes} random bytes if there is none yet. */
  public byte[] key(String name, int bytes) {
    byte[] existing = find(name);
    if (existing != null) {
      return existing;
    }
    byte[] fresh = new byte[bytes];
    new SecureRandom().nextBytes(fresh);
    try {
      jdbc.update("insert into shared_key (name, key_value, created_at) values (?, ?, ?)",
          name, Base64.getEncoder().encodeToString(fresh), Timestamp.from(Instant.now()));
      return fresh;
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return find(name);
    }
  }

  private byte[] find(String name) {
    List<String> values = jdbc.queryForList("select key_value from shared_key where name = ?", String.class, name);
    return values.isEmpty() ? null : Base64.getDecoder().decode(values.get(0));
  }
}
