CREATE TABLE m (id integer PRIMARY KEY, v integer);
ALTER TABLE m ADD CONSTRAINT v_gt_minus_one CHECK (v > -1) NOT VALID;
