-- The measures of a ledger entry (整改措施) as rows: what is done, who does it, by when.
-- ledger_entry.measures keeps the rows written out as text, as the ledger, its export and
-- the report print them.
create table ledger_measure (
    ledger_entry_id bigint not null references ledger_entry (id),
    row_no integer not null,
    measure varchar(4000) not null,
    responsible varchar(64),
    deadline date,
    primary key (ledger_entry_id, row_no)
);

-- Measures written before rows existed are each one row.
insert into ledger_measure (ledger_entry_id, row_no, measure, responsible)
    select id, 0, measures, responsible_person
    from ledger_entry where measures is not null and measures <> '';
