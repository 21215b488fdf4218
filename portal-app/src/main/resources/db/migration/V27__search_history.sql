-- "My searches": each person's own recent searches, shown to them only. The searched values and filters reveal
-- investigations, so they are kept only sealed (AES-256-GCM under alliance.crypto, bound to the row and its owner);
-- the counts are plain so that the list needs no decryption to be sorted or trimmed. Rows expire after
-- alliance.history.retention and beyond alliance.history.max-per-user per owner.
create table search_history (
    id               uuid          primary key,
    -- the token's subject (sub) of the person who searched
    owner_sub        varchar(255)  not null,
    searched_at      timestamptz   not null,
    -- page, api or saved
    source           varchar(16)   not null,
    -- the id of the alliance.crypto key that sealed the query
    key_id           varchar(64)   not null,
    -- base64 of IV + AES-GCM ciphertext of the query as JSON (values, filters, searched values with pivots)
    query_sealed     text          not null,
    value_count      integer       not null,
    found_count      integer       not null,
    indicator_count  integer       not null,
    members_answered integer       not null,
    members_failed   integer       not null
);
create index search_history_owner on search_history (owner_sub, searched_at desc, id desc);
create index search_history_at on search_history (searched_at);
