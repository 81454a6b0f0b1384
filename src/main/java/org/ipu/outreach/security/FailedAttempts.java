package org.ipu.outreach.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures counted per key (a client address, say) in a window that opens with the key's first failure:
 * once a key has {@code limit} failures, it is blocked until its window ends. In memory, per application
 * node; expired windows are swept once the map grows, so that attempts from many addresses cannot fill it.
 */
public final class FailedAttempts {

  private static final int SWEEP_ABOVE = 10_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private record Window(Instant start, int failures) {}

  public FailedAttempts(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** How long this key stays blocked; empty when it may try again. */
  public Optional<Duration> blockedFor(String key) {
    Window w = windows.get(key);
    Instant now = clock.instant();
    if (w == null || expired(w, now) || w.failures() < limit) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, w.start().plus(window)));
  }

  public void failed(String key) {
    Instant now = clock.instant();
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(w -> expired(w, now));
    }
    windows.compute(key, (k, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
  }

  public void forget(String key) {
    windows.remove(key);
  }

  public Duration window() {
    return window;
  }

  private boolean expired(Window w, Instant now) {
    return !now.isBefore(w.start().plus(window));
  }
}
