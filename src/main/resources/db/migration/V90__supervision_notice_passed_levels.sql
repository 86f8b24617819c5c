-- Levels whose time passed while nothing ran (a pause of the application): the notice raised on
-- resumption names the first of them; they are recorded, not replayed.
alter table supervision_notice add column passed_from_level integer;
