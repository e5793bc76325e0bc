create table "T" ( "Id" integer primary key , [v] varchar ( 20 ) default ( 'a' ) , "w" Text check ( ( length( w ) > 0 ) ) );
create index "T_v" on "T" ( [v] collate nocase desc ) where ( v is not null );
INSERT INTO "T" VALUES (1, 'z', 'q');
