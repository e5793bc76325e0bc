CREATE TABLE "t x" (id INTEGER PRIMARY KEY, "v w" TEXT);
CREATE TRIGGER "trg ""1""" AFTER INSERT ON "t x" BEGIN UPDATE "t x" SET "v w" = upper(new."v w") WHERE id = new.id; END;
INSERT INTO "t x" VALUES (1, 'a');
