-- Bucket4j token buckets of the public reporting endpoints (one row per client address),
-- shared by every node of a cluster (PostgreSQL backend; the embedded default keeps them in memory).
create table clue_rate_limit_bucket (
    id varchar(100) primary key,
    state bytea,
    expires_at bigint
);
