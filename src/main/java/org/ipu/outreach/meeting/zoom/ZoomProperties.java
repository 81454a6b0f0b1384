package org.ipu.outreach.meeting.zoom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Zoom Server-to-Server OAuth app (see docs/zoom.md). With no account id the simulator is used.
 * Secrets come from the environment only; {@link #toString()} never shows them, so that the record
 * can be logged or appear in an exception message without leaking them.
 *
 * @param accountId Server-to-Server OAuth account id (ZOOM_ACCOUNT_ID); empty = use the simulator
 * @param clientId the app's client id (ZOOM_CLIENT_ID)
 * @param clientSecret the app's client secret (ZOOM_CLIENT_SECRET)
 * @param webhookSecretToken the app's webhook secret token (ZOOM_WEBHOOK_SECRET_TOKEN)
 * @param oauthBaseUrl where tokens are fetched
 * @param apiBaseUrl API host used until a token names its own (api_url)
 * @param requestsPerSecond client-side throttle, kept under the account's per-second limit (shared by
 *     every app of the account: Pro accounts allow 10 a second for the heaviest calls)
 * @param tokenRefreshBefore a cached token is replaced this long before it expires
 * @param connectTimeout connection timeout of every call
 * @param readTimeout read timeout of every call
 * @param reportDelay how long after a meeting.ended webhook attendance is collected (Zoom needs a few
 *     minutes to compile the participants report)
 */
@ConfigurationProperties("outreach.zoom")
public record ZoomProperties(
    String accountId,
    String clientId,
    String clientSecret,
    String webhookSecretToken,
    String oauthBaseUrl,
    String apiBaseUrl,
    double requestsPerSecond,
    Duration tokenRefreshBefore,
    Duration connectTimeout,
    Duration readTimeout,
    Duration reportDelay) {

  public boolean configured() {
    return accountId != null && !accountId.isBlank();
  }

  @Override
  public String toString() {
    return "ZoomProperties[accountId=" + mask(accountId) + ", clientId=" + mask(clientId)
        + ", clientSecret=" + mask(clientSecret) + ", webhookSecretToken=" + mask(webhookSecretToken)
        + ", oauthBaseUrl=" + oauthBaseUrl + ", apiBaseUrl=" + apiBaseUrl
        + ", requestsPerSecond=" + requestsPerSecond + "]";
  }

  private static String mask(String secret) {
    return secret == null || secret.isBlank() ? "(none)" : "(set)";
  }
}
