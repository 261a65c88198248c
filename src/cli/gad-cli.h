/* gad-cli.h — what the CLI's source files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "gad-store.h"

int gad_cli_bench (int      argc,
                   char   **argv,
                   GError **error);

gboolean  gad_cli_parse        (GOptionEntry  *extra,
                                const char    *parameters,
                                const char    *summary,
                                int           *argc,
                                char        ***argv,
                                GError       **error);
GadStore *gad_cli_open_store   (GError       **error);
GadStore *gad_cli_open_database (GError      **error);
void      gad_cli_set_database (const char   *path);
int       gad_cli_server       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_migrate      (int            argc,
                                char         **argv,
                                GError       **error);
gboolean  gad_cli_signed_in    (void);
/* The benchmarks' shared parts (gad-cli-bench.c) and the server's (gad-cli-bench-server.c). */
int       gad_cli_compare_double (gconstpointer a,
                                  gconstpointer b);
double    gad_cli_percentile   (GArray        *sorted,
                                double         p);
GadStore *gad_cli_bench_demo   (const char    *dir,
                                int            persons,
                                GError       **error);
void      gad_cli_bench_done   (const char    *dir);
char     *gad_cli_bench_database (const char  *dir,
                                GError       **error);
const char *gad_cli_bench_engine (void);
int       gad_cli_bench_import (int            persons);
int       gad_cli_bench_casefile (int          records);
int       gad_cli_bench_search (int            records);
int       gad_cli_bench_route  (void);
int       gad_cli_bench_remote (int            persons);
int       gad_cli_bench_survey (int            responses);
int       gad_cli_bench_documents (int         count);
int       gad_cli_remote       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_groups       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_strategy     (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_survey       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_route        (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_bench_server (int            persons,
                                int            clients,
                                int            seconds,
                                int            pause_ms);
const char *gad_cli_password   (void);
char     *gad_cli_read_password (const char   *variable,
                                 const char   *prompt);
int       gad_cli_account      (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_attach       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_case_summary (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_letter       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_letters      (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_document     (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_documents    (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_template     (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_assess       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_stats        (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_chart        (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_report       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_ministry     (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_audit        (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_backup       (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_restore      (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_schedule     (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_conflicts    (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_copayments   (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_reception    (int            argc,
                                char         **argv,
                                GError       **error);
int       gad_cli_person_export (int           argc,
                                 char        **argv,
                                 GError      **error);
int       gad_cli_retention    (int            argc,
                                char         **argv,
                                GError       **error);
