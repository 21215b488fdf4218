-- Which members receive the portal's sightings ("we saw this too"). A member without a row receives none: an
-- administrator enables it once the member's service user may add sightings (MISP's perm_sighting).
create table member_sighting (
    member_id   uuid          primary key references member_instance (id) on delete cascade,
    enabled     boolean       not null,
    updated_by  varchar(200)  not null,
    updated_at  timestamptz   not null
);
