/* gad-password.c — staff passwords, hashed with Argon2id
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gad-password"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gcrypt.h>
#include <stdio.h>

#include "gad-password.h"
#include "gad-store.h"

/* OWASP's Argon2id configuration for interactive sign-in: 19 MiB, two passes,
 * one lane — about 50 ms here. The parameters travel in the encoded string
 * (the PHC format the reference implementation writes), so raising them later
 * keeps old hashes verifiable. */
#define M_COST_KIB 19456
#define T_COST     2
#define LANES      1
#define SALT_LEN   16
#define HASH_LEN   32

static gboolean
init_gcrypt (void)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      /* Only initialise libgcrypt if the program has not done so already. */
      if (!gcry_control (GCRYCTL_INITIALIZATION_FINISHED_P))
        {
          ok = gcry_check_version (GCRYPT_VERSION) != NULL;
          gcry_control (GCRYCTL_DISABLE_SECMEM, 0);
          gcry_control (GCRYCTL_INITIALIZATION_FINISHED, 0);
        }
      else
        ok = TRUE;
      g_once_init_leave (&done, 1);
    }
  return ok;
}

static gboolean
argon2id (const char   *password,
          const guint8 *salt,
          gsize         salt_len,
          gulong        m_cost,
          gulong        t_cost,
          gulong        lanes,
          guint8       *out,
          gsize         out_len)
{
  const unsigned long params[4] = { out_len, t_cost, m_cost, lanes };
  gcry_kdf_hd_t hd = NULL;
  gboolean ok;

  if (!init_gcrypt ())
    return FALSE;
  if (gcry_kdf_open (&hd, GCRY_KDF_ARGON2, GCRY_KDF_ARGON2ID, params, 4,
                     password, strlen (password), salt, salt_len, NULL, 0, NULL, 0) != 0)
    return FALSE;
  ok = gcry_kdf_compute (hd, NULL) == 0 && gcry_kdf_final (hd, out_len, out) == 0;
  gcry_kdf_close (hd);
  return ok;
}

/* PHC strings use standard base64 without the '=' padding. */
static char *
b64_encode (const guint8 *data,
            gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *pad = strchr (text, '=');

  if (pad)
    *pad = '\0';
  return text;
}

static guint8 *
b64_decode (const char *text,
            gsize      *len)
{
  gsize n = strlen (text);
  g_autofree char *padded = NULL;

  if (n == 0 || n % 4 == 1 || strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                            "0123456789+/") != n)
    return NULL;
  padded = g_strnfill (n + (4 - n % 4) % 4, '=');
  memcpy (padded, text, n);
  return g_base64_decode (padded, len);
}

/**
 * gad_password_check_strength:
 *
 * The one rule for a new password: long enough to resist guessing. Length,
 * not character classes, is what NIST SP 800-63B asks for.
 */
gboolean
gad_password_check_strength (const char  *password,
                             GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < GAD_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_INVALID,
                   ngettext ("Choose a password of at least %d character.",
                             "Choose a password of at least %d characters.",
                             GAD_PASSWORD_MIN_LENGTH),
                   GAD_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/**
 * gad_password_hash:
 *
 * Returns: (transfer full): `$argon2id$v=19$m=…,t=…,p=…$salt$hash` with a fresh
 * random salt, or %NULL with @error set
 */
char *
gad_password_hash (const char  *password,
                   GError     **error)
{
  guint8 salt[SALT_LEN];
  guint8 hash[HASH_LEN];
  g_autofree char *salt64 = NULL;
  g_autofree char *hash64 = NULL;

  if (!init_gcrypt ())
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The cryptography library could not be started."));
      return NULL;
    }
  gcry_randomize (salt, sizeof salt, GCRY_STRONG_RANDOM);
  if (!argon2id (password, salt, sizeof salt, M_COST_KIB, T_COST, LANES, hash, sizeof hash))
    {
      g_set_error (error, GAD_STORE_ERROR, GAD_STORE_ERROR_FAILED,
                   _("The password could not be hashed: not enough memory."));
      return NULL;
    }
  salt64 = b64_encode (salt, sizeof salt);
  hash64 = b64_encode (hash, sizeof hash);
  memset (hash, 0, sizeof hash);
  return g_strdup_printf ("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
                          M_COST_KIB, T_COST, LANES, salt64, hash64);
}

/**
 * gad_password_verify:
 * @encoded: a string from gad_password_hash() (or any Argon2id PHC string)
 *
 * Returns: %TRUE if @password is the one @encoded was made from; %FALSE if
 * not, or if @encoded is not a well-formed Argon2id string
 */
gboolean
gad_password_verify (const char *password,
                     const char *encoded)
{
  unsigned int m = 0, t = 0, p = 0;
  char salt64[128], hash64[128];
  int end = 0;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  g_autofree guint8 *actual = NULL;
  gsize salt_len = 0, hash_len = 0;
  guint8 diff = 0;

  if (password == NULL || encoded == NULL)
    return FALSE;
  if (sscanf (encoded, "$argon2id$v=19$m=%u,t=%u,p=%u$%127[^$]$%127s%n",
              &m, &t, &p, salt64, hash64, &end) != 5 || encoded[end] != '\0')
    return FALSE;
  /* Bounds keep a damaged row from asking for gigabytes. */
  if (m < 8 * p || m > 1024 * 1024 || t < 1 || t > 16 || p < 1 || p > 16)
    return FALSE;
  salt = b64_decode (salt64, &salt_len);
  expected = b64_decode (hash64, &hash_len);
  if (salt == NULL || expected == NULL || salt_len < 8 || hash_len < 16)
    return FALSE;

  actual = g_malloc (hash_len);
  if (!argon2id (password, salt, salt_len, m, t, p, actual, hash_len))
    return FALSE;
  for (gsize i = 0; i < hash_len; i++)
    diff |= actual[i] ^ expected[i];
  return diff == 0;
}

/**
 * gad_random_hex:
 * @bytes: how many random bytes
 *
 * Returns: a fresh random value as 2 × @bytes hex digits, for salts that are
 *   not passwords' (libgcrypt's nonce generator)
 */
char *
gad_random_hex (gsize bytes)
{
  g_autofree guint8 *raw = g_malloc (bytes);
  GString *hex = g_string_sized_new (2 * bytes);

  init_gcrypt ();
  gcry_create_nonce (raw, bytes);
  for (gsize i = 0; i < bytes; i++)
    g_string_append_printf (hex, "%02x", raw[i]);
  return g_string_free (hex, FALSE);
}
