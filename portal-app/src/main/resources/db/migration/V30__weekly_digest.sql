-- The alliance's weekly digest: the latest one built for each week (keyed by the Monday, UTC, of the week its
-- window ends in), so that building it again in the same week, on this replica or another, replaces the row instead
-- of adding one. The digest itself is kept as JSON (what the page and the API show, already under the alliance
-- policy of the moment it was built); when it was built and which members failed are columns of their own.
create table weekly_digest (
    week_start      date         primary key,
    window_from     timestamptz  not null,
    window_to       timestamptz  not null,
    built_at        timestamptz  not null,
    -- members asked, and how many of them failed or answered only in part
    members_asked   integer      not null,
    members_failed  integer      not null,
    -- JSON array of the failed members: member id, name, organisation, status and the reason shown to members
    failed_members  text         not null,
    -- JSON of the digest (indicators, tags, galaxy clusters, per-member activity)
    body            text         not null
);
create index weekly_digest_built on weekly_digest (built_at desc);
