/* fuzz-candidate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes as a candidate file. Reading one never
 * crashes, leaks or hangs; a refused file comes with an error in the store's
 * domain and a valid UTF-8 message. Whatever was read is written, read back
 * and written again: the app reads every file it writes, and a second write
 * gives the same bytes as the first.
 */

#include "config.h"

#include <string.h>

#include "ivc-candidate.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) written_again = NULL;
  g_autoptr(IvcCandidate) candidate = NULL;
  g_autoptr(IvcCandidate) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize len;

  candidate = ivc_candidate_new_from_bytes (bytes, "fuzz.json", &error);
  if (candidate == NULL)
    {
      fuzz_check (error != NULL, "a file refused without an error", NULL, 0);
      fuzz_check (error->domain == IVC_STORE_ERROR, "an error outside the store's domain",
                  error->message, strlen (error->message));
      fuzz_check (g_utf8_validate (error->message, -1, NULL), "a message that is not valid UTF-8",
                  error->message, strlen (error->message));
      return 0;
    }
  fuzz_check (error == NULL, "a file read with an error", error->message, strlen (error->message));

  written = ivc_candidate_to_bytes (candidate);
  text = g_bytes_get_data (written, &len);
  fuzz_check (g_utf8_validate (text, len, NULL), "a written file that is not valid UTF-8", text, len);

  again = ivc_candidate_new_from_bytes (written, "fuzz.json", &error);
  fuzz_check (again != NULL, "a written file that is refused when read back",
              error ? error->message : NULL, error ? strlen (error->message) : 0);

  written_again = ivc_candidate_to_bytes (again);
  if (!g_bytes_equal (written, written_again))
    {
      g_autofree char *both = NULL;
      gsize len_again;
      const char *text_again = g_bytes_get_data (written_again, &len_again);

      both = g_strdup_printf ("%.*s\n--- written again ---\n%.*s",
                              (int) len, text, (int) len_again, text_again);
      fuzz_fail ("written, read back and written again, the file changed", both, strlen (both));
    }

  return 0;
}
