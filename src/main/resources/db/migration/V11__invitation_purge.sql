-- Retention purges each finished invitation of a campaign past its retention period, also while another
-- invitation of the campaign is held (an open task, an incident): this marks the ones already purged.
alter table campaign_invitee add column purged_at timestamp with time zone;
