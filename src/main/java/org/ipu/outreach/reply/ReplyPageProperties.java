package org.ipu.outreach.reply;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The parliaments' reply page; defaults are documented in application.yaml.
 *
 * @param publicBaseUrl where parliaments reach this application: the links in the letters start with it
 * @param wrongTokensPerClient unknown links one client (IP address) may try per {@code wrongTokenWindow}
 *     before it is answered 429 until the window ends
 * @param wrongTokenWindow the window of {@code wrongTokensPerClient}
 * @param nomineeRows representative rows the form shows at first ("add another" adds one more)
 * @param maxNominees most representatives one reply may name
 */
@ConfigurationProperties("outreach.reply-page")
public record ReplyPageProperties(
    String publicBaseUrl,
    int wrongTokensPerClient,
    Duration wrongTokenWindow,
    int nomineeRows,
    int maxNominees) {

  /** The personal link carrying {@code token}. */
  public String replyUrl(String token) {
    return pageUrl("/reply/" + token);
  }

  /** A public page's address as the letters give it; {@code path} starts with a slash. */
  public String pageUrl(String path) {
    String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    return base + path;
  }
}
