package org.ipu.outreach.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests (every method but GET, HEAD, OPTIONS, TRACE) that a browser sends on
 * behalf of another site. The browser resends cached HTTP Basic credentials to us whatever page makes the
 * request, so a hostile page could otherwise post a form or a no-cors fetch to /api, /app or /engine-rest
 * as the logged-in staff member. Browsers name the page's origin in the {@code Origin} header of every
 * request whose method is not GET or HEAD ("null" when the page hides it), and a page cannot set or
 * remove that header. So:
 *
 * <ul>
 *   <li>an {@code Origin} is accepted when it is this application's: the request's own host (the
 *       {@code Host} header, as the browser addressed us) or the origin of the public base URL;
 *   <li>without {@code Origin}, a {@code Referer} must name one of those origins;
 *   <li>a request with neither comes from no browser page (curl, another server, the tests): it has to
 *       present its credentials itself and is let through.
 * </ul>
 *
 * It runs before authentication, so a refused request is neither authenticated nor counted as a login.
 */
public class SameOriginFilter implements Filter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String publicOrigin;

  /** @param publicBaseUrl where the application is reached (outreach.reply-page.public-base-url) */
  public SameOriginFilter(String publicBaseUrl) {
    this.publicOrigin = origin(publicBaseUrl);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      chain.doFilter(req, res);
      return;
    }
    String origin = request.getHeader("Origin");
    String referer = request.getHeader("Referer");
    String claimed = origin != null ? origin : referer;
    if (claimed == null || ours(claimed, request)) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write(("Cross-site request refused: the " + (origin != null ? "Origin" : "Referer")
        + " header names another site than this application. Nothing was changed.\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  private boolean ours(String claimed, HttpServletRequest request) {
    String origin = origin(claimed);
    if (origin == null) {
      return false; // "null", or not a URL
    }
    if (origin.equals(publicOrigin)) {
      return true;
    }
    String host = request.getHeader("Host");
    if (host == null) {
      return false;
    }
    // the scheme is left out: behind a proxy that ends TLS the request reaches us as http
    String scheme = origin.substring(0, origin.indexOf(':'));
    String addressed = origin(scheme + "://" + host.trim());
    return origin.equals(addressed);
  }

  /** scheme://host:port in lower case with the port always written; null for what is not an http(s) URL. */
  static String origin(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        return null;
      }
      int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
