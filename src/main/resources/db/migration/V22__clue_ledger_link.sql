-- A confirmed clue turned into a campaign problem: the ledger entry it opened.
alter table clue add column ledger_entry_code varchar(40);
