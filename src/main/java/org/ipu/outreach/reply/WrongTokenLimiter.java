package org.ipu.outreach.reply;

import java.time.Clock;
import org.ipu.outreach.security.FailedAttempts;
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

  private final FailedAttempts attempts;

  public WrongTokenLimiter(ReplyPageProperties properties, Clock clock) {
    this.attempts = new FailedAttempts(properties.wrongTokensPerClient(), properties.wrongTokenWindow(), clock);
  }

  /** True when this client has used up its wrong guesses for the current window. */
  public boolean blocked(String client) {
    return attempts.blockedFor(client).isPresent();
  }

  /** Counts one unknown link tried by this client. */
  public void wrongToken(String client) {
    attempts.failed(client);
  }
}
