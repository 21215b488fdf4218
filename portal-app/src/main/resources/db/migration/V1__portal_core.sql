-- Portal core: member instances, the alliance policy, the admin audit trail.

create table member_instance (
    id                    uuid primary key,
    name                  varchar(200)  not null,
    organisation          varchar(200)  not null,
    -- normalised: lower-case scheme and host, no trailing slash
    base_url              varchar(2048) not null,
    -- AES-256-GCM: base64(iv || ciphertext || tag); the key id names the key that encrypted it
    api_key_ciphertext    text          not null,
    api_key_key_id        varchar(64)   not null,
    verify_tls            boolean       not null default true,
    ca_pem                text,
    client_cert_pem       text,
    client_key_ciphertext text,
    client_key_key_id     varchar(64),
    timeout_ms            integer       not null,
    enabled               boolean       not null default true,
    -- per-member tag policy overrides: stricter TLP ceiling, extra drop tags (one per line)
    policy_max_tlp        varchar(20),
    policy_drop_tags      text,
    created_at            timestamptz   not null,
    created_by            varchar(200)  not null,
    updated_at            timestamptz   not null,
    updated_by            varchar(200)  not null,
    deleted_at            timestamptz,
    version               bigint        not null default 0
);

-- One live member per base URL; deleted members keep their row (audit) and free the URL.
create unique index member_instance_base_url_live on member_instance (base_url) where deleted_at is null;

create table alliance_policy (
    id          integer primary key,
    max_tlp     varchar(20)  not null,
    drop_tags   text         not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(200) not null
);

insert into alliance_policy (id, max_tlp, drop_tags, updated_at, updated_by)
values (1, 'AMBER', E'tlp:red\nPAP:RED', now(), 'system');

create table audit_entry (
    id           bigserial primary key,
    at           timestamptz  not null,
    actor        varchar(200) not null,
    actor_org    varchar(200),
    action       varchar(64)  not null,
    target_type  varchar(64)  not null,
    target_id    varchar(200),
    before_json  text,
    after_json   text
);

create index audit_entry_at on audit_entry (at desc);
