-- The search rate limit, shared by every replica: searches started per user (token subject) and minute. One
-- statement counts a search (insert, or add one while under the limit), so two replicas cannot both take the last
-- one. Windows older than a few minutes are purged.
create table search_rate (
    subject      varchar(255) not null,
    window_start timestamptz  not null,
    started      integer      not null,
    primary key (subject, window_start)
);
create index search_rate_window on search_rate (window_start);

-- Searched values are kept in the audit as HMAC-SHA-256 under a server secret (alliance.search.audit.value-key),
-- no longer as bare SHA-256, which anyone can reverse for small value spaces (every IPv4 address in minutes).
-- A bare hash cannot be turned into an HMAC without the value, so the hashes of rows written before this are
-- cleared: those rows keep who searched, when and what came back, but can no longer be found by value. Rows are
-- marked with the scheme of their hashes ('cleared' for those, 'hmac-sha256' from now on).
alter table search_audit add column value_hash_scheme varchar(20) not null default 'cleared';
update search_audit set value_hashes = '';
alter table search_audit alter column value_hash_scheme set default 'hmac-sha256';

-- "New since last run" marks (saved_search_mark, created by V24) made before this were SHA-256 of the indicator keys:
-- they cannot be converted either, and are only a convenience, so any that exist are cleared (each viewer's next run
-- starts afresh, as a first run does). On a new database the table does not exist yet.
do $$
begin
    if to_regclass('saved_search_mark') is not null then
        delete from saved_search_mark;
    end if;
end
$$;
