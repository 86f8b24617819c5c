-- A letter's problems and requirements, one row per item as the draft form's lists enter them
-- (the letter numbers them), and its basis: the campaign problems chosen, each with the label the
-- form showed. The text columns problems, requirements and basis_refs stay as the display text.
create table recommendation_problem (
    letter_id bigint not null references recommendation_letter (id),
    item_index integer not null,
    item varchar(1000) not null,
    primary key (letter_id, item_index)
);

create table recommendation_requirement (
    letter_id bigint not null references recommendation_letter (id),
    item_index integer not null,
    item varchar(1000) not null,
    primary key (letter_id, item_index)
);

create table recommendation_basis (
    letter_id bigint not null references recommendation_letter (id),
    basis_index integer not null,
    problem_id bigint,
    label varchar(200) not null,
    primary key (letter_id, basis_index)
);
