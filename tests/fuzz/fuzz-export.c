/* fuzz-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes as a candidate file, exported against a small
 * fixed bank (and against none) in the three formats. What is checked is
 * the shape a consumer relies on, whatever the candidate's text:
 *
 * - CSV: RFC 4180 (records end in CR LF, quotes balanced and doubled
 *   inside, no quote in an unquoted field), the same number of fields in
 *   every record, and no cell that a spreadsheet would run as a formula;
 * - JSON: parses back, with the candidate's id and name as they were read;
 * - Markdown: no "<" that is not escaped, so no HTML from a name or notes;
 * - all three: valid UTF-8 without NUL bytes.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ivc-export.h"

#include "fuzz-common.h"

/* What a spreadsheet would run as a formula (docs/export-format.md). */
#define FORMULA_STARTS "=+-@\t\r"

/* The columns of the CSV export (docs/export-format.md). */
#define CSV_N_COLUMNS 12

/* Its ids are those of the seed candidates; its texts need escaping. */
static const char bank_json[] =
  "{\"format\": 1, \"id\": \"microservices\", \"title\": \"<b>Micro</b> & =services\","
  " \"levels\": ["
  "  {\"id\": \"junior\", \"title\": \"=Junior | <i>one</i>\\nsecond line\", \"questions\": ["
  "   {\"id\": \"what-are-microservices\", \"question\": \"What are <b>microservices</b>?\","
  "    \"strong_answer\": \"A.\", \"red_flag\": \"R.\"},"
  "   {\"id\": \"circuit-breaker\", \"question\": \"+cmd|' /C calc'!A0\","
  "    \"strong_answer\": \"A.\", \"red_flag\": \"R.\"}]},"
  "  {\"id\": \"senior\", \"title\": \"Senior\", \"questions\": ["
  "   {\"id\": \"shared-database\", \"question\": \"\\\"Quoted\\\", with a comma\\r\\nand lines\","
  "    \"strong_answer\": \"A.\", \"red_flag\": \"R.\"},"
  "   {\"id\": \"q1\", \"question\": \"@SUM(1+1)\", \"strong_answer\": \"A.\", \"red_flag\": \"R.\"}]}]}";

static IvcQuestionBank *bank;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bank_json, strlen (bank_json));
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  bank = ivc_question_bank_new_from_bytes (bytes, "bank.json", NULL, &error);
  fuzz_check (bank != NULL, "the fixed bank is refused", error ? error->message : NULL,
              error ? strlen (error->message) : 0);

  return 0;
}

/* RFC 4180, as a strict reader takes it. */
static void
check_csv (const char *data,
           gsize       len)
{
  guint n_fields = 0;
  guint n_records = 0;
  gsize i = 0;

  fuzz_check (len > 0, "an empty CSV export", data, len);

  while (i < len)
    {
      gsize start = i;

      if (data[i] == '"')
        {
          i++;
          for (;;)
            {
              fuzz_check (i < len, "CSV: a quote is not closed", data, len);
              if (data[i] == '"')
                {
                  if (i + 1 < len && data[i + 1] == '"')
                    {
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              i++;
            }
          /* The cell's text starts after the quote. */
          start++;
        }
      else
        {
          while (i < len && data[i] != ',' && data[i] != '\r')
            {
              fuzz_check (data[i] != '"', "CSV: a quote inside an unquoted field", data, len);
              fuzz_check (data[i] != '\n', "CSV: a line feed inside an unquoted field", data, len);
              i++;
            }
        }

      fuzz_check (start >= i || strchr (FORMULA_STARTS, data[start]) == NULL || data[start] == '\0',
                  "CSV: a cell that starts like a formula", data, len);
      n_fields++;

      fuzz_check (i < len, "CSV: the last record does not end in CR LF", data, len);
      if (data[i] == ',')
        {
          i++;
          fuzz_check (i < len, "CSV: a comma at the end of the file", data, len);
          continue;
        }

      fuzz_check (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n',
                  "CSV: a field followed by neither a comma nor CR LF", data, len);
      i += 2;
      fuzz_check (n_fields == CSV_N_COLUMNS, "CSV: a record with a different number of fields", data, len);
      n_fields = 0;
      n_records++;
    }

  fuzz_check (n_records >= 1, "CSV: no header", data, len);
}

static void
check_json (const char   *data,
            gsize         len,
            IvcCandidate *candidate)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *object;

  fuzz_check (json_parser_load_from_data (parser, data, len, &error),
              "JSON: the export does not parse back", data, len);
  fuzz_check (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)), "JSON: not an object", data, len);
  root = json_node_get_object (json_parser_get_root (parser));
  fuzz_check (json_object_get_int_member_with_default (root, "format", 0) == IVC_EXPORT_JSON_FORMAT,
              "JSON: no format", data, len);
  object = json_object_get_object_member (root, "candidate");
  fuzz_check (object != NULL, "JSON: no candidate", data, len);
  fuzz_check (g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL),
                         ivc_candidate_get_id (candidate)) == 0,
              "JSON: the candidate's id changed", data, len);
  fuzz_check (g_strcmp0 (json_object_get_string_member_with_default (object, "name", NULL),
                         ivc_candidate_get_name (candidate)) == 0,
              "JSON: the candidate's name changed", data, len);
}

/* Every "<" is escaped: preceded by an odd number of backslashes. */
static void
check_markdown (const char *data,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      gsize n_backslashes = 0;

      if (data[i] != '<')
        continue;

      while (n_backslashes < i && data[i - n_backslashes - 1] == '\\')
        n_backslashes++;
      fuzz_check (n_backslashes % 2 == 1, "Markdown: a \"<\" that is not escaped", data + i, len - i);
    }
}

static void
check_exports (IvcCandidate    *candidate,
               IvcQuestionBank *with_bank)
{
  g_autoptr(IvcScorecard) scorecard = ivc_scorecard_new (candidate, with_bank);

  for (IvcExportFormat format = IVC_EXPORT_FORMAT_MARKDOWN; format <= IVC_EXPORT_FORMAT_JSON; format++)
    {
      g_autoptr(GBytes) bytes = ivc_export_to_bytes (scorecard, format);
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      fuzz_check (data != NULL && len > 0, "an empty export", NULL, 0);
      fuzz_check (g_utf8_validate (data, len, NULL), "an export that is not valid UTF-8", data, len);
      fuzz_check (memchr (data, '\0', len) == NULL, "an export with a NUL byte", data, len);

      switch (format)
        {
        case IVC_EXPORT_FORMAT_MARKDOWN:
          check_markdown (data, len);
          break;
        case IVC_EXPORT_FORMAT_CSV:
          check_csv (data, len);
          break;
        case IVC_EXPORT_FORMAT_JSON:
          check_json (data, len, candidate);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(IvcCandidate) candidate = NULL;

  candidate = ivc_candidate_new_from_bytes (bytes, "fuzz.json", NULL);
  if (candidate == NULL)
    return 0;

  check_exports (candidate, bank);
  check_exports (candidate, NULL);

  return 0;
}
