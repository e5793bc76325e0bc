CREATE SCHEMA "Billing Dept";
CREATE TABLE "Billing Dept"."Invoice Lines" ("Line No" integer PRIMARY KEY, "Amount;" numeric);
INSERT INTO "Billing Dept"."Invoice Lines" VALUES (1, 5);
