create schema iot;
set search_path = iot;
create table devices (
  id uuid primary key,
  serial_no text not null unique,
  mac macaddr,
  last_ip inet,
  firmware varchar(16),
  retired bool not null default false
);
create index on devices using hash (mac);
create index on devices (firmware) where not retired;
create table samples (
  device_id uuid not null references devices on delete cascade,
  at timestamptz not null,
  temperature float4,
  humidity float4 check (humidity between 0 and 100),
  raw jsonb,
  primary key (device_id, at)
);
create index on samples using brin (at);
insert into devices values ('0f0f0f0f-0000-4000-8000-00000000000a', 'SN-1', '08:00:2b:01:02:03', '192.168.1.7', '1.2.3', false);
insert into samples values ('0f0f0f0f-0000-4000-8000-00000000000a', '2024-03-01 00:00Z', 21.5, 40, '{"ok": true}');
reset search_path;
