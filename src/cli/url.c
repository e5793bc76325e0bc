/*
 * url.c — classifying database URLs and masking their passwords (url.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "url.h"

const char *
cli_target_name(cli_target_kind kind)
{
	switch (kind)
	{
		case CLI_TARGET_POSTGRES:
			return "PostgreSQL";
		case CLI_TARGET_SQLITE:
			return "SQLite";
		case CLI_TARGET_MYSQL:
			return "MySQL/MariaDB";
	}
	return "?";
}

static bool
starts_with_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static bool
ends_with_ci(const char *s, const char *suffix)
{
	size_t		n = strlen(s);
	size_t		m = strlen(suffix);

	return n > m && strcasecmp(s + n - m, suffix) == 0;
}

/* After "scheme://" when `text` starts with a URI scheme, else NULL. */
static const char *
after_scheme(const char *text)
{
	const char *p = text;

	if (!isalpha((unsigned char) *p))
		return NULL;
	while (isalnum((unsigned char) *p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return strncmp(p, "://", 3) == 0 ? p + 3 : NULL;
}

/* A libpq connection string starts with "keyword =". */
static bool
looks_like_conninfo(const char *text)
{
	const char *p = text;

	while (isspace((unsigned char) *p))
		p++;
	if (!isalpha((unsigned char) *p))
		return false;
	while (isalnum((unsigned char) *p) || *p == '_')
		p++;
	while (isspace((unsigned char) *p))
		p++;
	return *p == '=';
}

/* ---- masking ---------------------------------------------------------- */

/* Query parameters "?a=1&password=x#f": password values become "***". */
static void
mask_query(vb_buf *out, const char *q)
{
	while (*q && *q != '#')
	{
		size_t		len = strcspn(q, "&#");

		if (len >= 9 && strncmp(q, "password=", 9) == 0)
			vb_buf_append(out, "password=***");
		else
			vb_buf_appendn(out, q, len);
		q += len;
		if (*q == '&')
			vb_buf_appendc(out, *q++);
	}
	vb_buf_append(out, q);
}

static const char *
mask_uri(vb_arena *arena, const char *text, const char *rest)
{
	vb_buf		out;
	size_t		authority = strcspn(rest, "/?#");
	const char *at = NULL;
	const char *p;
	const char *query;

	vb_buf_init(&out, arena);
	vb_buf_appendn(&out, text, (size_t) (rest - text));
	for (p = rest; p < rest + authority; p++)
		if (*p == '@')
			at = p;
	p = at ? memchr(rest, ':', (size_t) (at - rest)) : NULL;
	if (p)
	{
		vb_buf_appendn(&out, rest, (size_t) (p - rest));
		vb_buf_append(&out, ":***");
		vb_buf_appendn(&out, at, (size_t) (rest + authority - at));
	}
	else
		vb_buf_appendn(&out, rest, authority);
	p = rest + authority;
	query = strchr(p, '?');
	if (query == NULL || (strchr(p, '#') && strchr(p, '#') < query))
	{
		vb_buf_append(&out, p);
		return out.data;
	}
	vb_buf_appendn(&out, p, (size_t) (query + 1 - p));
	mask_query(&out, query + 1);
	return out.data;
}

/* "host=x password='a b' dbname=y": the password's value becomes ***. */
static const char *
mask_conninfo(vb_arena *arena, const char *text)
{
	vb_buf		out;
	const char *p = text;

	vb_buf_init(&out, arena);
	while (*p)
	{
		const char *start;
		bool		is_password;

		while (isspace((unsigned char) *p))
			vb_buf_appendc(&out, *p++);
		start = p;
		while (*p && *p != '=' && !isspace((unsigned char) *p))
			p++;
		is_password = (size_t) (p - start) == 8 && strncmp(start, "password", 8) == 0;
		vb_buf_appendn(&out, start, (size_t) (p - start));
		while (isspace((unsigned char) *p))
			vb_buf_appendc(&out, *p++);
		if (*p != '=')
			continue;
		vb_buf_appendc(&out, *p++);
		while (isspace((unsigned char) *p))
			vb_buf_appendc(&out, *p++);
		start = p;
		if (*p == '\'')
		{
			for (p++; *p && *p != '\''; p++)
				if (*p == '\\' && p[1])
					p++;
			if (*p)
				p++;
		}
		else
			while (*p && !isspace((unsigned char) *p))
				p++;
		if (is_password)
			vb_buf_append(&out, "***");
		else
			vb_buf_appendn(&out, start, (size_t) (p - start));
	}
	return out.len ? out.data : vb_strdup(arena, "");
}

const char *
cli_url_mask(vb_arena *arena, const char *text)
{
	const char *rest = after_scheme(text);

	if (rest)
		return mask_uri(arena, text, rest);
	if (looks_like_conninfo(text))
		return mask_conninfo(arena, text);
	return vb_strdup(arena, text);
}

/* ---- MySQL URLs ------------------------------------------------------- */

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char) tolower((unsigned char) c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decode s[0..n); NULL when a %XX escape is malformed. */
static char *
decode(vb_arena *arena, const char *s, size_t n)
{
	char	   *out = vb_alloc(arena, n + 1);
	size_t		i;
	size_t		j = 0;

	for (i = 0; i < n; i++)
	{
		if (s[i] != '%')
		{
			out[j++] = s[i];
			continue;
		}
		if (i + 2 >= n || hex_digit(s[i + 1]) < 0 || hex_digit(s[i + 2]) < 0)
			return NULL;
		out[j++] = (char) (hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
		i += 2;
	}
	out[j] = '\0';
	return out;
}

static bool
mysql_fail(vb_arena *arena, const cli_url *url, vb_error *err, const char *what)
{
	return vb_fail(err, arena, CLI_ERR_USAGE, NULL, "invalid MySQL URL %s: %s", url->masked, what);
}

/* host, [v6host] and :port of the authority s[0..n) */
static bool
parse_host_port(vb_arena *arena, cli_url *url, const char *s, size_t n, vb_error *err)
{
	const char *port = NULL;
	size_t		host_len = n;

	if (n > 0 && s[0] == '[')
	{
		const char *close = memchr(s, ']', n);

		if (close == NULL)
			return mysql_fail(arena, url, err, "an IPv6 host needs its closing ']'");
		url->host = vb_strndup(arena, s + 1, (size_t) (close - s - 1));
		if (close + 1 < s + n)
		{
			if (close[1] != ':')
				return mysql_fail(arena, url, err, "unexpected text after the host");
			port = close + 2;
		}
	}
	else
	{
		const char *colon = memchr(s, ':', n);

		if (colon)
		{
			host_len = (size_t) (colon - s);
			port = colon + 1;
		}
		if (host_len > 0 && (url->host = decode(arena, s, host_len)) == NULL)
			return mysql_fail(arena, url, err, "a bad %-escape in the host");
	}
	if (port)
	{
		char	   *end;
		long		v = strtol(port, &end, 10);

		if (end == port || end != s + n || v < 1 || v > 65535)
			return mysql_fail(arena, url, err, "the port must be a number from 1 to 65535");
		url->port = (int) v;
	}
	return true;
}

static bool
parse_mysql_query(vb_arena *arena, cli_url *url, const char *q, vb_error *err)
{
	while (*q && *q != '#')
	{
		size_t		len = strcspn(q, "&#");

		if (len > 7 && strncmp(q, "socket=", 7) == 0)
		{
			if ((url->socket = decode(arena, q + 7, len - 7)) == NULL)
				return mysql_fail(arena, url, err, "a bad %-escape in the socket path");
		}
		else if (len > 0)
			return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
						   "invalid MySQL URL %s: unknown parameter \"%.*s\" (known: socket=PATH)",
						   url->masked, (int) strcspn(q, "=&#"), q);
		q += len;
		if (*q == '&')
			q++;
	}
	return true;
}

static bool
parse_mysql(vb_arena *arena, cli_url *url, const char *rest, vb_error *err)
{
	size_t		authority = strcspn(rest, "/?#");
	const char *at = NULL;
	const char *host = rest;
	const char *p;

	for (p = rest; p < rest + authority; p++)
		if (*p == '@')
			at = p;
	if (at)
	{
		const char *colon = memchr(rest, ':', (size_t) (at - rest));
		size_t		user_len = colon ? (size_t) (colon - rest) : (size_t) (at - rest);

		url->user = decode(arena, rest, user_len);
		if (colon)
			url->password = decode(arena, colon + 1, (size_t) (at - colon - 1));
		if (url->user == NULL || (colon && url->password == NULL))
			return mysql_fail(arena, url, err, "a bad %-escape in the user or password");
		if (url->user[0] == '\0')
			url->user = NULL;
		host = at + 1;
	}
	if (!parse_host_port(arena, url, host, (size_t) (rest + authority - host), err))
		return false;
	p = rest + authority;
	if (*p == '/')
	{
		size_t		len = strcspn(p + 1, "?#");

		if (len > 0 && (url->database = decode(arena, p + 1, len)) == NULL)
			return mysql_fail(arena, url, err, "a bad %-escape in the database name");
		p += 1 + len;
	}
	if (*p == '?')
		return parse_mysql_query(arena, url, p + 1, err);
	return true;
}

/* ---- classification --------------------------------------------------- */

bool
cli_url_parse(vb_arena *arena, const char *text, cli_url *out, vb_error *err)
{
	const char *rest = after_scheme(text);

	memset(out, 0, sizeof(*out));
	out->text = text;
	out->masked = cli_url_mask(arena, text);
	if (starts_with_ci(text, "sqlite:"))
	{
		out->kind = CLI_TARGET_SQLITE;
		out->path = text + 7;
		if (strncmp(out->path, "//", 2) == 0)
			out->path += 2;		/* sqlite:///abs/path, sqlite://rel/path */
		if (out->path[0] == '\0')
			return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
						   "the SQLite URL \"%s\" names no file", out->masked);
		return true;
	}
	if (rest && (starts_with_ci(text, "mysql://") || starts_with_ci(text, "mariadb://")))
	{
		out->kind = CLI_TARGET_MYSQL;
		out->mariadb = starts_with_ci(text, "mariadb://");
		return parse_mysql(arena, out, rest, err);
	}
	if (rest && (starts_with_ci(text, "postgres://") || starts_with_ci(text, "postgresql://")))
	{
		out->kind = CLI_TARGET_POSTGRES;
		return true;
	}
	if (rest)
		return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
					   "unknown kind of URL \"%s\": viborm knows sqlite:, mysql://, mariadb://, postgres:// and postgresql://",
					   out->masked);
	if (ends_with_ci(text, ".db") || ends_with_ci(text, ".sqlite") || ends_with_ci(text, ".sqlite3"))
	{
		out->kind = CLI_TARGET_SQLITE;
		out->path = text;
		return true;
	}
	if (looks_like_conninfo(text))
	{
		out->kind = CLI_TARGET_POSTGRES;
		return true;
	}
	return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
				   "cannot tell which database \"%s\" is: give sqlite:PATH (or a path ending in .db, .sqlite or .sqlite3), mysql://..., postgres://... or a libpq \"key=value\" string",
				   out->masked);
}
