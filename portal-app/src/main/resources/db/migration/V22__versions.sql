-- Versions for optimistic concurrency: a change based on a stale version is refused (409). member_instance has had
-- its version since V1.
alter table alliance_policy add column version bigint not null default 0;
alter table saved_search add column version bigint not null default 0;

-- A member's pinned server certificate: SHA-256 of its DER encoding, 64 lower-case hex digits; when set, exactly that
-- certificate is trusted (for a self-signed member certificate).
alter table member_instance add column tls_pin_sha256 varchar(64);
