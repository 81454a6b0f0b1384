package org.ipu.outreach.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Letters and their delivery. Defaults are documented in application.yaml. The SMTP server itself is
 * configured with Spring's own spring.mail.* properties.
 *
 * @param from sender of every letter
 * @param replyTo where parliaments reply; named in the letters as the way to answer
 * @param maxAttempts delivery attempts before a mail is marked failed and an incident is raised
 * @param retryBackoff wait after the first failed attempt; doubled after each further failure
 * @param maxPerMinute delivery rate limit (relays such as Exchange Online allow about 30); 0 = none
 * @param pollInterval how often the outbox sender looks for mails to deliver
 * @param batchSize mails delivered over one SMTP connection per round
 * @param embeddedSmtpPort port of the local mail catcher started when embedded-smtp is enabled
 * @param claimHold how long a mail being sent, and the sending node's lease, are held before another
 *     node may assume the sender died and take over (the delay before a crashed node's work resumes)
 */
@ConfigurationProperties("outreach.mail")
public record OutreachMailProperties(
    String from,
    String replyTo,
    int maxAttempts,
    Duration retryBackoff,
    int maxPerMinute,
    Duration pollInterval,
    int batchSize,
    boolean embeddedSmtp,
    int embeddedSmtpPort,
    Duration claimHold) {}
