package org.ipu.outreach.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Frame and content headers on every answer, error pages and refusals included: no other site may frame
 * our pages (clickjacking of a "Send again" or a reply form), a browser runs no script and loads nothing
 * from elsewhere on them, guesses no content type, and sends our addresses to no other site. A page may
 * set stricter values itself (the reply pages send no Referer at all).
 *
 * <p>Camunda's webapps under /camunda/ bring their own Content-Security-Policy (with script nonces), which
 * is left to them; they get X-Frame-Options SAMEORIGIN.
 */
public class SecurityHeadersFilter implements Filter {

  /** Our pages: inline styles only, images from here, forms posted here, never framed. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (path.startsWith("/camunda/")) {
      response.setHeader("X-Frame-Options", "SAMEORIGIN");
    } else {
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    chain.doFilter(req, res);
  }
}
