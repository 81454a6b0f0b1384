package org.ipu.outreach.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Spring MVC's locale for our pages ("localeResolver" replaces Spring Boot's default): the locale a
 * controller chose for this request (the reply page speaks the invitee's letter language, whatever the
 * browser asks for), else the browser's Accept-Language.
 */
@Component("localeResolver")
public class PageLocaleResolver implements LocaleResolver {

  private static final String ATTRIBUTE = PageLocaleResolver.class.getName() + ".locale";

  private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

  /** Makes the views of this request render in {@code locale}. */
  public static void use(HttpServletRequest request, Locale locale) {
    request.setAttribute(ATTRIBUTE, locale);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(ATTRIBUTE);
    return chosen instanceof Locale l ? l : browser.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    use(request, locale);
  }
}
