-- Watches: a saved search run in the background for one user (its owner) at an interval, and what each run told them.
-- A run searches under the owner's identity as of that moment (checked with Keycloak), so the stored name and
-- organisation are for display only, never for access.
create table watch (
    id                   uuid          primary key,
    saved_search_id      uuid          not null references saved_search (id) on delete cascade,
    -- the token's subject (sub) of the user who watches, and their user name when the watch was made (for display)
    owner_sub            varchar(255)  not null,
    owner_name           varchar(255)  not null,
    -- HOURLY, DAILY or WEEKLY
    run_interval         varchar(8)    not null,
    -- where alerts go besides the inbox (which always gets them when inbox is true)
    inbox                boolean       not null default true,
    email                boolean       not null default false,
    webhook_url          varchar(2048),
    -- the webhook's HMAC secret, AES-256-GCM under alliance.crypto (bound to the watch id); shown once, at creation
    webhook_secret_key_id varchar(64),
    webhook_secret_ciphertext text,
    -- the owner's language (en, ja) and time zone when the watch was made: how e-mails and webhooks are written
    language             varchar(8)    not null,
    time_zone            varchar(64)   not null,
    paused               boolean       not null default false,
    -- why it was paused: OWNER (by the owner), DELIVERY (repeated delivery failures)
    paused_reason        varchar(32),
    consecutive_failures integer       not null default 0,
    next_run_at          timestamptz   not null,
    last_run_at          timestamptz,
    last_success_at      timestamptz,
    -- why the last run told nothing although it ran: NO_ACCESS, NOT_MEMBER, NO_ORGANISATION, USER_UNKNOWN,
    -- DIRECTORY_UNAVAILABLE, SEARCH_FAILED; null after a run that searched
    last_outcome         varchar(32),
    -- one SHA-256 a line of what was already reported (WatchDiff); null before the first successful run
    baseline             text,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    constraint watch_one_per_user unique (saved_search_id, owner_sub),
    constraint watch_interval check (run_interval in ('HOURLY', 'DAILY', 'WEEKLY')),
    constraint watch_secret_whole check ((webhook_secret_key_id is null) = (webhook_secret_ciphertext is null))
);
create index watch_due on watch (next_run_at) where not paused;
create index watch_owner on watch (owner_sub, created_at);

-- The inbox: one entry per run that had something to tell (kind ALERT), and one when a watch was paused for its owner
-- (kind PAUSED). The content is JSON: newIndicators, newOrganisations [{indicatorKey, organisation}], failedMembers
-- [{member, reason}], firstRun; for PAUSED: reason.
create table watch_alert (
    id              uuid          primary key,
    watch_id        uuid          not null references watch (id) on delete cascade,
    owner_sub       varchar(255)  not null,
    -- ALERT or PAUSED
    kind            varchar(16)   not null,
    -- the due time the run was for: a run fired again (after a crash, on another replica) finds its entry already made
    run_due_at      timestamptz   not null,
    created_at      timestamptz   not null,
    read_at         timestamptz,
    content_json    text          not null,
    constraint watch_alert_once_per_run unique (watch_id, kind, run_due_at)
);
create index watch_alert_inbox on watch_alert (owner_sub, created_at desc, id desc);
create index watch_alert_unread on watch_alert (owner_sub) where read_at is null;
