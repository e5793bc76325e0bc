/*
 * vb_internal.h — declarations shared between the core's own files only.
 */
#ifndef VB_INTERNAL_H
#define VB_INTERNAL_H

#include "vb.h"

/* <table>_<columns>_<label> with any label ("idx1", "key2", ...). */
char	   *vb_default_name(vb_arena *arena, const char *table,
							const vb_list *columns, const char *label);

/* The end of the (possibly qualified, possibly quoted) type name at p. */
const char *vb_type_name_end(const char *p);

/* Truncate to a whole number of UTF-8 characters within max_bytes. */
size_t		vb_utf8_clip(const char *s, size_t len, size_t max_bytes);

/* NULL-safe string equality. */
bool		vb_strs_equal(const char *a, const char *b);

#endif							/* VB_INTERNAL_H */
