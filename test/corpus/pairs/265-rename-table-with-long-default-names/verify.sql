SELECT count(*) = 2 FROM warehouse_inventory_reconciliation_adjustment_entries_archive;
