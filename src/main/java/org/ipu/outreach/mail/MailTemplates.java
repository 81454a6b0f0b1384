package org.ipu.outreach.mail;

import org.springframework.context.MessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The letter machinery: an HTML engine for templates/mail/*.html, a TEXT-mode engine for
 * templates/mail/*.txt, and the i18n/mail message bundles both engines read their texts from.
 *
 * <p>Kept in one holder (rather than as separate Thymeleaf beans) so that Spring Boot's own Thymeleaf
 * setup for web pages neither backs off (it does when an ISpringTemplateEngine bean exists) nor picks
 * up the mail template resolvers (it adds every ITemplateResolver bean to its engine).
 */
public record MailTemplates(
    SpringTemplateEngine html, SpringTemplateEngine text, MessageSource messages) {}
