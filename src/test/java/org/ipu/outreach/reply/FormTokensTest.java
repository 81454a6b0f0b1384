package org.ipu.outreach.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.ipu.outreach.security.SharedKeys;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Behind a round-robin balancer a reply form is served by one node and sent to another: every node on
 * the same database, or with the same configured key, must accept the other's form field.
 */
class FormTokensTest {

  static final String PURPOSE = "staff|staff|IPU-TEST-1|UG";

  @Test
  void twoNodesOnOneDatabaseAcceptEachOthersForms() {
    JdbcTemplate database = newDatabase();
    FormTokens nodeA = new FormTokens("", new SharedKeys(database));
    FormTokens nodeB = new FormTokens("", new SharedKeys(database));

    assertThat(nodeB.valid(PURPOSE, nodeA.issue(PURPOSE))).isTrue();
    assertThat(nodeA.valid(PURPOSE, nodeB.issue(PURPOSE))).isTrue();
    assertThat(nodeA.valid("staff|staff|IPU-TEST-1|BF", nodeB.issue(PURPOSE))).isFalse();
  }

  @Test
  void aNodeOnAnotherDatabaseDoesNotAcceptThem() {
    FormTokens one = new FormTokens("", new SharedKeys(newDatabase()));
    FormTokens other = new FormTokens("", new SharedKeys(newDatabase()));

    assertThat(other.valid(PURPOSE, one.issue(PURPOSE))).isFalse();
  }

  @Test
  void nodesWithTheSameConfiguredKeyAcceptEachOthersFormsAndTheKeyIsNotStored() {
    String key = randomKey();
    JdbcTemplate databaseA = newDatabase();
    FormTokens nodeA = new FormTokens(key, new SharedKeys(databaseA));
    FormTokens nodeB = new FormTokens(key, new SharedKeys(newDatabase()));
    FormTokens otherKey = new FormTokens(randomKey(), new SharedKeys(databaseA));
    FormTokens databaseKey = new FormTokens("", new SharedKeys(databaseA));

    assertThat(nodeB.valid(PURPOSE, nodeA.issue(PURPOSE))).isTrue();
    assertThat(otherKey.valid(PURPOSE, nodeA.issue(PURPOSE))).isFalse();
    assertThat(databaseKey.valid(PURPOSE, nodeA.issue(PURPOSE))).isFalse();
    assertThat(databaseA.queryForList("select key_value from shared_key", String.class))
        .doesNotContain(key).hasSize(1);
  }

  @Test
  void aConfiguredKeyThatIsTooShortOrNotBase64IsRefusedNamingTheSetting() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    SharedKeys unused = new SharedKeys(newDatabase());

    assertThatThrownBy(() -> new FormTokens(short16, unused))
        .hasMessageContaining("outreach.security.form-token-key (OUTREACH_FORM_TOKEN_KEY) holds 16 bytes")
        .hasMessageContaining("at least 32");
    assertThatThrownBy(() -> new FormTokens("not a key!", unused))
        .hasMessageContaining("outreach.security.form-token-key (OUTREACH_FORM_TOKEN_KEY) is not base64");
  }

  static String randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A fresh database with our schema, as Flyway makes it at start-up. */
  static JdbcTemplate newDatabase() {
    DriverManagerDataSource ds = new DriverManagerDataSource(
        "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).table("outreach_schema_history").locations("classpath:db/migration").load().migrate();
    return new JdbcTemplate(ds);
  }
}
