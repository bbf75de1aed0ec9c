-- The working-day calendar: per year, the official holidays and make-up working days (调休).
create table calendar_year (
    cal_year    integer      primary key,
    source      varchar(200) not null,
    updated_at  timestamp with time zone not null,
    version     integer      not null default 0
);

-- Only the exceptions to the weekend rule are stored.
create table calendar_day (
    cal_date    date         primary key,
    cal_year    integer      not null references calendar_year (cal_year),
    working     boolean      not null,
    name        varchar(50)
);
create index calendar_day_year_idx on calendar_day (cal_year);

-- Bumped on every change, so that each node notices and reloads its cached calendar.
create table calendar_revision (
    id          integer primary key,
    revision    bigint  not null
);
insert into calendar_revision (id, revision) values (1, 0);
