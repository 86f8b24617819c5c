-- Sub-units (二级单位). Staff are the members of the Camunda group "unit-<code>".
create table unit (
    code varchar(32) primary key,
    name varchar(100) not null,
    leader_user_id varchar(64),
    active boolean not null default true,
    created_at timestamp with time zone not null
);
