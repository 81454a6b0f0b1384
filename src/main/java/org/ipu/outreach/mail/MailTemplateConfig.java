package org.ipu.outreach.mail;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf engines and message bundles for the letters, separate from Spring Boot's web Thymeleaf
 * setup (which stays untouched: no ITemplateResolver or ISpringTemplateEngine bean is declared here).
 *
 * <p>The static factories build the same objects without Spring, for fast tests.
 */
@Configuration(proxyBeanMethods = true)
public class MailTemplateConfig {

  /** Classpath base name of the letter bundles: i18n/mail.properties, mail_fr, mail_es. */
  public static final String MESSAGES_BASENAME = "i18n/mail";

  /** Classpath folder of the letter templates. */
  public static final String TEMPLATES_PREFIX = "templates/mail/";

  /**
   * The letter texts. Not an autowire candidate, so that it never competes with the application's
   * own "messageSource" when something asks for a MessageSource by type.
   */
  @Bean(autowireCandidate = false)
  public ResourceBundleMessageSource mailMessageSource() {
    return newMessageSource();
  }

  @Bean
  public MailTemplates mailTemplates() {
    return newMailTemplates(mailMessageSource());
  }

  /**
   * UTF-8 bundles; no fallback to the JVM's default locale (an English letter on a French server must
   * still come from mail.properties); MessageFormat always applied, so texts write a literal
   * apostrophe as ’ (or '').
   */
  public static ResourceBundleMessageSource newMessageSource() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename(MESSAGES_BASENAME);
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
    messages.setUseCodeAsDefaultMessage(false);
    return messages;
  }

  public static MailTemplates newMailTemplates(MessageSource messages) {
    return new MailTemplates(
        engine(TemplateMode.HTML, ".html", messages),
        engine(TemplateMode.TEXT, ".txt", messages),
        messages);
  }

  private static SpringTemplateEngine engine(
      TemplateMode mode, String suffix, MessageSource messages) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(MailTemplateConfig.class.getClassLoader());
    resolver.setPrefix(TEMPLATES_PREFIX);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);

    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
    engine.setEnableSpringELCompiler(true);
    return engine;
  }
}
