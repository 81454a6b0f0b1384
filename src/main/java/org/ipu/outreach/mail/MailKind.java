package org.ipu.outreach.mail;

/**
 * Every letter the system writes. Each kind has an HTML and a plain-text template under
 * templates/mail/ and its texts in the i18n/mail bundles (en, fr, es).
 */
public enum MailKind {
  /** The Secretary General's invitation to the parliament's IPU Group President. */
  INVITATION,
  /** Sent some days after the invitation when no reply has come. */
  FIRST_REMINDER,
  /** Sent some days before the reply deadline when no reply has come. */
  DEADLINE_REMINDER,
  /** To a parliament that has not replied yet when staff extend the campaign's reply deadline. */
  DEADLINE_EXTENDED,
  /** The secretariat could not accept a nominee and asks the parliament for another one. */
  ANOTHER_NOMINEE_REQUEST,
  /** The secretariat rejected the parliament's nominee(s). */
  NOMINEE_NOT_ACCEPTED,
  /** To a registered representative (parliament in copy): join link, times, interpretation, .ics. */
  REGISTRATION_CONFIRMATION,
  /** To a registered representative the parliament replaced by a substitute (.ics cancel), parliament in copy. */
  REGISTRATION_CANCELLED,
  /** To the parliament when its registered representative said they cannot attend, with its reply link. */
  REPRESENTATIVE_CANNOT_ATTEND,
  /** To a registered representative shortly before the event, with the join link. */
  JOINING_REMINDER,
  /** To the parliament after the event when its representative(s) attended. */
  THANK_YOU,
  /** To an absent representative (parliament in copy) after the event. */
  SORRY_WE_MISSED_YOU,
  /** To the parliament when its reply came through the reply page: what it answered, for its records. */
  REPLY_RECEIVED,
  /** To the parliament and to each registered representative (.ics update): the event moved. */
  EVENT_RESCHEDULED,
  /** To the parliament and to each registered representative (.ics cancel): the event is cancelled. */
  EVENT_CANCELLED
}
