-- Saved searches belong to the token's subject (sub), which stays when a user is renamed and is never reused, not to
-- the user name. Rows saved before this have no subject yet: they are bound to the subject of the first user who
-- visits them under the owner's name and organisation, and from then on only that subject owns them.
alter table saved_search add column owner_sub varchar(255);
create index saved_search_owner_sub on saved_search (owner_sub, organisation);

-- "New since last run" is kept per viewer: the indicator keys each viewer saw on their last run of a search.
create table saved_search_mark (
    saved_search_id uuid          not null references saved_search (id) on delete cascade,
    viewer_sub      varchar(255)  not null,
    last_run_at     timestamptz   not null,
    -- SHA-256 of each indicator key (type family and value) of this viewer's last run, one per line
    last_keys       text          not null,
    primary key (saved_search_id, viewer_sub)
);

-- The keys of whoever ran a search last cannot be given to any one viewer: each viewer starts afresh.
alter table saved_search drop column last_keys;
