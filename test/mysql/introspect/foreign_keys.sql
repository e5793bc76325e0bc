-- Foreign keys: every action, composite, self-referencing, unnamed
-- (<table>_ibfk_<n>), and one to another database.
CREATE DATABASE vb_introspect_test_other;
CREATE TABLE vb_introspect_test_other.region (id INT PRIMARY KEY);
CREATE TABLE account (
  id INT PRIMARY KEY,
  org INT NOT NULL,
  UNIQUE KEY account_org_id (org, id)
);
CREATE TABLE member (
  id INT PRIMARY KEY,
  account_id INT,
  org INT,
  manager_id INT,
  region_id INT,
  a INT, b INT, c INT, d INT,
  CONSTRAINT member_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT member_org_fk FOREIGN KEY (org, account_id) REFERENCES account (org, id)
    ON DELETE SET NULL ON UPDATE RESTRICT,
  CONSTRAINT member_manager_fk FOREIGN KEY (manager_id) REFERENCES member (id)
    ON DELETE NO ACTION,
  CONSTRAINT member_region_fk FOREIGN KEY (region_id) REFERENCES vb_introspect_test_other.region (id),
  FOREIGN KEY (a) REFERENCES account (id) ON DELETE RESTRICT,
  FOREIGN KEY (b) REFERENCES account (id) ON DELETE SET NULL ON UPDATE SET NULL,
  KEY c_and_d (c, d),
  FOREIGN KEY (c) REFERENCES account (id)
);
