CREATE TABLE "t x" (id INTEGER PRIMARY KEY, "v w" TEXT NOT NULL DEFAULT '');
CREATE TRIGGER "trg ""1""" AFTER INSERT ON "t x" BEGIN UPDATE "t x" SET "v w" = upper(new."v w") WHERE id = new.id; END;
