package org.ipu.outreach.benchmark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark on H2 (in memory, as the tests run it), for -Dbenchmark.sizes (default 200,2000); not
 * part of the build: {@code mvn -o test -Dtest='CampaignBenchmarkH2,CampaignBenchmarkPostgres'}.
 */
class CampaignBenchmarkH2 extends CampaignBenchmark {

  @Override
  protected String database() {
    return "h2";
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
