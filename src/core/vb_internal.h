/*
 * vb_internal.h — declarations shared between the core's own files only.
 */
#ifndef VB_INTERNAL_H
#define VB_INTERNAL_H

#include "vb.h"

extern const char *const vb_pg_quoted_keywords[];
extern const int vb_pg_quoted_keyword_count;


/* <table>_<columns>_<label> with any label ("idx1", "key2", ...). */
char	   *vb_default_name(vb_arena *arena, const char *table,
							const vb_list *columns, const char *label);

/* Join a list of identifiers, each quoted, with ", ". */
char	   *vb_quote_ident_list(vb_arena *arena, const vb_list *idents);

/* The end of the (possibly qualified, possibly quoted) type name at p. */
const char *vb_type_name_end(const char *p);

/* Truncate to a whole number of UTF-8 characters within max_bytes. */
size_t		vb_utf8_clip(const char *s, size_t len, size_t max_bytes);

#endif							/* VB_INTERNAL_H */
