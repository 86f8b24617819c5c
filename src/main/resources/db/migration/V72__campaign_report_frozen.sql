-- A final report version (frozen when the campaign ends or the office finalises it) and every
-- revision after it keep the rendered document, so that later data changes do not alter them.
alter table campaign_report_version add column revision boolean default false not null;
alter table campaign_report_version add column document bytea;
