package org.ipu.outreach.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing without letting anyone lock a real user out. Camunda's own brute-force
 * protection delays and finally locks the <em>account</em> after failed logins, whoever made them, so an
 * anonymous client could lock out {@code staff} with a few wrong passwords (it is switched off in
 * application.yaml). Here failures are counted per client address, and per client address and user: a
 * client that used up either count gets 429 with {@code Retry-After} for every further login attempt,
 * right password or not, until its window ends; the same user logging in from another address is not
 * affected. A login attempt is a request carrying HTTP Basic credentials (on /engine-rest, /api, /app) or
 * a POST to the webapps' login; it failed when the answer is 401.
 */
class LoginThrottleFilter implements Filter {

  /** Camunda's webapps' login: /camunda/api/admin/auth/user/{engine}/login/{app}. */
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login(/.*)?");
  /** Checks any user's password for any logged-in caller: a guessing oracle outside every login. */
  private static final String PASSWORD_CHECK = "/engine-rest/identity/verify";
  private static final int LOGIN_FORM_MAX_BYTES = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);

  private final FailedAttempts byClient;
  private final FailedAttempts byClientAndUser;

  LoginThrottleFilter(LoginThrottleProperties properties, Clock clock) {
    this.byClient = new FailedAttempts(properties.failuresPerClient(), properties.window(), clock);
    this.byClientAndUser = new FailedAttempts(properties.failuresPerClientAndUser(), properties.window(), clock);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    // the servlet path, which the container has decoded and normalised, as the engine's REST API sees it
    String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .replaceAll("/+$", "");
    if (path.equals(PASSWORD_CHECK)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Passwords are checked by logging in only.");
      return;
    }
    Attempt attempt = attempt(request, path);
    if (attempt == null) {
      chain.doFilter(req, res);
      return;
    }
    String client = request.getRemoteAddr();
    String clientAndUser = client + " " + attempt.user();
    Optional<Duration> blocked = byClient.blockedFor(client).or(() -> byClientAndUser.blockedFor(clientAndUser));
    if (blocked.isPresent()) {
      long seconds = Math.max(1, blocked.get().toSeconds() + (blocked.get().toMillisPart() > 0 ? 1 : 0));
      response.setHeader("Retry-After", Long.toString(seconds));
      refuse(response, 429, "Too many failed logins from this address: try again in " + seconds + " seconds.");
      return;
    }
    chain.doFilter(attempt.request(), res);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      byClient.failed(client);
      byClientAndUser.failed(clientAndUser);
      if (byClient.blockedFor(client).isPresent() || byClientAndUser.blockedFor(clientAndUser).isPresent()) {
        // the address (not the user) lets an operator block a persistent guesser at the firewall
        LOG.warn("Logins from {} refused for {} after too many failed attempts", client, byClient.window());
      }
    } else {
      byClientAndUser.forget(clientAndUser);
    }
  }

  /** The user a request tries to log in as (and the request to pass on), or null when it is no login attempt. */
  private record Attempt(String user, HttpServletRequest request) {}

  private static Attempt attempt(HttpServletRequest request, String path) throws IOException {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new Attempt(basicUser(authorization.substring(6).trim()), request);
    }
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      byte[] body = request.getInputStream().readNBytes(LOGIN_FORM_MAX_BYTES);
      return new Attempt(formField(new String(body, StandardCharsets.UTF_8), "username"), new Replayed(request, body));
    }
    return null;
  }

  private static String basicUser(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
          return pair.substring(eq + 1);
        }
      }
    }
    return "";
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getOutputStream().write(
        ("{\"type\":\"LoginRefused\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  /** The webapps' login form, read here for its user name, handed on to Camunda as if unread. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read synchronously");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
