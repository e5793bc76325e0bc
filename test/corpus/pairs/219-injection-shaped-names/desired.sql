CREATE TABLE students (id integer PRIMARY KEY, name text, "Robert'); DROP TABLE students;--" text DEFAULT 'Robert''); DROP TABLE students;--');
CREATE TABLE "x; DROP SCHEMA public CASCADE; --" (
    "$1" integer PRIMARY KEY,
    "%s%n" text,
    "back\slash" text,
    "--comment" integer REFERENCES students (id),
    "/* c */" text
);
CREATE INDEX "'; DELETE FROM students; --" ON "x; DROP SCHEMA public CASCADE; --" ("%s%n") WHERE "back\slash" <> E'\\';
