-- The audit trail: every change, each event chained to the previous one by a digest.
create table audit_event (
    seq          bigint       primary key,
    at           timestamp with time zone not null,
    actor        varchar(100) not null,
    entity_type  varchar(50)  not null,
    entity_id    varchar(100) not null,
    action       varchar(50)  not null,
    before_state text,
    after_state  text,
    algorithm    varchar(10)  not null,
    digest       varchar(64)  not null
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, seq);

-- The head of the chain; appending locks this row, so events are chained one at a time across nodes.
create table audit_head (
    id          integer     primary key,
    last_seq    bigint      not null,
    last_digest varchar(64) not null
);
insert into audit_head (id, last_seq, last_digest) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
