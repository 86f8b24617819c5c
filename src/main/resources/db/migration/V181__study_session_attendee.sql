-- Who attended a study session (集中学习), one row each: a person of the organisation
-- (user_id, with the name and unit as they were), or an attendee from outside (name and
-- unit as entered). study_session.attendees keeps them written out as text.
create table study_session_attendee (
    study_session_id bigint not null references study_session (id),
    row_no integer not null,
    user_id varchar(64),
    name varchar(100) not null,
    unit_name varchar(200),
    primary key (study_session_id, row_no)
);
