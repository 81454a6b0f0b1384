package org.ipu.outreach.benchmark;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what the application sends to the database, on the benchmark's driving thread only (so that
 * background threads of the engine or the pool are not counted) and not while the benchmark itself
 * looks things up ({@link #paused}).
 *
 * <p>A round trip is one statement execution (a JDBC batch is one round trip); statements count each
 * SQL statement, a batch of n parameter sets counting n.
 */
public final class StatementCounter implements QueryExecutionListener {

  private static final AtomicLong statements = new AtomicLong();
  private static final AtomicLong roundTrips = new AtomicLong();
  private static volatile Thread driver;
  private static final ThreadLocal<Boolean> paused = ThreadLocal.withInitial(() -> false);
  /** -Dbenchmark.statements=true: also count each statement's text, to see where they come from. */
  private static final boolean BY_TEXT = Boolean.getBoolean("benchmark.statements");
  private static final java.util.Map<String, Long> byText = new java.util.concurrent.ConcurrentHashMap<>();

  /** Statements counted per text since the last call (empty unless -Dbenchmark.statements=true). */
  static java.util.Map<String, Long> drainByText() {
    java.util.Map<String, Long> copy = new java.util.TreeMap<>(byText);
    byText.clear();
    return copy;
  }

  public record Snapshot(long statements, long roundTrips) {
    Snapshot minus(Snapshot earlier) {
      return new Snapshot(statements - earlier.statements, roundTrips - earlier.roundTrips);
    }
  }

  /** From now on, count what this thread sends. */
  static void countOn(Thread thread) {
    driver = thread;
  }

  static Snapshot snapshot() {
    return new Snapshot(statements.get(), roundTrips.get());
  }

  /** Runs the benchmark's own lookups (finding jobs and tasks to drive the lifecycle) without counting them. */
  static <T> T paused(java.util.function.Supplier<T> lookup) {
    paused.set(true);
    try {
      return lookup.get();
    } finally {
      paused.set(false);
    }
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

  @Override
  public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    if (Thread.currentThread() != driver || paused.get()) {
      return;
    }
    roundTrips.incrementAndGet();
    long n = 0;
    for (QueryInfo q : queryInfoList) {
      long k = execInfo.isBatch() && !q.getParametersList().isEmpty() ? q.getParametersList().size() : 1;
      n += k;
      if (BY_TEXT) {
        String text = q.getQuery().replaceAll("\\s+", " ").trim();
        byText.merge(text.length() > 90 ? text.substring(0, 90) : text, k, Long::sum);
      }
    }
    statements.addAndGet(n);
  }
}
