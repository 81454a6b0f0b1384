package org.ipu.outreach.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real, throw-away PostgreSQL servers for the whole test JVM (binaries from a Maven artifact). */
public final class TestPostgres {

  private static EmbeddedPostgres server;
  private static EmbeddedPostgres durableServer;

  private TestPostgres() {}

  /** The tests' server: like the embedded server's defaults, it does not wait for the disk (fsync off). */
  public static synchronized String jdbcUrl(String database) {
    if (server == null) {
      server = start(EmbeddedPostgres.builder());
    }
    return url(server, database);
  }

  /**
   * A server with PostgreSQL's own defaults for durability (fsync, synchronous commit, full-page
   * writes), as in production, for measurements: every commit waits for the disk.
   */
  public static synchronized String durableJdbcUrl(String database) {
    if (durableServer == null) {
      durableServer = start(EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on"));
    }
    return url(durableServer, database);
  }

  private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  private static String url(EmbeddedPostgres pg, String database) {
    try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
      if (!rs.next()) {
        s.execute("create database " + database);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg.getJdbcUrl("postgres", database);
  }
}
