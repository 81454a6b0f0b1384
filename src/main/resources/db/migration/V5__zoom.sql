-- Meeting registration in batches: an invitation whose representatives are confirmed asks here and
-- waits; the registration batcher registers the representatives of many parliaments together (Zoom:
-- one list of the meeting's registrants, adds in batches of 30) and then wakes each invitation up.
create table meeting_registration_request (
  business_key  varchar(200)  primary key,
  campaign_id   varchar(60)   not null,
  invitee_code  varchar(20)   not null,
  meeting_id    varchar(60)   not null,
  requested_at  timestamp with time zone not null,
  not_before    timestamp with time zone not null,
  failures      integer       not null default 0,
  last_error    varchar(2000),
  claimed_until timestamp with time zone,
  claimed_by    varchar(64)
);

create index ix_registration_request_due on meeting_registration_request (not_before);

-- Zoom webhook deliveries already handled, so that a redelivery is answered but not acted on twice.
create table zoom_webhook_delivery (
  delivery_key varchar(200) primary key,
  event        varchar(100) not null,
  received_at  timestamp with time zone not null
);

-- When Zoom reported the representative joining (webhook meeting.participant_joined).
alter table representative add column joined_live_at timestamp with time zone;

-- Zoom's participant report as staff uploaded it (CSV export from the Zoom web portal), when the app
-- has no API access: attendance collection then reads these sessions instead of asking the platform.
create table attendance_upload_session (
  campaign_id   varchar(60)  not null references campaign (id),
  line_no       integer      not null,
  registrant_id varchar(100),
  email         varchar(320),
  name          varchar(300),
  seconds       bigint       not null,
  primary key (campaign_id, line_no)
);
