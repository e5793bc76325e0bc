/*
 * dynlib.h — libpq, the MySQL client library (libmariadb) and libcrypto,
 * loaded with dlopen when the command first needs them instead of by the
 * dynamic linker at every start.
 *
 * Linked, the three and the 25 libraries they bring (GnuTLS, Kerberos,
 * LDAP, SASL, ...) took 17 ms of CPU to map and relocate before main on
 * every run, a sixth of a no-op push of 1000 SQLite tables that uses none
 * of them. A file that calls them includes this header after the library's
 * own: each function of the lists below then calls through a table of
 * pointers filled from the library on first use. The PostgreSQL and MySQL
 * drivers load their library when they connect (cli_dynlib_load), so that
 * a missing library is an ordinary connection error; a later call finds it
 * loaded.
 */
#ifndef CLI_DYNLIB_H
#define CLI_DYNLIB_H

#include <stdbool.h>

#include "vb.h"

typedef enum cli_dynlib
{
	CLI_LIBPQ,
	CLI_LIBMYSQL,
	CLI_LIBCRYPTO,
	CLI_DYNLIB_COUNT
} cli_dynlib;

/* Load `lib` (once); false with err (CLI_ERR_CONNECTION's class) when it
 * cannot be loaded or lacks a function. */
bool		cli_dynlib_load(cli_dynlib lib, vb_arena *arena, vb_error *err);

/* The function table of `lib`, loaded if need be (a failure here, where no
 * error can be returned, is reported on stderr and exits 1). */
const void *cli_dynlib_table(cli_dynlib lib);

#define CLI_LIBPQ_FUNCTIONS(X) \
	X(PQcancel) X(PQclear) X(PQconnectPoll) X(PQconnectStartParams) \
	X(PQconsumeInput) X(PQerrorMessage) X(PQescapeIdentifier) X(PQexec) \
	X(PQfinish) X(PQfreeCancel) X(PQfreemem) X(PQgetCancel) X(PQgetResult) \
	X(PQgetvalue) X(PQisBusy) X(PQntuples) X(PQresultErrorField) \
	X(PQresultStatus) X(PQsendQueryParams) X(PQsocket) X(PQstatus)

#define CLI_LIBMYSQL_FUNCTIONS(X) \
	X(mysql_close) X(mysql_errno) X(mysql_error) X(mysql_fetch_lengths) \
	X(mysql_fetch_row) X(mysql_field_count) X(mysql_free_result) \
	X(mysql_get_socket) X(mysql_get_timeout_value) X(mysql_init) \
	X(mysql_num_fields) X(mysql_options) X(mysql_real_connect) \
	X(mysql_real_query) X(mysql_real_query_cont) X(mysql_real_query_start) \
	X(mysql_set_character_set) X(mysql_sqlstate) X(mysql_stmt_close) \
	X(mysql_stmt_errno) X(mysql_stmt_error) X(mysql_stmt_init) \
	X(mysql_stmt_prepare) X(mysql_stmt_sqlstate) X(mysql_store_result) \
	X(mysql_thread_id)

#define CLI_LIBCRYPTO_FUNCTIONS(X) \
	X(EVP_Digest) X(EVP_sha256)

#define CLI_DYNLIB_MEMBER(f) __typeof__(f) *f;

#ifdef LIBPQ_FE_H
typedef struct cli_libpq
{
	CLI_LIBPQ_FUNCTIONS(CLI_DYNLIB_MEMBER)
} cli_libpq;

#define CLI_PQ ((const cli_libpq *) cli_dynlib_table(CLI_LIBPQ))
#define PQcancel(...) (CLI_PQ->PQcancel(__VA_ARGS__))
#define PQclear(...) (CLI_PQ->PQclear(__VA_ARGS__))
#define PQconnectPoll(...) (CLI_PQ->PQconnectPoll(__VA_ARGS__))
#define PQconnectStartParams(...) (CLI_PQ->PQconnectStartParams(__VA_ARGS__))
#define PQconsumeInput(...) (CLI_PQ->PQconsumeInput(__VA_ARGS__))
#define PQerrorMessage(...) (CLI_PQ->PQerrorMessage(__VA_ARGS__))
#define PQescapeIdentifier(...) (CLI_PQ->PQescapeIdentifier(__VA_ARGS__))
#define PQexec(...) (CLI_PQ->PQexec(__VA_ARGS__))
#define PQfinish(...) (CLI_PQ->PQfinish(__VA_ARGS__))
#define PQfreeCancel(...) (CLI_PQ->PQfreeCancel(__VA_ARGS__))
#define PQfreemem(...) (CLI_PQ->PQfreemem(__VA_ARGS__))
#define PQgetCancel(...) (CLI_PQ->PQgetCancel(__VA_ARGS__))
#define PQgetResult(...) (CLI_PQ->PQgetResult(__VA_ARGS__))
#define PQgetvalue(...) (CLI_PQ->PQgetvalue(__VA_ARGS__))
#define PQisBusy(...) (CLI_PQ->PQisBusy(__VA_ARGS__))
#define PQntuples(...) (CLI_PQ->PQntuples(__VA_ARGS__))
#define PQresultErrorField(...) (CLI_PQ->PQresultErrorField(__VA_ARGS__))
#define PQresultStatus(...) (CLI_PQ->PQresultStatus(__VA_ARGS__))
#define PQsendQueryParams(...) (CLI_PQ->PQsendQueryParams(__VA_ARGS__))
#define PQsocket(...) (CLI_PQ->PQsocket(__VA_ARGS__))
#define PQstatus(...) (CLI_PQ->PQstatus(__VA_ARGS__))
#endif

#ifdef _mysql_h
typedef struct cli_libmysql
{
	CLI_LIBMYSQL_FUNCTIONS(CLI_DYNLIB_MEMBER)
} cli_libmysql;

#define CLI_MY ((const cli_libmysql *) cli_dynlib_table(CLI_LIBMYSQL))
#define mysql_close(...) (CLI_MY->mysql_close(__VA_ARGS__))
#define mysql_errno(...) (CLI_MY->mysql_errno(__VA_ARGS__))
#define mysql_error(...) (CLI_MY->mysql_error(__VA_ARGS__))
#define mysql_fetch_lengths(...) (CLI_MY->mysql_fetch_lengths(__VA_ARGS__))
#define mysql_fetch_row(...) (CLI_MY->mysql_fetch_row(__VA_ARGS__))
#define mysql_field_count(...) (CLI_MY->mysql_field_count(__VA_ARGS__))
#define mysql_free_result(...) (CLI_MY->mysql_free_result(__VA_ARGS__))
#define mysql_get_socket(...) (CLI_MY->mysql_get_socket(__VA_ARGS__))
#define mysql_get_timeout_value(...) (CLI_MY->mysql_get_timeout_value(__VA_ARGS__))
#define mysql_init(...) (CLI_MY->mysql_init(__VA_ARGS__))
#define mysql_num_fields(...) (CLI_MY->mysql_num_fields(__VA_ARGS__))
#define mysql_options(...) (CLI_MY->mysql_options(__VA_ARGS__))
#define mysql_real_connect(...) (CLI_MY->mysql_real_connect(__VA_ARGS__))
#define mysql_real_query(...) (CLI_MY->mysql_real_query(__VA_ARGS__))
#define mysql_real_query_cont(...) (CLI_MY->mysql_real_query_cont(__VA_ARGS__))
#define mysql_real_query_start(...) (CLI_MY->mysql_real_query_start(__VA_ARGS__))
#define mysql_set_character_set(...) (CLI_MY->mysql_set_character_set(__VA_ARGS__))
#define mysql_sqlstate(...) (CLI_MY->mysql_sqlstate(__VA_ARGS__))
#define mysql_stmt_close(...) (CLI_MY->mysql_stmt_close(__VA_ARGS__))
#define mysql_stmt_errno(...) (CLI_MY->mysql_stmt_errno(__VA_ARGS__))
#define mysql_stmt_error(...) (CLI_MY->mysql_stmt_error(__VA_ARGS__))
#define mysql_stmt_init(...) (CLI_MY->mysql_stmt_init(__VA_ARGS__))
#define mysql_stmt_prepare(...) (CLI_MY->mysql_stmt_prepare(__VA_ARGS__))
#define mysql_stmt_sqlstate(...) (CLI_MY->mysql_stmt_sqlstate(__VA_ARGS__))
#define mysql_store_result(...) (CLI_MY->mysql_store_result(__VA_ARGS__))
#define mysql_thread_id(...) (CLI_MY->mysql_thread_id(__VA_ARGS__))
#endif

#if defined(OPENSSL_EVP_H) || defined(HEADER_EVP_H)
typedef struct cli_libcrypto
{
	CLI_LIBCRYPTO_FUNCTIONS(CLI_DYNLIB_MEMBER)
} cli_libcrypto;

#define CLI_CRYPTO ((const cli_libcrypto *) cli_dynlib_table(CLI_LIBCRYPTO))
#define EVP_Digest(...) (CLI_CRYPTO->EVP_Digest(__VA_ARGS__))
#define EVP_sha256(...) (CLI_CRYPTO->EVP_sha256(__VA_ARGS__))
#endif

#endif							/* CLI_DYNLIB_H */
