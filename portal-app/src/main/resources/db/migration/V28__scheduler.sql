-- The background scheduler's own tables: Quartz's clustered JDBC job store (quarkus.quartz.store-type=jdbc-tx, table
-- prefix qrtz_), in the shape Quartz's PostgreSQL delegate reads and writes. Replicas coordinate through these rows
-- only: a job is claimed by the replica that takes the trigger under the row lock in qrtz_locks, every replica checks in
-- to qrtz_scheduler_state, and a replica that stops checking in has its running jobs that ask for recovery fired again
-- elsewhere. Times are epoch milliseconds (Quartz's convention); job data maps are kept as properties (bytea).
create table qrtz_job_details (
    sched_name        varchar(120)  not null,
    job_name          varchar(200)  not null,
    job_group         varchar(200)  not null,
    description       varchar(250),
    job_class_name    varchar(250)  not null,
    is_durable        boolean       not null,
    is_nonconcurrent  boolean       not null,
    is_update_data    boolean       not null,
    requests_recovery boolean       not null,
    job_data          bytea,
    primary key (sched_name, job_name, job_group)
);

create table qrtz_triggers (
    sched_name     varchar(120)  not null,
    trigger_name   varchar(200)  not null,
    trigger_group  varchar(200)  not null,
    job_name       varchar(200)  not null,
    job_group      varchar(200)  not null,
    description    varchar(250),
    next_fire_time bigint,
    prev_fire_time bigint,
    priority       integer,
    -- WAITING, ACQUIRED, EXECUTING, BLOCKED, PAUSED, ...
    trigger_state  varchar(16)   not null,
    -- SIMPLE, CRON, CAL_INT, DAILY_I, BLOB
    trigger_type   varchar(8)    not null,
    start_time     bigint        not null,
    end_time       bigint,
    calendar_name  varchar(200),
    misfire_instr  smallint,
    job_data       bytea,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, job_name, job_group) references qrtz_job_details (sched_name, job_name, job_group)
);

create table qrtz_simple_triggers (
    sched_name      varchar(120)  not null,
    trigger_name    varchar(200)  not null,
    trigger_group   varchar(200)  not null,
    repeat_count    bigint        not null,
    repeat_interval bigint        not null,
    times_triggered bigint        not null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_cron_triggers (
    sched_name      varchar(120)  not null,
    trigger_name    varchar(200)  not null,
    trigger_group   varchar(200)  not null,
    cron_expression varchar(120)  not null,
    time_zone_id    varchar(80),
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

-- Triggers whose settings Quartz keeps in generic columns (calendar-interval and daily-time-interval triggers).
create table qrtz_simprop_triggers (
    sched_name    varchar(120)   not null,
    trigger_name  varchar(200)   not null,
    trigger_group varchar(200)   not null,
    str_prop_1    varchar(512),
    str_prop_2    varchar(512),
    str_prop_3    varchar(512),
    int_prop_1    integer,
    int_prop_2    integer,
    long_prop_1   bigint,
    long_prop_2   bigint,
    dec_prop_1    numeric(13, 4),
    dec_prop_2    numeric(13, 4),
    bool_prop_1   boolean,
    bool_prop_2   boolean,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_blob_triggers (
    sched_name    varchar(120)  not null,
    trigger_name  varchar(200)  not null,
    trigger_group varchar(200)  not null,
    blob_data     bytea,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group)
);

create table qrtz_calendars (
    sched_name    varchar(120)  not null,
    calendar_name varchar(200)  not null,
    calendar      bytea         not null,
    primary key (sched_name, calendar_name)
);

create table qrtz_paused_trigger_grps (
    sched_name    varchar(120)  not null,
    trigger_group varchar(200)  not null,
    primary key (sched_name, trigger_group)
);

-- A trigger being fired or its job running, by which replica (instance_name): what recovery looks at.
create table qrtz_fired_triggers (
    sched_name        varchar(120)  not null,
    entry_id          varchar(95)   not null,
    trigger_name      varchar(200)  not null,
    trigger_group     varchar(200)  not null,
    instance_name     varchar(200)  not null,
    fired_time        bigint        not null,
    sched_time        bigint        not null,
    priority          integer       not null,
    state             varchar(16)   not null,
    job_name          varchar(200),
    job_group         varchar(200),
    is_nonconcurrent  boolean,
    requests_recovery boolean,
    primary key (sched_name, entry_id)
);

-- Each replica's last check-in; one late by more than its interval (plus a grace) is taken as dead.
create table qrtz_scheduler_state (
    sched_name        varchar(120)  not null,
    instance_name     varchar(200)  not null,
    last_checkin_time bigint        not null,
    checkin_interval  bigint        not null,
    primary key (sched_name, instance_name)
);

-- The rows locked (select ... for update) around every change of triggers and of the cluster state.
create table qrtz_locks (
    sched_name varchar(120)  not null,
    lock_name  varchar(40)   not null,
    primary key (sched_name, lock_name)
);

create index qrtz_j_req_recovery on qrtz_job_details (sched_name, requests_recovery);
create index qrtz_j_grp on qrtz_job_details (sched_name, job_group);
create index qrtz_t_j on qrtz_triggers (sched_name, job_name, job_group);
create index qrtz_t_jg on qrtz_triggers (sched_name, job_group);
create index qrtz_t_c on qrtz_triggers (sched_name, calendar_name);
create index qrtz_t_g on qrtz_triggers (sched_name, trigger_group);
create index qrtz_t_state on qrtz_triggers (sched_name, trigger_state);
create index qrtz_t_n_state on qrtz_triggers (sched_name, trigger_name, trigger_group, trigger_state);
create index qrtz_t_n_g_state on qrtz_triggers (sched_name, trigger_group, trigger_state);
create index qrtz_t_next_fire_time on qrtz_triggers (sched_name, next_fire_time);
create index qrtz_t_nft_st on qrtz_triggers (sched_name, trigger_state, next_fire_time);
create index qrtz_t_nft_misfire on qrtz_triggers (sched_name, misfire_instr, next_fire_time);
create index qrtz_t_nft_st_misfire on qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_state);
create index qrtz_t_nft_st_misfire_grp on qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_group,
    trigger_state);
create index qrtz_ft_trig_inst_name on qrtz_fired_triggers (sched_name, instance_name);
create index qrtz_ft_inst_job_req_rcvry on qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
create index qrtz_ft_j_g on qrtz_fired_triggers (sched_name, job_name, job_group);
create index qrtz_ft_jg on qrtz_fired_triggers (sched_name, job_group);
create index qrtz_ft_t_g on qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
create index qrtz_ft_tg on qrtz_fired_triggers (sched_name, trigger_group);
