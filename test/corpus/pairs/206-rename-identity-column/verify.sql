SELECT weight = 2.5 FROM parcels WHERE parcel_id = 2;
