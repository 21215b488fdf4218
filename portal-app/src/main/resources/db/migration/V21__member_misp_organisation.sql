-- The member's own MISP organisation (uuid and name from users/view/me), learned when the member is onboarded or its
-- connection is tested: the organisation it may speak for. Null until learned; then the organisation name the admin
-- gave stands for it.
alter table member_instance add column misp_org_uuid varchar(36);
alter table member_instance add column misp_org_name varchar(200);
