/* gad-cli.h — what the CLI's source files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

int gad_cli_bench (int      argc,
                   char   **argv,
                   GError **error);
