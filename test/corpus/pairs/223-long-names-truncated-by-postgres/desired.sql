CREATE TABLE short (id integer PRIMARY KEY);
CREATE TABLE warehouse_inventory_reconciliation_adjustment_entries_archive (
    identifier_of_the_adjustment_entry serial PRIMARY KEY,
    reference_to_the_short_table_primary_key integer REFERENCES short (id),
    external_reconciliation_reference_code text UNIQUE
);
CREATE INDEX ON warehouse_inventory_reconciliation_adjustment_entries_archive (reference_to_the_short_table_primary_key, external_reconciliation_reference_code);
