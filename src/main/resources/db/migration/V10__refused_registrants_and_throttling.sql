-- Why the meeting platform refused to register a representative (Zoom's reason), until staff correct
-- the address or drop them: a refused representative is not offered to the platform again by itself,
-- since Zoom allows only three add calls per person and day.
alter table representative add column registration_refused varchar(2000);

-- Rounds in a row the platform answered "too many requests" to this registration: the back-off grows
-- with it, and after outreach.meeting.busy-rounds-before-incident an incident says so.
alter table meeting_registration_request add column busy_rounds integer not null default 0;
