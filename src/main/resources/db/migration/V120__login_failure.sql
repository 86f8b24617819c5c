-- Failed logins, shared by every node: one row per user and client address ('u:<user>|<address>') and
-- one per address ('a:<address>'), with the number of failures and the instant (epoch milliseconds)
-- before which the next attempt waits. A successful login or an administrator's release deletes rows;
-- rows an hour past their delay are forgotten.
create table login_failure (
    failure_key varchar(300) primary key,
    user_id varchar(255),
    failures integer not null,
    delayed_until bigint not null
);
create index idx_login_failure_user on login_failure (user_id);
create index idx_login_failure_until on login_failure (delayed_until);
