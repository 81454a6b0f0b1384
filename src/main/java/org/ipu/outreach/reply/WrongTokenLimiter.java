package org.ipu.outreach.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of reply links: a client (IP address) that has tried
 * {@code outreach.reply-page.wrong-tokens-per-client} unknown links within
 * {@code outreach.reply-page.wrong-token-window} is refused (429) until that window ends, whatever link it
 * tries. 256-bit tokens cannot be guessed anyway; this keeps the attempts from filling the logs and the
 * database with lookups. In memory, per application instance: enough for a single node.
 */
@Component
public class WrongTokenLimiter {

  /** Entries kept before expired windows are swept, so that a scan from many addresses cannot grow the map. */
  private static final int SWEEP_ABOVE = 10_000;

  private final ReplyPageProperties properties;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private record Window(Instant start, int wrong) {}

  public WrongTokenLimiter(ReplyPageProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** True when this client has used up its wrong guesses for the current window. */
  public boolean blocked(String client) {
    Window w = windows.get(client);
    return w != null && !expired(w, clock.instant()) && w.wrong() >= properties.wrongTokensPerClient();
  }

  /** Counts one unknown link tried by this client. */
  public void wrongToken(String client) {
    Instant now = clock.instant();
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(w -> expired(w, now));
    }
    windows.compute(
        client, (k, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start(), w.wrong() + 1));
  }

  private boolean expired(Window w, Instant now) {
    return !now.isBefore(w.start().plus(properties.wrongTokenWindow()));
  }
}
