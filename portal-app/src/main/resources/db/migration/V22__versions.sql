-- Versions for optimistic concurrency: a change based on a stale version is refused (409). member_instance has had
-- its version since V1.
alter table alliance_policy add column version bigint not null default 0;
alter table saved_search add column version bigint not null default 0;
