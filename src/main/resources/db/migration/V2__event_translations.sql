-- The event's title and audience note in the letter languages other than the one they were given in;
-- a letter in a language without a row here uses the event's own title and note.
create table event_text (
  event_code    varchar(40)   not null references outreach_event (code) on delete cascade,
  language      varchar(2)    not null,
  title         varchar(300)  not null,
  audience_note varchar(2000) not null,
  primary key (event_code, language)
);
