package org.ipu.outreach.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A real, throw-away PostgreSQL server for the whole test JVM (binaries from a Maven artifact). */
public final class TestPostgres {

  private static EmbeddedPostgres server;

  private TestPostgres() {}

  public static synchronized String jdbcUrl(String database) {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
    }
    try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'");
      if (!rs.next()) {
        s.execute("create database " + database);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return server.getJdbcUrl("postgres", database);
  }
}
