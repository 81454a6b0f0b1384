package org.ipu.outreach.benchmark;

import org.ipu.outreach.support.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark on PostgreSQL: an embedded server with PostgreSQL's durability defaults (a database per
 * size; the tests' server does not wait for the disk, production does), or the server
 * of -Dbenchmark.postgres.url (with -Dbenchmark.postgres.user and .password; each size then runs in
 * that database as it is).
 */
class CampaignBenchmarkPostgres extends CampaignBenchmark {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = System.getProperty("benchmark.postgres.url");
    registry.add("spring.datasource.url", () -> url != null ? url : TestPostgres.durableJdbcUrl("benchmark_" + RUN.get()));
    registry.add("spring.datasource.username", () -> System.getProperty("benchmark.postgres.user", "postgres"));
    registry.add("spring.datasource.password", () -> System.getProperty("benchmark.postgres.password", "postgres"));
  }

  @Override
  protected String database() {
    return "postgresql";
  }

  static java.util.stream.Stream<Integer> sizes() {
    return sizes("200,2000");
  }

  @ParameterizedTest(name = "N = {0}")
  @MethodSource("sizes")
  void campaign(int n) throws Exception {
    measure(n);
  }
}
