package org.ipu.outreach;

import java.util.regex.Pattern;

/**
 * Logs and incident messages name the campaign, invitee code, representative or outbox id, never a
 * person. Error texts from elsewhere (an SMTP relay's "550 &lt;x@y&gt;: rejected", a meeting platform's
 * refusal) may carry an address: {@link #withoutAddresses} takes it out before such a text is logged.
 */
public final class PersonalData {

  private static final Pattern ADDRESS = Pattern.compile("[\\w.%+'-]+@[\\w-]+(\\.[\\w-]+)+");

  private PersonalData() {}

  /** The text with every e-mail address replaced by "[address]"; null stays null. */
  public static String withoutAddresses(String text) {
    return text == null ? null : ADDRESS.matcher(text).replaceAll("[address]");
  }
}
