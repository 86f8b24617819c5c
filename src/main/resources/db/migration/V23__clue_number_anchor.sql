-- Row 0 of clue_number_sequence is no year: every intake locks it before it reads or creates the
-- row of its year, so that the first clues of a year, arriving at once, cannot both insert that row.
insert into clue_number_sequence (clue_year, last_value) values (0, 0);
