CREATE TABLE warehouse_inventory_reconciliation_adjustment_entries_archive (
    id serial PRIMARY KEY,
    external_reconciliation_reference_code text UNIQUE
);
