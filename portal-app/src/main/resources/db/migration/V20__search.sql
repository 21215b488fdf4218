-- Search: the audit trail of every search, and saved (shared) searches.

create table search_audit (
    id                uuid primary key,
    at                timestamptz  not null,
    username          varchar(200) not null,
    organisation      varchar(200),
    -- api, page, saved or export
    source            varchar(20)  not null,
    saved_search_id   uuid,
    value_count       integer      not null,
    -- the searched values, one per line; null when only their hashes are kept (alliance.search.audit.hash-values)
    value_list        text,
    -- SHA-256 (hex) of each searched value, one per line: audit filters by value match these
    value_hashes      text         not null,
    -- the members asked: [{"memberId","member","organisation","status","latencyMs","hits"}]
    members_json      text         not null,
    member_count      integer      not null,
    failed_count      integer      not null,
    indicator_count   integer      not null,
    attribute_count   integer      not null,
    removed_by_policy integer      not null
);
create index search_audit_at on search_audit (at);
create index search_audit_user on search_audit (username, at);
create index search_audit_org on search_audit (organisation, at);

create table saved_search (
    id                   uuid primary key,
    owner                varchar(200)  not null,
    organisation         varchar(200)  not null,
    name                 varchar(200)  not null,
    description          varchar(2000),
    -- PRIVATE, ORGANISATION or ALLIANCE
    visibility           varchar(20)   not null,
    -- the search request as the API takes it (JSON)
    query_json           text          not null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    last_run_at          timestamptz,
    last_run_by          varchar(200),
    last_indicator_count integer,
    -- SHA-256 of each indicator key (type family and value) of the last run, one per line: marks new indicators
    last_keys            text
);
create index saved_search_org on saved_search (organisation, visibility);
create index saved_search_owner on saved_search (owner, organisation);
