-- One node at a time delivers the outbox, so that the rate limit of the relay holds for the whole
-- cluster; the lease passes to another node when its holder stops renewing it (see mail.SenderLease).
create table mail_sender_lease (
  name       varchar(40) primary key,
  holder     varchar(100),
  held_until timestamp with time zone
);

insert into mail_sender_lease (name, holder, held_until) values ('outbox', null, null);

-- When a campaign's personal data was purged (see retention.RetentionJob); null while it is kept.
alter table campaign add column purged_at timestamp with time zone;
