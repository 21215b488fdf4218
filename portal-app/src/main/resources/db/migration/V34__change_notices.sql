-- Every replica caches the alliance policy and the members' stricter policies and endpoints between searches. These
-- triggers tell all replicas when a transaction that changed them commits (NOTIFY is delivered at commit, never for
-- a transaction rolled back), whatever wrote the change. The payload is the table's name.
create or replace function alliance_notify_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('alliance_changes', tg_table_name);
    return null;
end;
$$;

create trigger alliance_policy_changed
    after insert or update or delete or truncate on alliance_policy
    for each statement execute function alliance_notify_change();

create trigger member_instance_changed
    after insert or update or delete or truncate on member_instance
    for each statement execute function alliance_notify_change();
