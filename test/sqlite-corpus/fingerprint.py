#!/usr/bin/env python3
"""Catalog fingerprint of a SQLite database, without viborm.

    fingerprint.py FILE.db

Prints one line per fact of the user's schema, sorted, from SQLite's own
catalog: sqlite_schema, PRAGMA table_list, table_xinfo, index_list,
index_xinfo and foreign_key_list. What no pragma shows (CHECK constraints,
column COLLATE, AUTOINCREMENT, generation expressions, constraint names,
DEFERRABLE, index expressions and predicates) is read from the stored CREATE
text with the small tokenizer below, written for this test and sharing no
code with viborm.

Two databases that fingerprint alike have the same schema as SQLite sees
it. What is normalised, and why (the desired database is built from
hand-written DDL, the migrated one from the DDL viborm writes, so the same
schema is spelled differently):

- column order is left out (CONTRACT: equality "column order aside"; ADD
  COLUMN appends);
- declared types: ASCII upper case, no space around parentheses and commas
  (SQLite uses the declared type case-insensitively, for its affinity);
- expressions (defaults, checks, generated columns, index expressions and
  predicates, view and trigger bodies): tokens joined by one space,
  keywords and identifiers in upper case, identifier quotes removed where
  the name does not need them, `==` as `=` and `!=` as `<>` (one operator
  each in SQLite's grammar), parentheses around the whole expression or
  around a single token removed (they change nothing); string literals are
  kept exactly;
- DEFAULT NULL is no default (SQLite's default of a column without one);
- NOT NULL of the rowid column and of the key columns of WITHOUT ROWID and
  STRICT tables is always 1 (SQLite never lets them hold NULL, whether the
  text says NOT NULL or not);
- a foreign key without parent columns names the parent's primary key
  (SQLite's rule); the key's position in foreign_key_list is left out;
- the automatic indexes of UNIQUE and PRIMARY KEY constraints are listed by
  their columns, not their sqlite_autoindex_T_N names (N counts the table's
  constraints in text order);
- a constraint name equal to the one viborm gives an unnamed constraint
  (<table>_pkey, <table>_<cols>_key, <table>_<cols>_fkey,
  <table>_<col>_check, <table>_check), or that name numbered (t_a_key1,
  when an index already has t_a_key), counts as no name: viborm writes the
  names of unnamed constraints, SQLite keeps none for them;
- viborm's own tables (_viborm_history, _viborm_snapshot, _viborm_migrations) are left out.
"""
import re
import sqlite3
import sys

KEYWORDS = set("""
ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE
BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE
CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE
DEFERRED DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE
EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP
GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD
INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT
NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA
PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME
REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT SET TABLE TEMP
TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM
VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT TRUE FALSE
""".split())

TOKEN = re.compile(r"""
    (?P<space>\s+|--[^\n]*|/\*.*?(\*/|$))
  | (?P<string>'(?:[^']|'')*')
  | (?P<blob>[xX]'[0-9a-fA-F]*')
  | (?P<qident>"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\])
  | (?P<number>0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_\x80-\uffff][A-Za-z0-9_$\x80-\uffff]*)
  | (?P<op>\|\||->>|->|<<|>>|<=|>=|==|!=|<>|[-+*/%<>=~&|(),.;?:@$])
""", re.X | re.S)


def tokens(text):
    """(kind, text) pairs; identifiers dequoted as ('ident', name)."""
    out = []
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError("cannot tokenize at %r" % text[pos:pos + 20])
        pos = m.end()
        kind = m.lastgroup
        t = m.group(kind)
        if kind == "space":
            continue
        if kind == "qident":
            q = t[0]
            body = t[1:-1]
            if q == '"':
                body = body.replace('""', '"')
            elif q == "`":
                body = body.replace("``", "`")
            out.append(("ident", body))
        elif kind == "word":
            if t.upper() in KEYWORDS:
                out.append(("kw", t.upper()))
            else:
                out.append(("ident", t))
        else:
            out.append((kind, t))
    return out


def ident_text(name):
    """A name as normalised text: upper case, quoted only if it must be."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and name.upper() not in KEYWORDS:
        return name.upper()
    return '"' + name.upper().replace('"', '""') + '"'


def matching(toks, i):
    """Index of the parenthesis closing the one at i."""
    depth = 0
    for j in range(i, len(toks)):
        if toks[j] == ("op", "("):
            depth += 1
        elif toks[j] == ("op", ")"):
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced parentheses")


def strip_parens(toks):
    while len(toks) >= 2 and toks[0] == ("op", "(") and matching(toks, 0) == len(toks) - 1:
        toks = toks[1:-1]
    # a single token in parentheses: (x) is x
    out = []
    i = 0
    while i < len(toks):
        if (toks[i] == ("op", "(") and i + 2 < len(toks) and toks[i + 2] == ("op", ")")
                and toks[i + 1][0] != "op" and not (i > 0 and toks[i - 1][0] in ("ident", "kw"))):
            out.append(toks[i + 1])
            i += 3
            continue
        out.append(toks[i])
        i += 1
    return out


def norm_tokens(toks):
    parts = []
    for kind, t in strip_parens(list(toks)):
        if kind == "ident":
            parts.append(ident_text(t))
        elif kind == "op":
            parts.append({"==": "=", "!=": "<>"}.get(t, t))
        elif kind == "blob":
            parts.append(t.upper())
        elif kind == "number":
            parts.append(t.lower())
        else:
            parts.append(t)
    return " ".join(parts)


def norm_expr(text):
    return None if text is None else norm_tokens(tokens(text))


def norm_default(text):
    """DEFAULT NULL is the default of a column without DEFAULT."""
    d = norm_expr(text)
    return None if d == "NULL" else d


def norm_type(text):
    t = re.sub(r"\s+", " ", (text or "").strip().upper())
    return re.sub(r"\s*([(),])\s*", r"\1", t)


def split_top(toks, sep=("op", ",")):
    """Split a token list at top-level separators."""
    parts, cur, depth = [], [], 0
    for tok in toks:
        if tok == ("op", "("):
            depth += 1
        elif tok == ("op", ")"):
            depth -= 1
        if tok == sep and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(tok)
    if cur:
        parts.append(cur)
    return parts


def paren_group(toks, i):
    """The tokens inside the parentheses opening at i, and the index after."""
    j = matching(toks, i)
    return toks[i + 1:j], j + 1


def name_list(toks):
    """Column names of a key list: names, COLLATE and ASC/DESC dropped."""
    names = []
    for part in split_top(toks):
        names.append(part[0][1])
    return names


CONSTRAINT_START = {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
                    "COLLATE", "REFERENCES", "GENERATED", "AS"}


class Table:
    def __init__(self, name):
        self.name = name
        self.columns = {}        # lower name -> dict(collate, generated, autoinc)
        self.checks = []         # (name, expr)
        self.names = {}          # (kind, cols tuple) -> name
        self.fk_extra = {}       # (cols, parent) -> (name, deferrable)
        self.autoincrement = False


def parse_fk_clause(toks, i):
    """REFERENCES parent (cols) actions...: (parent, cols, deferrable text, next i)."""
    parent = toks[i][1]
    i += 1
    cols = []
    if i < len(toks) and toks[i] == ("op", "("):
        inner, i = paren_group(toks, i)
        cols = name_list(inner)
    defer = ""
    while i < len(toks):
        kind, t = toks[i]
        if t == "MATCH":
            i += 2
            continue
        if t == "ON":
            # ON DELETE|UPDATE SET NULL|SET DEFAULT|CASCADE|RESTRICT|NO ACTION
            i += 2
            i += 2 if toks[i][1] in ("SET", "NO") else 1
            continue
        if t == "NOT" and i + 1 < len(toks) and toks[i + 1][1] == "DEFERRABLE":
            i += 2
            defer = "not deferrable"
            continue
        if t == "DEFERRABLE":
            i += 1
            defer = "deferrable"
            if i + 1 < len(toks) and toks[i][1] == "INITIALLY":
                defer += " initially " + toks[i + 1][1].lower()
                i += 2
            continue
        break
    if defer in ("deferrable initially immediate", "not deferrable"):
        defer = ""
    return parent, cols, defer, i


def parse_create_table(sql, name):
    t = Table(name)
    toks = tokens(sql)
    i = 0
    while toks[i] != ("op", "("):
        i += 1
    body, i = paren_group(toks, i)
    t.options = " ".join(tok[1].upper() for tok in toks[i:])
    for part in split_top(body):
        head = part[0]
        if head[0] == "kw" and head[1] in ("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"):
            parse_table_constraint(t, part)
        else:
            parse_column(t, part)
    return t


def parse_column(t, part):
    col = part[0][1]
    info = {"collate": None, "generated": None}
    t.columns[col.lower()] = info
    i = 1
    while i < len(part) and not (part[i][0] == "kw" and part[i][1] in CONSTRAINT_START):
        i += 1 if part[i] != ("op", "(") else matching(part, i) - i + 1
    cname = None
    while i < len(part):
        kind, w = part[i]
        if w == "CONSTRAINT":
            cname = part[i + 1][1]
            i += 2
            continue
        if w == "PRIMARY":
            t.names[("pk", (col.lower(),))] = cname
            i += 2
            while i < len(part) and part[i][1] in ("ASC", "DESC", "AUTOINCREMENT", "ON", "CONFLICT",
                                                   "ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE"):
                if part[i][1] == "AUTOINCREMENT":
                    t.autoincrement = True
                i += 1
        elif w == "UNIQUE":
            t.names.setdefault(("unique", (col.lower(),)), cname)
            i += 1
        elif w == "CHECK":
            inner, i = paren_group(part, i + 1)
            t.checks.append((cname, norm_tokens(inner), [col]))
        elif w == "REFERENCES":
            parent, cols, defer, i = parse_fk_clause(part, i + 1)
            t.fk_extra[((col.lower(),), parent.lower(), tuple(c.lower() for c in cols))] = (cname, defer)
        elif w == "COLLATE":
            info["collate"] = part[i + 1][1].upper()
            i += 2
        elif w == "DEFAULT":
            i += 1
            if part[i] == ("op", "("):
                _, i = paren_group(part, i)
            else:
                i += 2 if part[i][1] in ("-", "+") else 1
        elif w in ("GENERATED", "AS"):
            while part[i] != ("op", "("):
                i += 1
            inner, i = paren_group(part, i)
            info["generated"] = norm_tokens(inner)
            if i < len(part) and part[i][1] in ("STORED", "VIRTUAL"):
                i += 1
        elif w in ("NOT", "NULL", "ON", "CONFLICT", "ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE"):
            i += 1
        else:
            i += 1
        if w != "CONSTRAINT":
            cname = None


def parse_table_constraint(t, part):
    cname = None
    i = 0
    while i < len(part):
        w = part[i][1]
        if w == "CONSTRAINT":
            cname = part[i + 1][1]
            i += 2
        elif w == "PRIMARY":
            inner, i = paren_group(part, i + 2)
            cols = tuple(c.lower() for c in name_list(inner))
            t.names[("pk", cols)] = cname
            if any(tok[1] == "AUTOINCREMENT" for tok in inner):
                t.autoincrement = True
        elif w == "UNIQUE":
            inner, i = paren_group(part, i + 1)
            t.names.setdefault(("unique", tuple(c.lower() for c in name_list(inner))), cname)
        elif w == "CHECK":
            inner, i = paren_group(part, i + 1)
            t.checks.append((cname, norm_tokens(inner), None))
        elif w == "FOREIGN":
            inner, i = paren_group(part, i + 2)
            cols = tuple(c.lower() for c in name_list(inner))
            parent, pcols, defer, i = parse_fk_clause(part, i + 1)
            t.fk_extra[(cols, parent.lower(), tuple(c.lower() for c in pcols))] = (cname, defer)
        else:
            i += 1
            continue
        cname = None if w != "CONSTRAINT" else cname


def default_name(kind, table, cols):
    if kind == "pk":
        return table + "_pkey"
    return "%s_%s_%s" % (table, "_".join(cols), {"unique": "key", "fk": "fkey"}[kind])


def shown_name(name, *defaults):
    # viborm numbers an unnamed constraint's name past one already taken
    # by a table or index (t_a_key1): PostgreSQL's rule, CONTRACT section 1
    if name is None or re.sub(r"[0-9]+$", "", name.lower()) in (d.lower() for d in defaults) \
            or name.lower() in (d.lower() for d in defaults):
        return "-"
    return name


def check_column(expr_text, columns):
    """The one column a check uses, if one (for its default name)."""
    used = set()
    for kind, t in tokens(expr_text):
        if kind == "ident" and t.lower() in columns:
            used.add(t.lower())
    return used.pop() if len(used) == 1 else None


def fingerprint(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    q = db.execute
    objects = q("SELECT type, name, tbl_name, sql FROM sqlite_schema"
                " WHERE substr(name, 1, 7) <> 'sqlite_' AND name NOT IN"
                " ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')"
                " AND tbl_name NOT IN ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')").fetchall()
    tables = [(n, sql) for (ty, n, _, sql) in objects if ty == "table"]
    info = {}
    blocks = {}
    for name, sql in tables:
        lines = blocks.setdefault(name, [])
        strict, wr = q("SELECT strict, wr FROM pragma_table_list WHERE schema = 'main' AND name = ?",
                       (name,)).fetchone()
        t = parse_create_table(sql, name)
        info[name.lower()] = t
        lines.append("table %s strict=%d withoutRowid=%d autoincrement=%d"
                     % (ident_text(name), strict, wr, t.autoincrement))
        cols = q("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?, 'main')",
                 (name,)).fetchall()
        t.pk = [c[0] for c in sorted((c for c in cols if c[4]), key=lambda c: c[4])]
        rowid = (not wr and len(t.pk) == 1 and
                 norm_type([c[1] for c in cols if c[0] == t.pk[0]][0]) == "INTEGER")
        for cname, ctype, notnull, dflt, pk, hidden in cols:
            extra = t.columns.get(cname.lower(), {})
            if pk and (wr or strict or rowid):
                notnull = 1
            lines.append("  column %s.%s type=%s notnull=%d default=%s pk=%d hidden=%d collate=%s generated=%s"
                         % (ident_text(name), ident_text(cname), norm_type(ctype), notnull,
                            norm_default(dflt), pk, hidden, extra.get("collate") or "BINARY",
                            extra.get("generated")))
        pk_name = [v for k, v in t.names.items() if k[0] == "pk"]
        if t.pk:
            lines.append("  primaryKey %s (%s) name=%s" % (
                ident_text(name), ", ".join(ident_text(c) for c in t.pk),
                shown_name(pk_name[0] if pk_name else None, default_name("pk", name, t.pk))))
        colnames = {c[0].lower() for c in cols}
        for cname, expr, on in t.checks:
            col = check_column(expr, colnames)
            defaults = ["%s_check" % name] + (["%s_%s_check" % (name, col)] if col else [])
            defaults += [d + str(n) for d in list(defaults) for n in range(1, 4)]
            lines.append("  check %s name=%s (%s)" % (ident_text(name), shown_name(cname, *defaults), expr))
        for (seq, iname, unique, origin, partial) in q(
                "SELECT seq, name, \"unique\", origin, partial FROM pragma_index_list(?, 'main')", (name,)):
            elems = []
            for (seqno, cid, ecol, desc, coll, key) in q(
                    "SELECT seqno, cid, name, desc, coll, key FROM pragma_index_xinfo(?, 'main')"
                    " WHERE key ORDER BY seqno", (iname,)):
                elems.append((ident_text(ecol) if ecol is not None else
                              "<expr>" if cid == -2 else "<rowid>", desc, coll.upper()))
            if origin == "c":
                isql = [s for (ty, n, _, s) in objects if ty == "index" and n == iname][0]
                itoks = tokens(isql)
                on_at = next(k for k, tok in enumerate(itoks) if tok == ("kw", "ON"))
                inner, after = paren_group(itoks, on_at + 2)
                exprs = []
                for part, elem in zip(split_top(inner), elems):
                    if elem[0] == "<expr>":
                        body = []
                        for tok in part:
                            if tok[1] in ("COLLATE", "ASC", "DESC"):
                                break
                            body.append(tok)
                        exprs.append(norm_tokens(body))
                where = norm_tokens(itoks[after + 1:]) if partial else None
                lines.append("  index %s on %s unique=%d partial=%d where=%s (%s)" % (
                    ident_text(iname), ident_text(name), unique, partial, where,
                    ", ".join("%s desc=%d coll=%s" % e for e in elems)
                    + ("" if not exprs else " exprs: " + " | ".join(exprs))))
            else:
                keycols = tuple(e[0].lower() for e in elems)
                cname = t.names.get(("unique" if origin == "u" else "pk", keycols))
                lines.append("  %s %s (%s) name=%s" % (
                    "unique" if origin == "u" else "pkIndex", ident_text(name),
                    ", ".join("%s desc=%d coll=%s" % e for e in elems),
                    shown_name(cname, default_name("unique", name, [e[0].lower() for e in elems]),
                               default_name("unique", name, [c for c in (t.pk if origin == "pk" else [])]),
                               default_name("pk", name, []))))
        fks = {}
        for (fid, seq, parent, frm, to, on_update, on_delete, match) in q(
                "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, match"
                " FROM pragma_foreign_key_list(?, 'main') ORDER BY id, seq", (name,)):
            fks.setdefault(fid, []).append((parent, frm, to, on_update, on_delete, match))
        t.fks = fks
    for name, _ in tables:
        t = info[name.lower()]
        lines = blocks[name]
        for fid, rows in t.fks.items():
            parent = rows[0][0]
            frm = tuple(r[1].lower() for r in rows)
            to = [r[2] for r in rows]
            given = tuple(c.lower() for c in to if c is not None)
            if None in to:
                pt = info.get(parent.lower())
                to = pt.pk if pt else to
            cname, defer = t.fk_extra.get((frm, parent.lower(), given), (None, "?"))
            lines.append("  foreignKey %s (%s) -> %s (%s) onUpdate=%s onDelete=%s match=%s %s name=%s" % (
                ident_text(name), ", ".join(ident_text(c) for c in frm), ident_text(parent),
                ", ".join(ident_text(c) for c in to), rows[0][3], rows[0][4], rows[0][5],
                defer or "immediate", shown_name(cname, default_name("fk", name, list(frm)))))
    for ty, n, tbl, sql in objects:
        if ty in ("view", "trigger"):
            blocks[(ty, n)] = ["%s %s on %s: %s" % (ty, ident_text(n), ident_text(tbl), norm_expr(sql))]
    # each table's lines under it, tables and their lines sorted
    for block in sorted(blocks.values(), key=lambda b: b[0]):
        print(block[0])
        for line in sorted(block[1:]):
            print(line)


if __name__ == "__main__":
    fingerprint(sys.argv[1])
