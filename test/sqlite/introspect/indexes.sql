-- Indexes: unique, partial, on expressions, with collations and order;
-- the names they can have.
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, sku TEXT NOT NULL,
  price REAL, "order" INT, deleted_at TEXT, data TEXT);
CREATE INDEX items_name ON items (name);
CREATE UNIQUE INDEX items_sku ON items (sku) WHERE deleted_at IS NULL;
CREATE INDEX items_price_desc ON items (price DESC, id);
CREATE INDEX items_lower_sku ON items (lower(sku), price * 2 DESC);
CREATE INDEX items_sku_nocase ON items (sku COLLATE NOCASE);
CREATE INDEX items_name_binary ON items (name COLLATE BINARY, name COLLATE nocase);
CREATE INDEX items_order ON items ("order", 'price');
CREATE INDEX IF NOT EXISTS main.items_json ON items (data ->> '$.kind') WHERE data IS NOT NULL AND json_valid(data);
CREATE INDEX "items ""quoted"" index" ON items ([id]);
CREATE UNIQUE INDEX items_multi ON items (sku, "order" DESC) WHERE price > 0 AND "order" BETWEEN 1 AND 9;
