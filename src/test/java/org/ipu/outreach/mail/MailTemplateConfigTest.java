package org.ipu.outreach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipu.outreach.directory.Language;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * The mail beans in a minimal Spring context next to Boot's own Thymeleaf auto-configuration: the
 * composer works, and Boot's web engine and resolver are still there and untouched.
 */
class MailTemplateConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ThymeleafAutoConfiguration.class, MessageSourceAutoConfiguration.class))
          .withUserConfiguration(MailTemplateConfig.class, MailComposer.class, org.ipu.outreach.engine.EngineClock.class)
          .withBean(OutreachMailProperties.class, MailSamples::properties);

  @Test
  void composerWorksInSpringAndBootsThymeleafIsUntouched() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          MailComposer composer = context.getBean(MailComposer.class);
          ComposedMail mail =
              composer.compose(
                  MailKind.INVITATION,
                  MailSamples.context(MailKind.INVITATION, MailSamples.invitee(Language.FR), null));
          assertThat(mail.subject()).startsWith("Invitation\u00a0: débat en ligne");

          // Boot's engine is the only SpringTemplateEngine bean, with only Boot's resolver
          assertThat(context).hasSingleBean(SpringTemplateEngine.class);
          assertThat(context).hasSingleBean(ITemplateResolver.class);
          assertThat(context).hasBean("defaultTemplateResolver");
          assertThat(context.getBean(SpringTemplateEngine.class))
              .isNotSameAs(context.getBean(MailTemplates.class).html());
          // the mail bundle does not compete with the application's MessageSource
          assertThat(context.getBean(MessageSource.class)).isSameAs(context.getBean("messageSource"));
        });
  }
}
