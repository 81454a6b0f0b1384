-- The letter as it will be sent (MIME, 7-bit), encoded when it is written into the outbox, so that the
-- one sending node only hands stored text to the mail server. Rows written before stay null and are
-- encoded by the sender.
alter table mail_outbox add column mime_message varchar;
