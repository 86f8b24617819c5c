-- The working days the discipline lead sets for the investigation of a STANDARD clue,
-- kept with the clue instead of in a process variable.
alter table clue add column investigation_working_days integer;
