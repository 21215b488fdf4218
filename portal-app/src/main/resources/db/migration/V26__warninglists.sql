-- What administrators changed about the warninglists: a list switched off, or a newer version uploaded (MISP's JSON
-- format, validated before it is stored). Bundled lists without a row are enabled as bundled. Rows are never deleted
-- (going back to the bundled version clears the upload), and every write raises the row's revision, so that the sum
-- of revisions tells every replica, by polling, that something changed.
create table warninglist_setting (
    name             varchar(255)  primary key,
    enabled          boolean       not null,
    uploaded_json    text,
    uploaded_version bigint,
    revision         bigint        not null,
    updated_by       varchar(255)  not null,
    updated_at       timestamptz   not null
);
