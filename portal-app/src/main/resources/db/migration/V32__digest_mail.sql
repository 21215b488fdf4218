-- The weekly digest by e-mail: who asked for it (opt-in, one row per user, kept when they opt out so that opting in
-- again does not mail a week twice), which built weeks are to be mailed, and what was sent to whom for which week.
create table digest_subscription (
    -- the token's subject (sub) of the user; at send time Keycloak is asked who they are now (enabled, member role,
    -- organisation, verified e-mail), so the columns below are what they chose and saw, never access
    subject      varchar(255)  primary key,
    user_name    varchar(255)  not null,
    -- the address the user had when they subscribed (shown to them); the mail goes to Keycloak's verified one
    email        varchar(254)  not null,
    -- en or ja, and the time zone the mail's times are written in
    language     varchar(8)    not null,
    time_zone    varchar(64)   not null,
    subscribed   boolean       not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);
create index digest_subscription_on on digest_subscription (subject) where subscribed;

-- A week whose digest the weekly job built: its mail is sent from then on (an administrator's rebuild of the week
-- opens nothing new). One row per week, however often the job or a replica builds it.
create table digest_mailing (
    week_start   date          primary key references weekly_digest (week_start) on delete cascade,
    opened_at    timestamptz   not null
);

-- One row per subscriber and week: taken (SENDING) before the mail is handed to the SMTP server, so that a second
-- sweep, on this replica or another, never sends it again. SENT and SKIPPED are final; FAILED is tried again by later
-- sweeps until the attempts reach alliance.digest.mail.max-attempts.
create table digest_mail (
    subject      varchar(255)  not null references digest_subscription (subject) on delete cascade,
    week_start   date          not null references digest_mailing (week_start) on delete cascade,
    -- SENDING, SENT, FAILED or SKIPPED
    status       varchar(16)   not null,
    attempts     integer       not null,
    -- why it was skipped or failed (USER_UNKNOWN, DISABLED, NOT_MEMBER, NO_ORGANISATION, NO_EMAIL, UNSUBSCRIBED,
    -- DIRECTORY_UNAVAILABLE, SMTP); never an address
    outcome      varchar(32),
    updated_at   timestamptz   not null,
    sent_at      timestamptz,
    primary key (subject, week_start),
    constraint digest_mail_status check (status in ('SENDING', 'SENT', 'FAILED', 'SKIPPED'))
);
create index digest_mail_week on digest_mail (week_start, status);
