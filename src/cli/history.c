/*
 * history.c — the checksum and the JSON forms of a push's statements, for
 * the drivers that record history themselves (history.h).
 */
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <openssl/evp.h>

#include "history.h"
#include "vb_json.h"

double
cli_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return (double) t.tv_sec + t.tv_nsec / 1e9;
}

char *
cli_sha256_hex(vb_arena *arena, const char *data, size_t len)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	char	   *hex;
	unsigned int i;

	EVP_Digest(data, len, digest, &n, EVP_sha256(), NULL);
	hex = vb_alloc(arena, (size_t) n * 2 + 1);
	for (i = 0; i < n; i++)
	{
		hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
		hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 15];
	}
	return hex;
}

char *
cli_plan_statements_joined(vb_arena *arena, const vb_plan *plan)
{
	vb_buf		buf;
	int			i;
	int			j;

	vb_buf_init(&buf, arena);
	vb_buf_append(&buf, "");
	for (i = 0; i < plan->operations.count; i++)
	{
		const vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->sql.count; j++)
		{
			if (buf.len)
				vb_buf_append(&buf, ";\n");
			vb_buf_append(&buf, op->sql.items[j]);
		}
	}
	return buf.data;
}

/* Print a cJSON tree into the arena and free it. */
char *
cli_plan_statements_json_upto(vb_arena *arena, const vb_plan *plan, int count)
{
	cJSON	   *array = cJSON_CreateArray();
	int			n = 0;
	int			i;
	int			j;

	for (i = 0; i < plan->operations.count; i++)
	{
		const vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->sql.count && (count < 0 || n < count); j++, n++)
			cJSON_AddItemToArray(array, cJSON_CreateString(op->sql.items[j]));
	}
	return vb_json_print(arena, array);
}

char *
cli_plan_statements_json(vb_arena *arena, const vb_plan *plan)
{
	return cli_plan_statements_json_upto(arena, plan, -1);
}

void
cli_json_string_list(vb_arena *arena, const char *json, vb_list *out)
{
	cJSON	   *array = cJSON_Parse(json);
	cJSON	   *item;

	cJSON_ArrayForEach(item, array)
		if (cJSON_IsString(item))
		vb_list_push(arena, out, vb_strdup(arena, item->valuestring));
	cJSON_Delete(array);
}
