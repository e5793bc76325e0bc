create table payments (
  id bigint generated always as identity primary key,
  amount numeric(10,2) not null,
  method text not null default 'CARD',
  paid_at timestamp with time zone default current_timestamp,
  refunded boolean not null default false,
  ref varchar(30),
  check (amount > 0 or refunded),
  check (method in ('CARD', 'CASH', 'TRANSFER')),
  check (ref is null or length(ref) > 4)
);
create index on payments (paid_at) where not refunded and paid_at is not null;
create unique index on payments (upper(ref));
insert into payments (amount, method, ref) values (10, 'CASH', null);
insert into payments (amount, method, ref, refunded) values (0, 'CARD', 'R-12345', true);
