-- The working-day calendar as kept in the running system: one row per year with its statutory days off
-- and make-up working days (ISO dates, comma-separated). Seeded from the configuration; changed by an
-- administrator when the State Council publishes a year; read by every node.
create table calendar_year (
    calendar_year integer primary key,
    days_off varchar(4000) not null,
    make_up_days varchar(1000) not null,
    source varchar(16) not null,
    updated_by varchar(64) not null,
    updated_at timestamp with time zone not null,
    version integer not null,
    constraint chk_calendar_year_source check (source in ('CONFIGURATION', 'ADMINISTRATOR'))
);
