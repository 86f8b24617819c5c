-- The inspection plan's places, one row per place as the plan form's list enters them, and the
-- problem categories it focuses on, by category code. The text columns places and focus stay
-- as the display text (places joined by 、, the categories' Chinese names).
create table inspection_place (
    inspection_id bigint not null references inspection (id),
    place_index integer not null,
    place varchar(200) not null,
    primary key (inspection_id, place_index)
);

create table inspection_focus (
    inspection_id bigint not null references inspection (id),
    focus_index integer not null,
    category_code varchar(32) not null,
    primary key (inspection_id, focus_index)
);

-- Plans written before: their places text becomes the first and only row.
insert into inspection_place (inspection_id, place_index, place)
select id, 0, substring(places from 1 for 200) from inspection where places is not null and places <> '';
