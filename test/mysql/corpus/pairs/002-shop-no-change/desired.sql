CREATE TABLE customers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(191) NOT NULL,
  name VARCHAR(100) NULL COMMENT 'display name',
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY customers_email_key (email)
) ENGINE=InnoDB COMMENT='people who buy';
CREATE TABLE products (
  id BIGINT NOT NULL AUTO_INCREMENT,
  sku CHAR(12) NOT NULL,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  status ENUM('draft','live','gone') NOT NULL DEFAULT 'draft',
  tags SET('new','sale','hot') NULL,
  body TEXT,
  meta JSON,
  PRIMARY KEY (id),
  UNIQUE KEY products_sku_key (sku),
  KEY products_title_idx (title(32)),
  CONSTRAINT products_price_check CHECK (price >= 0)
);
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id INT UNSIGNED NOT NULL,
  total DECIMAL(12,2) NOT NULL,
  placed DATE NOT NULL,
  CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE TABLE order_lines (
  order_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  qty SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, product_id),
  KEY order_lines_product_id_idx (product_id),
  CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT order_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id)
);
