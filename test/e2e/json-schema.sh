#!/usr/bin/env bash
# docs/snapshot.schema.json, checked with Python's jsonschema module
# (Debian package python3-jsonschema):
#   a. it is a valid JSON Schema (draft 2020-12);
#   b. the example documents, the reference blog snapshot (if
#      ../shared/reference is there) and documents that use the edges of the
#      format (null for optional keys, every key of every object, object
#      forms of index elements and enum values, sequence options as strings,
#      "" as no comment, storage parameters of every JSON type) are valid, and
#      so is the output of viborm.introspect() on a scratch database that has
#      checks (NO INHERIT too), comments (on indexes and constraints too),
#      generated columns, collations, identity options, every kind of index
#      element, a deferrable key, a MATCH FULL foreign key and storage
#      parameters of tables, TOAST tables and indexes;
#   c. documents with one defect each (unknown keys, wrong types, missing
#      required keys, bad values, rules between keys) are invalid, each at
#      the expected JSON path.
# When a PostgreSQL server is reachable through the libpq environment (PGHOST,
# PGPORT, PGUSER, ...; test/run sets them) and the extension is available,
# the reader is held to the same answers: viborm.diff() accepts every
# document of (b) and rejects every document of (c) with VB001 at the same
# JSON path. Without a server those checks are skipped with a note.
#
# Then docs/model-form.schema.json, the schema of the model form
# ({"models": {...}}, docs/models.md), is checked the same way against the
# model documents of test/unit/data (and the reference blog model, if there),
# an edge document and documents with one defect each; the reader's answers
# for that form are pinned by test/unit/test_model.c and sql/models.sql.
#
# Exit status 0 when every check passed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

SCHEMA=docs/snapshot.schema.json
REFERENCE=../shared/reference/examples/blog/snapshot.pg.json

# python3 from PATH, else the system one (where apt installs python3-jsonschema).
PY=
for candidate in python3 /usr/bin/python3; do
	if command -v "$candidate" >/dev/null 2>&1 &&
		"$candidate" -c 'import jsonschema' >/dev/null 2>&1; then
		PY=$candidate
		break
	fi
done
if [ -z "$PY" ]; then
	echo "json-schema.sh: Python's jsonschema module is missing (no python3 on PATH or in /usr/bin can import it)." >&2
	echo "json-schema.sh: install it with: apt-get install python3-jsonschema (test/setup-deps does)" >&2
	exit 1
fi

valid_files=(examples/blog.json examples/blog-v2.json)
if [ -f "$REFERENCE" ]; then
	valid_files+=("$REFERENCE")
else
	echo "note: $REFERENCE is absent; not checked"
fi
valid_files+=(test/unit/data/blog-snapshot.pg.json)

work=$(mktemp -d "${TMPDIR:-/tmp}/viborm-json-schema.XXXXXX")
admin_db=${PGDATABASE:-postgres}
scratch_db=viborm_json_schema_$$
created_db=0

cleanup() {
	if [ "$created_db" = 1 ]; then
		psql -X -q -d "$admin_db" -c "DROP DATABASE IF EXISTS $scratch_db WITH (FORCE)" \
			>/dev/null 2>&1 || echo "json-schema.sh: could not drop database $scratch_db" >&2
	fi
	rm -rf "$work"
}
trap cleanup EXIT

# --- the server part: a scratch database, introspected ---------------------
server_db=
if ! command -v psql >/dev/null 2>&1; then
	echo "note: no psql; the introspect() output and the reader's agreement are not checked"
elif ! psql -X -q -At -d "$admin_db" -c 'select 1' >/dev/null 2>&1; then
	echo "note: no PostgreSQL server reachable (PGHOST=${PGHOST:-} PGPORT=${PGPORT:-});" \
		"the introspect() output and the reader's agreement are not checked"
elif [ "$(psql -X -q -At -d "$admin_db" \
	-c "select count(*) from pg_available_extensions where name = 'viborm'")" != 1 ]; then
	echo "note: the viborm extension is not installed on the server (make install);" \
		"the introspect() output and the reader's agreement are not checked"
else
	echo "== scratch database $scratch_db"
	psql -X -q -v ON_ERROR_STOP=1 -d "$admin_db" -c "CREATE DATABASE $scratch_db"
	created_db=1
	PGDATABASE=$scratch_db psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION viborm;
CREATE SCHEMA app;
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE app.kind AS ENUM ('a', 'b');
CREATE TABLE public.users (
	id serial PRIMARY KEY,
	email varchar(255) NOT NULL UNIQUE,
	mood mood NOT NULL DEFAULT 'ok',
	score numeric(10, 2) DEFAULT 0.5 CHECK (score >= 0),
	active boolean DEFAULT true,
	created_at timestamptz NOT NULL DEFAULT now(),
	nick text COLLATE "C",
	nick_lower text GENERATED ALWAYS AS (lower(nick)) STORED,
	CONSTRAINT users_nick_mood_key UNIQUE NULLS NOT DISTINCT (nick, mood)
);
COMMENT ON COLUMN public.users.nick IS 'shown to others';
CREATE TABLE public.posts (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id integer NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
	title text NOT NULL,
	published_at timestamptz,
	tags text[] DEFAULT '{}'
);
CREATE INDEX posts_published_idx ON public.posts (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX posts_title_hash ON public.posts USING hash (title);
CREATE INDEX posts_lower_title ON public.posts (lower(title));
CREATE INDEX posts_user_recent ON public.posts (user_id, published_at DESC NULLS LAST) INCLUDE (title);
CREATE INDEX posts_title_pattern ON public.posts (title COLLATE "C" text_pattern_ops)
	WITH (fillfactor = 80, deduplicate_items = off);
CREATE UNIQUE INDEX posts_title_key ON public.posts (title) NULLS NOT DISTINCT WHERE published_at IS NOT NULL;
ALTER TABLE public.posts ADD CONSTRAINT posts_title_check CHECK (title <> '') NOT VALID;
COMMENT ON TABLE public.posts IS 'the posts';
COMMENT ON INDEX public.posts_lower_title IS 'by title';
COMMENT ON CONSTRAINT posts_title_check ON public.posts IS 'not empty';
ALTER TABLE public.posts SET (fillfactor = 90, autovacuum_enabled = off, toast.autovacuum_enabled = false,
	autovacuum_vacuum_scale_factor = 0.05);
ALTER TABLE public.users ADD CONSTRAINT users_nick_key UNIQUE (nick) DEFERRABLE INITIALLY DEFERRED;
CREATE VIEW public.recent AS SELECT id, title FROM public.posts;
CREATE TABLE app.items (
	a integer,
	b integer,
	k app.kind DEFAULT 'a',
	n bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 9007199254740993 INCREMENT BY 2 CACHE 10 CYCLE),
	PRIMARY KEY (a, b),
	CONSTRAINT items_ba_key UNIQUE (b, a)
);
CREATE TABLE app.item_links (
	a integer,
	b integer,
	post_id bigint REFERENCES public.posts (id) ON DELETE RESTRICT,
	FOREIGN KEY (a, b) REFERENCES app.items (a, b) MATCH FULL
		ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE app.items ADD CONSTRAINT items_a_check CHECK (a > 0) NO INHERIT;
COMMENT ON CONSTRAINT items_pkey ON app.items IS 'the key';
ALTER TABLE app.item_links ADD CONSTRAINT item_links_post_fkey2 FOREIGN KEY (post_id)
	REFERENCES public.posts (id) NOT VALID;
CREATE UNIQUE INDEX item_links_post_a_idx ON app.item_links (post_id, a);
SQL
	PGDATABASE=$scratch_db psql -X -q -At -v ON_ERROR_STOP=1 \
		-c "select viborm.introspect(array['public', 'app'])" >"$work/introspect.json"
	server_db=$scratch_db
fi

# --- the checks -------------------------------------------------------------
introspected=
if [ -n "$server_db" ]; then
	introspected=$work/introspect.json
fi
echo "== $SCHEMA with $PY (jsonschema $("$PY" -c 'import importlib.metadata as m; print(m.version("jsonschema"))'))"
VB_SCHEMA=$SCHEMA VB_DB=$server_db VB_INTROSPECTED=$introspected \
	"$PY" - "${valid_files[@]}" <<'PY'
import copy
import json
import os
import re
import subprocess
import sys

import jsonschema

schema_path = os.environ["VB_SCHEMA"]
db = os.environ.get("VB_DB") or None
introspected = os.environ.get("VB_INTROSPECTED") or None
passed = failed = 0


def report(ok, what, why=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok      " + what)
    else:
        failed += 1
        print("FAILED  " + what + (": " + why if why else ""))


def path_text(parts):
    """['tables', 0, 'name'] -> 'tables[0].name'"""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += "[%d]" % p
        else:
            out += ("." if out else "") + p
    return out


def all_errors(errors):
    for e in errors:
        yield e
        yield from all_errors(e.context or [])


def reader(doc):
    """viborm.diff(doc) on the scratch database: (sqlstate or None, JSON path, message)."""
    r = subprocess.run(
        ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-v", "doc=" + json.dumps(doc), "-d", db],
        input="\\set VERBOSITY verbose\nselect viborm.diff(:'doc'::jsonb) is not null;\n",
        capture_output=True, text=True)
    if r.returncode == 0:
        return None, None, ""
    m = re.search(r"ERROR:\s+([0-9A-Z]{5}):\s*(.*)", r.stderr)
    p = re.search(r"JSON path: (.*)\.$", r.stderr, re.M)
    return (m.group(1) if m else "?"), (p.group(1) if p else ""), (m.group(2) if m else r.stderr.strip())


# --- a. the schema itself ------------------------------------------------------
with open(schema_path) as f:
    schema = json.load(f)
try:
    jsonschema.Draft202012Validator.check_schema(schema)
    report(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema",
           "the schema is a valid draft 2020-12 JSON Schema", "its $schema is not draft 2020-12")
except jsonschema.exceptions.SchemaError as e:
    report(False, "the schema is a valid draft 2020-12 JSON Schema", e.message)
    sys.exit(1)
validator = jsonschema.Draft202012Validator(schema)

# --- b. valid documents --------------------------------------------------------
# A small document that uses most of the format; the invalid ones below are
# made from it with one defect each.
BASE = {
    "version": 1,
    "dialect": "pg",
    "schemas": ["public"],
    "enums": [{"name": "mood", "values": ["sad", "ok", "happy"]}],
    "tables": [
        {
            "name": "users",
            "columns": [
                {"name": "id", "type": "integer", "nullable": False, "autoIncrement": True},
                {"name": "email", "type": "varchar(255)", "nullable": False},
                {"name": "mood", "type": "mood", "default": "'ok'"},
            ],
            "primaryKey": {"columns": ["id"]},
            "uniqueConstraints": [{"columns": ["email"]}],
            "indexes": [{"columns": ["mood"], "where": "mood <> 'sad'"}],
        },
        {
            "name": "posts",
            "columns": [
                {"name": "id", "type": "bigint", "identity": {"generation": "always"}},
                {"name": "user_id", "type": "integer", "nullable": False},
            ],
            "primaryKey": {"name": "posts_pkey", "columns": ["id"]},
            "foreignKeys": [{"columns": ["user_id"], "referencedTable": "users",
                             "referencedColumns": ["id"], "onDelete": "cascade"}],
        },
    ],
}

# Every optional key null, every key and every alternative shape used once;
# "comment": "" is no comment (PostgreSQL stores an empty comment as none).
EDGES = {
    "version": None, "dialect": None, "schemas": None, "enums": [
        {"name": "m" * 63, "schema": None, "renamedFrom": None,
         "values": ["a", {"name": "b", "renamedFrom": None}, {"name": "c"}]},
    ],
    "tables": [
        {"name": "t", "schema": None, "renamedFrom": None, "comment": "a table",
         "with": {"fillfactor": 70, "autovacuum_enabled": False, "toast.autovacuum_enabled": "off",
                  "autovacuum_vacuum_scale_factor": 0.05, "parallel_workers": None},
         "columns": [
             {"name": "id", "type": "SERIAL", "default": " null ", "identity": None},
             {"name": "n", "type": "integer", "nullable": None, "default": 42,
              "autoIncrement": None, "renamedFrom": None,
              "generated": None, "collation": None, "comment": None},
             {"name": "x", "type": "numeric", "default": 1.5, "comment": ""},
             {"name": "b", "type": "boolean", "default": False, "autoIncrement": False},
             {"name": "big", "type": "bigint", "default": -9007199254740991},
             {"name": "i", "type": "integer", "default": "NULL",
              "identity": {"generation": "byDefault", "start": None, "increment": None,
                           "min": None, "max": None, "cache": None, "cycle": False}},
             {"name": "j", "type": "bigint",
              "identity": {"generation": "always", "start": 9007199254740991, "increment": -2,
                           "min": "-9223372036854775808", "max": "9007199254740993", "cache": "10",
                           "cycle": True}},
             {"name": "s", "type": "text", "default": None, "collation": "C", "comment": "some text"},
             {"name": "g", "type": "integer", "generated": "n * 2", "default": None,
              "autoIncrement": False, "identity": None},
         ],
         "primaryKey": {"name": None, "columns": ["id"], "deferrable": False,
                        "initiallyDeferred": None, "comment": "the key"},
         "uniqueConstraints": [{"name": "t_n_b_key", "columns": ["n", "b"], "renamedFrom": None,
                                "nullsNotDistinct": False, "deferrable": None, "comment": None},
                               {"columns": ["s"], "nullsNotDistinct": True, "deferrable": True,
                                "initiallyDeferred": True, "comment": ""}],
         "indexes": [
             {"columns": [{"column": "x", "expression": None, "order": "asc", "nulls": None,
                           "opclass": None, "collation": None}, "s"],
              "name": None, "unique": None, "type": "BTREE", "where": "", "renamedFrom": None,
              "include": [], "nullsNotDistinct": None, "with": None, "comment": None},
             {"columns": ["s"], "type": "hash", "with": {"fillfactor": "80"}, "comment": "by s"},
             {"columns": [{"expression": "lower(s)", "column": None, "order": "desc", "nulls": "last",
                           "opclass": "text_pattern_ops", "collation": "C"}],
              "include": ["n", "b"], "where": "n > 0"},
             {"columns": ["n"], "unique": True, "nullsNotDistinct": True},
         ],
         "foreignKeys": [
             {"columns": ["n", "b"], "referencedTable": "t", "referencedSchema": None,
              "referencedColumns": ["n", "b"], "name": None, "onDelete": None,
              "onUpdate": "setNull", "deferrable": True, "initiallyDeferred": True,
              "renamedFrom": None, "notValid": False, "match": "full", "comment": "to itself"},
             {"columns": ["i"], "referencedTable": "t", "referencedColumns": ["id"],
              "onDelete": "setDefault", "onUpdate": "restrict", "deferrable": None,
              "initiallyDeferred": False, "notValid": True, "match": None, "comment": None},
         ],
         "checks": [
             {"expression": "n > 0", "noInherit": True, "comment": "positive"},
             {"name": "t_named_check", "expression": "x IS NULL OR x < big", "notValid": True,
              "renamedFrom": None},
             {"name": None, "expression": "b", "notValid": None, "renamedFrom": "old_check",
              "noInherit": None, "comment": None},
         ]},
        {"name": "empty", "columns": [], "primaryKey": None, "uniqueConstraints": None,
         "indexes": None, "foreignKeys": None, "checks": None, "comment": None},
        {"name": "uncommented", "comment": "", "columns": [{"name": "a", "type": "text"}]},
    ],
}

valid = [("a document using every edge of the format", EDGES),
         ("the base of the invalid documents below", BASE)]
for path in sys.argv[1:]:
    with open(path) as f:
        valid.append((path, json.load(f)))
if introspected:
    with open(introspected) as f:
        doc = json.load(f)
    what = "viborm.introspect() on a scratch database (%d tables, %d enums)" % (
        len(doc.get("tables", [])), len(doc.get("enums", [])))
    if len(doc.get("tables", [])) < 4 or len(doc.get("enums", [])) < 2:
        report(False, what, "expected 4 tables and 2 enums")
    valid.append((what, doc))

for what, doc in valid:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    report(not errors, "valid:   " + what,
           "; ".join("%s: %s" % (path_text(e.absolute_path) or "(top)", e.message[:200])
                     for e in errors[:5]))
    if db:
        state, p, msg = reader(doc)
        report(state is None, "         and viborm.diff() accepts it",
               "%s at %s: %s" % (state, p, msg))


# --- c. invalid documents ------------------------------------------------------
def mutate(fn):
    doc = copy.deepcopy(BASE)
    fn(doc)
    return doc


def setk(obj, key, value):
    obj[key] = value


USERS = lambda d: d["tables"][0]
POSTS = lambda d: d["tables"][1]
U_COL = lambda d, i: d["tables"][0]["columns"][i]
P_COL = lambda d, i: d["tables"][1]["columns"][i]
FK = lambda d: d["tables"][1]["foreignKeys"][0]
IDX = lambda d: d["tables"][0]["indexes"][0]
ENUM = lambda d: d["enums"][0]

# (what, document, JSON path where the schema and the reader must place the error)
invalid = [
    ("unknown top-level key", mutate(lambda d: setk(d, "table", [])), ""),
    ("models beside tables (the two forms mixed)", mutate(lambda d: setk(d, "models", {})), ""),
    ("tables missing", mutate(lambda d: d.pop("tables")), ""),
    ("version 2", mutate(lambda d: setk(d, "version", 2)), "version"),
    ("version as a string", mutate(lambda d: setk(d, "version", "1")), "version"),
    ("dialect postgres", mutate(lambda d: setk(d, "dialect", "postgres")), "dialect"),
    ("a schema listed twice", mutate(lambda d: setk(d, "schemas", ["public", "public"])), "schemas"),
    ("tables as an object", mutate(lambda d: setk(d, "tables", {})), "tables"),
    ("enums as an object", mutate(lambda d: setk(d, "enums", {})), "enums"),
    ("unknown table key", mutate(lambda d: setk(USERS(d), "colums", [])), "tables[0]"),
    ("table without columns", mutate(lambda d: USERS(d).pop("columns")), "tables[0]"),
    ("table name of 64 characters", mutate(lambda d: setk(USERS(d), "name", "t" * 64)), "tables[0].name"),
    ("empty schema name", mutate(lambda d: setk(USERS(d), "schema", "")), "tables[0].schema"),
    ("checks as an object", mutate(lambda d: setk(USERS(d), "checks", {})), "tables[0].checks"),
    ("check without expression", mutate(lambda d: setk(USERS(d), "checks", [{"name": "c"}])),
     "tables[0].checks[0]"),
    ("check with an empty expression", mutate(lambda d: setk(USERS(d), "checks", [{"expression": ""}])),
     "tables[0].checks[0].expression"),
    ("check with an unknown key",
     mutate(lambda d: setk(USERS(d), "checks", [{"expression": "id > 0", "deferrable": True}])),
     "tables[0].checks[0]"),
    ("check name of 64 characters",
     mutate(lambda d: setk(USERS(d), "checks", [{"name": "c" * 64, "expression": "id > 0"}])),
     "tables[0].checks[0].name"),
    ("check notValid as a string",
     mutate(lambda d: setk(USERS(d), "checks", [{"expression": "id > 0", "notValid": "yes"}])),
     "tables[0].checks[0].notValid"),
    ("table comment as a number", mutate(lambda d: setk(USERS(d), "comment", 1)), "tables[0].comment"),
    ("unknown column key", mutate(lambda d: setk(U_COL(d, 1), "notNull", True)), "tables[0].columns[1]"),
    ("column without type", mutate(lambda d: U_COL(d, 1).pop("type")), "tables[0].columns[1]"),
    ("empty column type", mutate(lambda d: setk(U_COL(d, 1), "type", "")), "tables[0].columns[1].type"),
    ("nullable as a string", mutate(lambda d: setk(U_COL(d, 1), "nullable", "no")),
     "tables[0].columns[1].nullable"),
    ("default as an object", mutate(lambda d: setk(U_COL(d, 2), "default", {"sql": "1"})),
     "tables[0].columns[2].default"),
    ("empty default", mutate(lambda d: setk(U_COL(d, 2), "default", "")), "tables[0].columns[2].default"),
    ("default 2^53 + 1 as a number", mutate(lambda d: setk(U_COL(d, 2), "default", 9007199254740993)),
     "tables[0].columns[2].default"),
    ("column comment as a boolean", mutate(lambda d: setk(U_COL(d, 1), "comment", True)),
     "tables[0].columns[1].comment"),
    ("empty collation", mutate(lambda d: setk(U_COL(d, 1), "collation", "")),
     "tables[0].columns[1].collation"),
    ("collation as a number", mutate(lambda d: setk(U_COL(d, 1), "collation", 1)),
     "tables[0].columns[1].collation"),
    ("empty generation expression", mutate(lambda d: setk(U_COL(d, 1), "generated", "")),
     "tables[0].columns[1].generated"),
    ("generated column with a default",
     mutate(lambda d: U_COL(d, 1).update({"generated": "lower(email)", "default": "''"})),
     "tables[0].columns[1]"),
    ("generated column with autoIncrement", mutate(lambda d: setk(U_COL(d, 0), "generated", "1")),
     "tables[0].columns[0]"),
    ("generated identity column", mutate(lambda d: setk(P_COL(d, 0), "generated", "1")),
     "tables[1].columns[0]"),
    ("autoIncrement with a default", mutate(lambda d: setk(U_COL(d, 0), "default", "0")),
     "tables[0].columns[0].default"),
    ("serial type with a default",
     mutate(lambda d: U_COL(d, 0).update({"type": "BigSerial", "autoIncrement": False, "default": "1"})),
     "tables[0].columns[0]"),
    ("identity with a default", mutate(lambda d: setk(P_COL(d, 0), "default", "1")),
     "tables[1].columns[0]"),
    ("identity with autoIncrement", mutate(lambda d: setk(P_COL(d, 0), "autoIncrement", True)),
     "tables[1].columns[0]"),
    ("identity start 1.5", mutate(lambda d: P_COL(d, 0)["identity"].update(start=1.5)),
     "tables[1].columns[0].identity.start"),
    ("identity start 2^53 as a number",
     mutate(lambda d: P_COL(d, 0)["identity"].update(start=9007199254740992)),
     "tables[1].columns[0].identity.start"),
    ("identity start as a word", mutate(lambda d: P_COL(d, 0)["identity"].update(start="ten")),
     "tables[1].columns[0].identity.start"),
    ("identity max as a boolean", mutate(lambda d: P_COL(d, 0)["identity"].update(max=True)),
     "tables[1].columns[0].identity.max"),
    ("identity increment 0", mutate(lambda d: P_COL(d, 0)["identity"].update(increment=0)),
     "tables[1].columns[0].identity.increment"),
    ("identity increment \"0\"", mutate(lambda d: P_COL(d, 0)["identity"].update(increment="0")),
     "tables[1].columns[0].identity.increment"),
    ("identity cache 0", mutate(lambda d: P_COL(d, 0)["identity"].update(cache=0)),
     "tables[1].columns[0].identity.cache"),
    ("identity cycle as a string", mutate(lambda d: P_COL(d, 0)["identity"].update(cycle="yes")),
     "tables[1].columns[0].identity.cycle"),
    ("unknown identity key", mutate(lambda d: P_COL(d, 0)["identity"].update(step=2)),
     "tables[1].columns[0].identity"),
    ("identity without generation", mutate(lambda d: setk(P_COL(d, 0), "identity", {})),
     "tables[1].columns[0].identity"),
    ("identity generation sometimes", mutate(lambda d: P_COL(d, 0)["identity"].update(generation="sometimes")),
     "tables[1].columns[0].identity"),
    ("primary key with renamedFrom", mutate(lambda d: USERS(d)["primaryKey"].update(renamedFrom="old_pkey")),
     "tables[0].primaryKey"),
    ("primary key without columns", mutate(lambda d: USERS(d)["primaryKey"].update(columns=[])),
     "tables[0].primaryKey"),
    ("unique constraint naming a column twice",
     mutate(lambda d: USERS(d)["uniqueConstraints"][0].update(columns=["email", "email"])),
     "tables[0].uniqueConstraints[0].columns"),
    ("unique nullsNotDistinct as a string",
     mutate(lambda d: USERS(d)["uniqueConstraints"][0].update(nullsNotDistinct="yes")),
     "tables[0].uniqueConstraints[0].nullsNotDistinct"),
    ("index without columns", mutate(lambda d: IDX(d).pop("columns")), "tables[0].indexes[0]"),
    ("index column as a number", mutate(lambda d: IDX(d).update(columns=[1])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with both column and expression",
     mutate(lambda d: IDX(d).update(columns=[{"column": "mood", "expression": "lower(email)"}])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with neither column nor expression",
     mutate(lambda d: IDX(d).update(columns=[{"order": "desc"}])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with an empty expression",
     mutate(lambda d: IDX(d).update(columns=[{"expression": ""}])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with order up",
     mutate(lambda d: IDX(d).update(columns=[{"column": "mood", "order": "up"}])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with nulls middle",
     mutate(lambda d: IDX(d).update(columns=[{"column": "mood", "nulls": "middle"}])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with an empty opclass",
     mutate(lambda d: IDX(d).update(columns=[{"column": "mood", "opclass": ""}])),
     "tables[0].indexes[0].columns[0]"),
    ("index element with an unknown key",
     mutate(lambda d: IDX(d).update(columns=[{"column": "mood", "desc": True}])),
     "tables[0].indexes[0].columns[0]"),
    ("index include as a string", mutate(lambda d: IDX(d).update(include="email")),
     "tables[0].indexes[0].include"),
    ("index include naming a column twice", mutate(lambda d: IDX(d).update(include=["email", "email"])),
     "tables[0].indexes[0].include"),
    ("index nullsNotDistinct without unique", mutate(lambda d: IDX(d).update(nullsNotDistinct=True)),
     "tables[0].indexes[0]"),
    ("index unique as a string", mutate(lambda d: IDX(d).update(unique="yes")),
     "tables[0].indexes[0].unique"),
    ("unknown foreign key key", mutate(lambda d: FK(d).update(onDeleteAction="cascade")),
     "tables[1].foreignKeys[0]"),
    ("foreign key without referencedColumns", mutate(lambda d: FK(d).pop("referencedColumns")),
     "tables[1].foreignKeys[0]"),
    ("onDelete delete", mutate(lambda d: FK(d).update(onDelete="delete")),
     "tables[1].foreignKeys[0].onDelete"),
    ("onUpdate SET NULL", mutate(lambda d: FK(d).update(onUpdate="SET NULL")),
     "tables[1].foreignKeys[0].onUpdate"),
    ("foreign key notValid as a string", mutate(lambda d: FK(d).update(notValid="no")),
     "tables[1].foreignKeys[0].notValid"),
    ("initiallyDeferred without deferrable", mutate(lambda d: FK(d).update(initiallyDeferred=True)),
     "tables[1].foreignKeys[0]"),
    ("unique deferrable as a string",
     mutate(lambda d: USERS(d)["uniqueConstraints"][0].update(deferrable="yes")),
     "tables[0].uniqueConstraints[0].deferrable"),
    ("primary key initiallyDeferred without deferrable",
     mutate(lambda d: USERS(d)["primaryKey"].update(initiallyDeferred=True)), "tables[0].primaryKey"),
    ("unique initiallyDeferred without deferrable",
     mutate(lambda d: USERS(d)["uniqueConstraints"][0].update(initiallyDeferred=True, deferrable=False)),
     "tables[0].uniqueConstraints[0]"),
    ("primary key comment as a number", mutate(lambda d: USERS(d)["primaryKey"].update(comment=1)),
     "tables[0].primaryKey.comment"),
    ("foreign key match partial", mutate(lambda d: FK(d).update(match="partial")),
     "tables[1].foreignKeys[0].match"),
    ("foreign key comment as an array", mutate(lambda d: FK(d).update(comment=["x"])),
     "tables[1].foreignKeys[0].comment"),
    ("check noInherit as a string",
     mutate(lambda d: setk(USERS(d), "checks", [{"expression": "id > 0", "noInherit": "yes"}])),
     "tables[0].checks[0].noInherit"),
    ("index comment as a number", mutate(lambda d: IDX(d).update(comment=1)),
     "tables[0].indexes[0].comment"),
    ("index storage parameters as a string", mutate(lambda d: IDX(d).update(**{"with": "fillfactor=70"})),
     "tables[0].indexes[0].with"),
    ("table storage parameters as an array", mutate(lambda d: setk(USERS(d), "with", ["fillfactor"])),
     "tables[0].with"),
    ("storage parameter as an object", mutate(lambda d: setk(USERS(d), "with", {"fillfactor": {"v": 70}})),
     "tables[0].with.fillfactor"),
    ("storage parameter 2^53 + 1 as a number",
     mutate(lambda d: setk(USERS(d), "with", {"fillfactor": 9007199254740993})),
     "tables[0].with.fillfactor"),
    ("storage parameter with an empty name", mutate(lambda d: setk(USERS(d), "with", {"": 1})),
     "tables[0].with"),
    ("storage parameter with an empty namespace", mutate(lambda d: setk(USERS(d), "with", {".fillfactor": 1})),
     "tables[0].with"),
    ("enum without values", mutate(lambda d: ENUM(d).pop("values")), "enums[0]"),
    ("enum value as a number", mutate(lambda d: ENUM(d)["values"].append(1)), "enums[0].values[3]"),
    ("enum value object with an unknown key",
     mutate(lambda d: ENUM(d)["values"].append({"name": "x", "label": "X"})), "enums[0].values[3]"),
    ("empty enum value", mutate(lambda d: ENUM(d)["values"].append("")), "enums[0].values[3]"),
    ("unknown enum key", mutate(lambda d: setk(ENUM(d), "labels", [])), "enums[0]"),
]

for what, doc, at in invalid:
    errors = list(validator.iter_errors(doc))
    paths = [path_text(e.absolute_path) for e in all_errors(errors)]
    top = errors[0] if errors else None
    if not errors:
        report(False, "invalid: " + what, "the schema accepts it")
    elif not any(p.startswith(at) for p in paths):
        report(False, "invalid: " + what, "rejected at %s, not at %s: %s" % (
            path_text(top.absolute_path) or "(top)", at or "(top)", top.message[:200]))
    else:
        best = jsonschema.exceptions.best_match(errors)
        report(True, "invalid: %s (at %s: %s)" % (
            what, path_text(best.absolute_path) or "(top)", best.message[:100]))
    if db:
        state, p, msg = reader(doc)
        if state is None:
            report(False, "         and viborm.diff() rejects it", "it accepts it")
        elif state != "VB001" or not (p or "").startswith(at):
            report(False, "         and viborm.diff() rejects it with VB001 at " + (at or "(top)"),
                   "%s at %s: %s" % (state, p or "(top)", msg))
        else:
            report(True, "         and viborm.diff() rejects it with VB001 at %s" % (p or "(top)"))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY

# --- the model form: docs/model-form.schema.json ---------------------------------
# The blog (Example 1 of the model form, reference/examples/blog/model.json)
# and Example 2 are valid; documents with one defect each are invalid at the
# expected JSON path. (The reader's own answers for the model form are pinned
# by the unit tests, test/unit/test_model.c.)
MODEL_SCHEMA=docs/model-form.schema.json
model_files=(test/unit/data/blog-model.json test/unit/data/example2-model.json)
if [ -f ../shared/reference/examples/blog/model.json ]; then
	model_files+=(../shared/reference/examples/blog/model.json)
fi
echo "== $MODEL_SCHEMA"
VB_SCHEMA=$MODEL_SCHEMA "$PY" - "${model_files[@]}" <<'PY'
import copy
import json
import os
import sys

import jsonschema

passed = failed = 0


def report(ok, what, why=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok      " + what)
    else:
        failed += 1
        print("FAILED  " + what + (": " + why if why else ""))


def path_text(parts):
    out = ""
    for p in parts:
        out += "[%d]" % p if isinstance(p, int) else ("." if out else "") + p
    return out


def all_errors(errors):
    for e in errors:
        yield e
        yield from all_errors(e.context or [])


with open(os.environ["VB_SCHEMA"]) as f:
    schema = json.load(f)
try:
    jsonschema.Draft202012Validator.check_schema(schema)
    report(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema",
           "the model-form schema is a valid draft 2020-12 JSON Schema", "its $schema is not draft 2020-12")
except jsonschema.exceptions.SchemaError as e:
    report(False, "the model-form schema is a valid draft 2020-12 JSON Schema", e.message)
    sys.exit(1)
validator = jsonschema.Draft202012Validator(schema)

# Every optional key null, every alternative shape used once.
EDGES = {"models": {
    "m": {"tableName": None, "renamedFrom": "old_m", "relations": None, "compoundId": None,
          "compoundUniques": [{"name": "a_b", "fields": ["a", "b"]}],
          "indexes": [{"fields": ["a"], "options": None},
                      {"fields": ["b"], "options": {"name": "m_b", "unique": True, "type": "hash",
                                                    "where": "b > 0"}}],
          "fields": [
              {"key": "id", "type": "int", "isId": True, "autoGenerate": "increment", "nullable": None},
              {"key": "a", "type": "string", "columnName": "a_col", "default": "x", "renamedFrom": "a_old"},
              {"key": "b", "type": "float", "default": -1.5, "array": True},
              {"key": "c", "type": "boolean", "default": None, "nullable": True},
              {"key": "d", "type": "datetime", "withTimezone": False, "autoGenerate": "updatedAt"},
              {"key": "e", "type": "enum", "enumName": "kind", "array": True,
               "enumValues": ["x", {"name": "y", "renamedFrom": "z"}, {"name": "w", "renamedFrom": None}]},
              {"key": "v", "type": "vector", "dimension": 3, "array": False},
              {"key": "n", "type": "decimal", "nativeType": {"db": "mysql", "type": "DECIMAL(12,4)"}},
          ]},
    "c": {"fields": [{"key": "x", "type": "int"}, {"key": "y", "type": "int"}],
          "compoundId": {"name": "x_y", "fields": ["x", "y"]}},
    "k": {"fields": [{"key": "id", "type": "bigint", "isId": True}, {"key": "x", "type": "int"}],
          "relations": [{"key": "m", "type": "manyToOne", "target": "m", "fields": ["x"], "references": ["id"],
                         "optional": None, "onDelete": "cascade", "onUpdate": None, "name": None},
                        {"key": "ms", "type": "manyToMany", "target": "m", "through": "k_m", "A": "kx",
                         "B": "mx", "onDelete": None}]},
}}

valid = [("a model document using every edge of the format", EDGES)]
for path in sys.argv[1:]:
    with open(path) as f:
        valid.append((path, json.load(f)))
for what, doc in valid:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    report(not errors, "valid:   " + what,
           "; ".join("%s: %s" % (path_text(e.absolute_path) or "(top)", e.message[:200]) for e in errors[:5]))

with open(sys.argv[1]) as f:
    BLOG = json.load(f)


def mutate(fn):
    doc = copy.deepcopy(BLOG)
    fn(doc)
    return doc


M = lambda d, m: d["models"][m]
F = lambda d, m, i: d["models"][m]["fields"][i]
R = lambda d, m, i: d["models"][m]["relations"][i]

invalid = [
    ("the snapshot form's tables", mutate(lambda d: d.update(tables=[])), ""),
    ("models as an array", mutate(lambda d: d.update(models=[])), "models"),
    ("unknown model key", mutate(lambda d: M(d, "post").update(table="posts")), "models.post"),
    ("model without fields", mutate(lambda d: M(d, "tag").pop("fields")), "models.tag"),
    ("tableName of 64 characters", mutate(lambda d: M(d, "user").update(tableName="u" * 64)),
     "models.user.tableName"),
    ("unknown field type", mutate(lambda d: F(d, "user", 1).update(type="text")), "models.user.fields[1].type"),
    ("field without key", mutate(lambda d: F(d, "user", 1).pop("key")), "models.user.fields[1]"),
    ("nullable as a string", mutate(lambda d: F(d, "profile", 2).update(nullable="yes")),
     "models.profile.fields[2].nullable"),
    ("default as an object", mutate(lambda d: F(d, "post", 4).update(default={"sql": "1"})),
     "models.post.fields[4].default"),
    ("enum without values", mutate(lambda d: F(d, "user", 3).pop("enumValues")), "models.user.fields[3]"),
    ("dimension on a string", mutate(lambda d: F(d, "user", 1).update(dimension=3)),
     "models.user.fields[1].dimension"),
    ("increment on a string", mutate(lambda d: F(d, "user", 1).update(autoGenerate="increment")),
     "models.user.fields[1].autoGenerate"),
    ("json array", mutate(lambda d: F(d, "post", 3).update(type="json", array=True)),
     "models.post.fields[3].array"),
    ("nativeType for oracle", mutate(lambda d: F(d, "post", 3).update(nativeType={"db": "oracle", "type": "CLOB"})),
     "models.post.fields[3].nativeType"),
    ("unknown relation type", mutate(lambda d: R(d, "post", 0).update(type="manyToSome")),
     "models.post.relations[0].type"),
    ("relation without target", mutate(lambda d: R(d, "post", 0).pop("target")), "models.post.relations[0]"),
    ("fields on a oneToMany", mutate(lambda d: R(d, "user", 0).update(fields=["id"], references=["authorId"])),
     "models.user.relations[0]"),
    ("through on a manyToOne", mutate(lambda d: R(d, "post", 0).update(through="x")),
     "models.post.relations[0].through"),
    ("fields without references", mutate(lambda d: R(d, "post", 0).pop("references")), "models.post.relations[0]"),
    ("onDelete setDefault", mutate(lambda d: R(d, "post", 0).update(onDelete="setDefault")),
     "models.post.relations[0].onDelete"),
    ("index type bitmap", mutate(lambda d: M(d, "post")["indexes"][0]["options"].update(type="bitmap")),
     "models.post.indexes[0].options.type"),
    ("index without fields", mutate(lambda d: M(d, "post")["indexes"][0].pop("fields")), "models.post.indexes[0]"),
    ("compound unique naming a field twice",
     mutate(lambda d: M(d, "post")["compoundUniques"][0].update(fields=["slug", "slug"])),
     "models.post.compoundUniques[0].fields"),
]

for what, doc, at in invalid:
    errors = list(validator.iter_errors(doc))
    paths = [path_text(e.absolute_path) for e in all_errors(errors)]
    if not errors:
        report(False, "invalid: " + what, "the schema accepts it")
    elif not any(p.startswith(at) for p in paths):
        report(False, "invalid: " + what, "rejected at %s, not at %s" % (paths[0] or "(top)", at or "(top)"))
    else:
        best = jsonschema.exceptions.best_match(errors)
        report(True, "invalid: %s (at %s: %s)" % (what, path_text(best.absolute_path) or "(top)",
                                                  best.message[:100]))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
