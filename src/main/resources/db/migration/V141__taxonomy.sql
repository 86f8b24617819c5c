-- The problem taxonomy (aspects and kinds) is kept by the campaign office. Each aspect may
-- name the clue category that corresponds to it, so that a clue moved to the ledger needs
-- no re-coding; each campaign keeps its own copy of the taxonomy from its start.

alter table problem_category add column clue_category varchar(32);

update problem_category set clue_category = 'DECISION_IMPLEMENTATION' where code = 'DECISION';
update problem_category set clue_category = 'RESEARCH' where code = 'RESEARCH';
update problem_category set clue_category = 'WORK_IMPLEMENTATION' where code = 'IMPLEMENT';
update problem_category set clue_category = 'MEETINGS_DOCUMENTS' where code = 'STYLE';
update problem_category set clue_category = 'RESPONSIBILITY' where code = 'DUTY';

create table campaign_category (
    campaign_id bigint not null references campaign (id),
    code varchar(32) not null,
    name varchar(100) not null,
    parent_code varchar(32),
    sort_order integer not null,
    clue_category varchar(32),
    primary key (campaign_id, code)
);

-- campaigns started before keep the taxonomy as it stands now
insert into campaign_category (campaign_id, code, name, parent_code, sort_order, clue_category)
    select c.id, pc.code, pc.name, parent.code, pc.sort_order, pc.clue_category
    from campaign c
    cross join problem_category pc
    left join problem_category parent on parent.id = pc.parent_id
    where pc.active = true;
