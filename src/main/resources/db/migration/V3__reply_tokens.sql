-- Personal links to the reply page. Only a SHA-256 hash of each token is kept: the token itself exists
-- only in the letter that carries it, so a copy of this table opens no reply page.
create table reply_token (
  token_hash   varchar(64) primary key,
  campaign_id  varchar(60) not null references campaign (id),
  invitee_code varchar(20) not null references invitee (code),
  created_at   timestamp with time zone not null,
  expires_at   timestamp with time zone not null
);

create index reply_token_invitee on reply_token (campaign_id, invitee_code);
