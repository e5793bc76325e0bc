CREATE SCHEMA "Billing Dept";
CREATE TABLE "Billing Dept"."Invoice Lines" ("Line No" integer PRIMARY KEY, "Amount;" numeric CHECK ("Amount;" > 0),
  CONSTRAINT "drop table x; --" CHECK ("Line No" < 1000));
