/* gad-cli-documents.c — gadiba-cli document, documents and template
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gadiba-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "gad-cli.h"
#include "gad-document.h"
#include "gad-text.h"

static GCancellable *interrupt;

static void
on_sigint (int signum)
{
  g_cancellable_cancel (interrupt);
}

/* The file appears whole or not at all: it is written beside and renamed. */
static gboolean
write_document (GadStore    *store,
                gint64       id,
                const char  *path,
                GError     **error)
{
  g_autoptr(GBytes) pdf = gad_store_get_issued_pdf (store, id, error);

  return pdf && g_file_set_contents_full (path, g_bytes_get_data (pdf, NULL),
                                          g_bytes_get_size (pdf), G_FILE_SET_CONTENTS_CONSISTENT,
                                          0600, error);
}

static gboolean
parse_kind (const char       *code,
            GadDocumentKind  *kind,
            gboolean          decision,
            GError          **error)
{
  if (gad_document_kind_parse (code, kind) && (decision || *kind != GAD_DOCUMENT_DECISION))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               decision ? _("The kind is decision, certificate, contract, referral or agreement.")
                        : _("The kind is certificate, contract, referral or agreement."));
  return FALSE;
}

int
gad_cli_document (int      argc,
                  char   **argv,
                  GError **error)
{
  g_autofree char *kind_code = NULL;
  g_autofree char *code = NULL;
  g_autofree char *to = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *out = NULL;
  gint64 plan = 0;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_code,
      N_("certificate, contract, referral or agreement"), N_("KIND") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &code, N_("The client’s personal code"), N_("CODE") },
    { "plan", 0, 0, G_OPTION_ARG_INT64, &plan, N_("A contract’s service plan"), N_("ID") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Where a referral sends the client"),
      N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why a referral sends the client"),
      N_("TEXT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the PDF"), N_("FILE.pdf") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  GadDocumentDraft draft = { 0 };
  gint64 id;

  if (!gad_cli_parse (entries, NULL, _("Issue a document for a client and write its PDF."), &argc,
                      &argv, error))
    return 2;
  if (kind_code == NULL || code == NULL || out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli document --db FILE --kind certificate|contract|referral|"
                     "agreement --person CODE [--plan ID] [--to TEXT --reason TEXT] --out "
                     "FILE.pdf"));
      return 2;
    }
  if (!parse_kind (kind_code, &draft.kind, FALSE, error))
    return 2;
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if ((draft.person_id = gad_store_find_person_by_code (store, code)) == 0)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_NOT_FOUND,
                   _("There is no person with the personal code %s."), code);
      return 1;
    }
  draft.plan_id = plan;
  draft.referral_to = to;
  draft.referral_reason = reason;
  if ((id = gad_document_issue (store, &draft, error)) == 0 || !write_document (store, id, out, error))
    return 1;
  {
    g_autoptr(GadIssuedDocument) d = gad_store_get_issued (store, id, error);

    if (d == NULL)
      return 1;
    g_print (_("%s %s written to %s\n"), gad_document_kind_name (draft.kind), d->number, out);
  }
  return 0;
}

static void
progress (guint    done,
          guint    total,
          gpointer data)
{
  /* TRANSLATORS: progress of issuing certificates: done / all */
  g_printerr ("\r");
  g_printerr (_("Certificates: %u / %u"), done, total);
}

int
gad_cli_documents (int      argc,
                   char   **argv,
                   GError **error)
{
  g_autofree char *kind_code = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_code, N_("certificate"), N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day a status starts on"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), N_("DATE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The folder for the PDF files"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GHashTable) persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *what = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  struct sigaction action = { 0 };
  GDate a, b;

  if (!gad_cli_parse (entries, NULL, _("Write the certificate of every household whose status "
                                       "starts in a period, issuing those not issued yet."),
                      &argc, &argv, error))
    return 2;
  if (g_strcmp0 (kind_code, "certificate") != 0 || !gad_text_parse_date (from, &a)
      || !gad_text_parse_date (to, &b) || out == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli documents --db FILE --kind certificate --from DATE --to "
                     "DATE --out DIR"));
      return 2;
    }
  from_iso = gad_text_iso_date (&a);
  to_iso = gad_text_iso_date (&b);
  if (g_mkdir_with_parents (out, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not create the folder “%s”."), out);
      return 1;
    }
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  interrupt = g_cancellable_new ();
  action.sa_handler = on_sigint;
  sigaction (SIGINT, &action, NULL);
  ids = gad_document_certificates_due (store, from_iso, to_iso, interrupt, progress, NULL, &skipped,
                                       error);
  g_printerr ("\n");
  if (ids == NULL)
    return 1;
  for (guint i = 0; i < skipped->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (skipped, i));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GadIssuedDocument) d = gad_store_get_issued (store, g_array_index (ids, gint64, i),
                                                             error);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (d == NULL)
        return 1;
      name = g_strdelimit (g_strconcat (d->number, ".pdf", NULL), "/\\", '_');
      path = g_build_filename (out, name, NULL);
      if (!write_document (store, d->id, path, error))
        return 1;
      g_hash_table_add (persons, g_memdup2 (&d->person_id, sizeof d->person_id));
    }
  /* One row in the log for the batch, with how many clients' certificates left. */
  what = g_strdup_printf ("certificates %s – %s", from_iso, to_iso);
  if (ids->len > 0 && !gad_store_record_read (store, 0, what, g_hash_table_size (persons), error))
    return 1;
  if (g_cancellable_is_cancelled (interrupt))
    {
      g_printerr (ngettext ("Cancelled: %u certificate was written whole, none half.\n",
                            "Cancelled: %u certificates were written whole, none half.\n",
                            ids->len), ids->len);
      return 130;
    }
  g_print (ngettext ("%u certificate written to %s\n", "%u certificates written to %s\n",
                     ids->len), ids->len, out);
  return 0;
}

int
gad_cli_template (int      argc,
                  char   **argv,
                  GError **error)
{
  g_autofree char *kind_code = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_code,
      N_("decision, certificate, contract, referral or agreement"), N_("KIND") },
    { NULL }
  };
  g_autoptr(GadStore) store = NULL;
  g_autoptr(GadTemplate) template = NULL;
  GadDocumentKind kind;
  gboolean export;

  if (!gad_cli_parse (entries, _("export|import FILE"),
                      _("Write a document template to a file, or save one as its next version."),
                      &argc, &argv, error))
    return 2;
  if (argc != 3 || kind_code == NULL
      || (!g_str_equal (argv[1], "export") && !g_str_equal (argv[1], "import")))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Usage: gadiba-cli template export|import --db FILE --kind KIND FILE"));
      return 2;
    }
  if (!parse_kind (kind_code, &kind, TRUE, error))
    return 2;
  export = g_str_equal (argv[1], "export");
  if ((store = gad_cli_open_store (error)) == NULL)
    return 1;
  if (export)
    {
      if ((template = gad_store_get_template (store, kind, -1, error)) == NULL
          || !g_file_set_contents_full (argv[2], gad_template_json (template), -1,
                                        G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        return 1;
      g_print (_("Template %s, version %d, written to %s\n"), gad_document_kind_name (kind),
               (int) gad_template_version (template), argv[2]);
      return 0;
    }
  {
    g_autofree char *json = NULL;
    gint64 version;

    if (!g_file_get_contents (argv[2], &json, NULL, error)
        || (template = gad_template_parse (json, error)) == NULL)
      return 1;
    if (gad_template_kind (template) != kind)
      {
        g_set_error (error, GAD_TEMPLATE_ERROR, GAD_TEMPLATE_ERROR_INVALID,
                     _("The file holds a template of a %s, not of a %s."),
                     gad_document_kind_name (gad_template_kind (template)),
                     gad_document_kind_name (kind));
        return 1;
      }
    if ((version = gad_store_save_template (store, template, error)) == 0)
      return 1;
    g_print (_("Template %s saved as version %d\n"), gad_document_kind_name (kind), (int) version);
  }
  return 0;
}
