-- Who signed in last with which organisation and roles: a personal API key acts as its owner as last seen here.
-- Upserted when a user signs in or calls with a bearer token and something changed (or every few minutes).
create table portal_user (
    subject       varchar(255)  primary key,
    username      varchar(255)  not null,
    email         varchar(320),
    organisation  varchar(255),
    -- the portal roles held at sign-in, comma-separated (member, admin)
    roles         varchar(255)  not null,
    first_seen_at timestamptz   not null,
    last_seen_at  timestamptz   not null
);

-- Personal API keys for MISP clients. Only the SHA-256 of a key is kept (and its last four characters, to tell keys
-- apart); the key itself is shown once, when it is made. A revoked key keeps its row for the audit trail.
create table api_key (
    id           uuid          primary key,
    owner_sub    varchar(255)  not null,
    name         varchar(100)  not null,
    -- hex SHA-256 of the key
    key_hash     char(64)      not null,
    last4        char(4)       not null,
    created_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   varchar(255)
);
create unique index api_key_hash on api_key (key_hash);
create index api_key_owner on api_key (owner_sub);
