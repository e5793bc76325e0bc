CREATE TABLE parcels (parcel_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, weight real);
