/* test-guide-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Markdown interview guides read as question banks: the seed page our
 * bank came from, exactly; line endings, front matter, Markdown kept as
 * written, optional sections, non-ASCII text, and every problem located.
 */

#include "config.h"

#include <string.h>

#include "ivc-guide-importer.h"
#include "ivc-question-bank.h"

#define assert_contains(str, part)                              \
  G_STMT_START {                                                \
    if (strstr ((str), (part)) == NULL)                         \
      g_assert_cmpstr ((str), ==, (part));                      \
  } G_STMT_END

/* The texts of the seed page, ../shared/reference/microservices-interview-
 * questions.md, as written there (copied from the page, not computed). */
static const struct { const char *question, *strong_answer, *red_flag; } seed_questions[] = {
  { "What are microservices?",
    "An architecture splitting an application into small, independently deployable services owning their own data and logic.",
    "Thinks any app split into files is “microservices.”" },
  { "What are the tradeoffs vs a monolith?",
    "Independent deployment and scaling and team autonomy, at the cost of operational complexity, distributed-system problems and latency.",
    "Sees only upsides." },
  { "How do services communicate?",
    "Synchronously (HTTP/gRPC) or asynchronously (messaging/events), each with different coupling and reliability characteristics.",
    "Only knows synchronous calls." },
  { "Why should each service own its data?",
    "To stay independently deployable and loosely coupled; sharing a database recreates a distributed monolith.",
    "Has multiple services share one database directly." },
  { "What is an API gateway?",
    "A single entry point handling routing, auth, rate limiting and aggregation in front of services.",
    "Exposes every service directly to clients." },
  { "What is service discovery?",
    "A mechanism for services to find each other’s network locations dynamically rather than hardcoding addresses.",
    "Hardcodes service URLs." },
  { "What is the difference between synchronous and asynchronous communication?",
    "Synchronous waits for a response and couples availability; asynchronous decouples via messages/events and tolerates outages.",
    "Uses synchronous calls where events would be more resilient." },
  { "Why is a distributed system harder than a monolith?",
    "Network calls fail, latency is real, and consistency across services is hard; you must design for partial failure.",
    "Assumes network calls always succeed instantly." },
  { "How do you handle data consistency across services?",
    "Embrace eventual consistency with events, sagas for multi-step workflows, and the outbox pattern — avoiding distributed transactions.",
    "Tries to span an ACID transaction across services." },
  { "What is the saga pattern?",
    "Coordinating a business transaction across services as a series of local transactions with compensating actions on failure.",
    "Assumes a rollback across services is possible." },
  { "How do you prevent cascading failures?",
    "Timeouts, retries with backoff, circuit breakers and bulkheads so one failing dependency doesn’t take everything down.",
    "Calls downstream services with no timeout." },
  { "What is the difference between orchestration and choreography?",
    "Orchestration has a central coordinator; choreography has services react to events independently — each with tradeoffs in coupling and visibility.",
    "Doesn’t know either coordination style." },
  { "How do you define service boundaries?",
    "Around business capabilities/domains (bounded contexts), not technical layers, to minimise cross-service chatter.",
    "Splits by technical layer, creating chatty services." },
  { "How do you handle distributed tracing and observability?",
    "Correlation IDs and tracing across service hops, plus centralised metrics and logs, since a request spans many services.",
    "Debugs one service at a time with no correlation." },
  { "How do you version and evolve service contracts?",
    "Backward-compatible changes, consumer-driven contract testing, and coordinated deprecation.",
    "Changes a contract and breaks consumers silently." },
  { "How do you handle shared logic across services?",
    "Shared libraries carefully (to avoid tight coupling) or duplicated where independence matters more than DRY.",
    "Creates a shared library that couples every service’s release." },
  { "When should you NOT use microservices?",
    "Early-stage products, small teams, or unclear domains — a monolith is usually the right starting point until scale and org needs justify the complexity.",
    "Starts a greenfield product with dozens of services." },
  { "How do you decompose a monolith safely?",
    "Identify bounded contexts, extract seams incrementally (strangler pattern), and split data carefully rather than a big-bang rewrite.",
    "Proposes a risky big-bang rewrite." },
  { "How do you manage distributed transactions and idempotency?",
    "Idempotency keys, at-least-once messaging with deduplication, and sagas — assuming messages can arrive twice or out of order.",
    "Assumes exactly-once delivery." },
  { "How do you handle deployment and versioning at scale?",
    "Independent CI/CD per service, backward-compatible contracts, and progressive delivery so services deploy without lockstep.",
    "Requires all services to deploy together." },
  { "How do you approach resilience and failure testing?",
    "Design for partial failure and validate with chaos/failure testing, load testing and graceful degradation.",
    "Assumes the happy path always holds." },
  { "How do you avoid the “distributed monolith” anti-pattern?",
    "Loose coupling via async events, independent data and deployment, and boundaries that minimise synchronous chains.",
    "Builds tightly-coupled services that must deploy together." },
  { "How do you manage cross-cutting concerns (auth, logging)?",
    "Gateways, sidecars/service mesh, and shared standards rather than reimplementing them per service.",
    "Reimplements auth and logging inconsistently everywhere." },
  { "How do organisational structure and Conway’s Law relate to microservices?",
    "Service boundaries tend to mirror team structure; aligning teams to services (and vice versa) is key to their success.",
    "Ignores team ownership and creates shared, unowned services." },
};

static char *
read_seed_page (gsize *len)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_nonnull (root);
  path = g_build_filename (root, "tests", "data", "microservices-interview-questions.md", NULL);
  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

static IvcQuestionBank *
import_text (const char  *text,
             gssize       len,
             GPtrArray  **problems,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize)len);

  return ivc_guide_import_bytes (bytes, "guide.md", problems, error);
}

static IvcQuestionBank *
import_valid (const char *text)
{
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = import_text (text, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);
  return bank;
}

static IvcLevel *
level_at (IvcQuestionBank *bank,
          guint            index_)
{
  g_autoptr(IvcLevel) level = g_list_model_get_item (ivc_question_bank_get_levels (bank), index_);

  /* The bank keeps it. */
  return level;
}

static IvcQuestion *
question_at (IvcQuestionBank *bank,
             guint            level_index,
             guint            index_)
{
  g_autoptr(IvcQuestion) question = g_list_model_get_item (ivc_level_get_questions (level_at (bank, level_index)),
                                                           index_);

  return question;
}

static void
assert_seed_bank (IvcQuestionBank *bank)
{
  static const char * const level_titles[] = {
    "Junior Microservices interview questions",
    "Mid-level Microservices interview questions",
    "Senior Microservices interview questions",
  };
  static const char * const experiences[] = { "0–2 years", "2–5 years", "5+ years" };
  static const char * const focuses[] = { "Fundamentals.", "Data and communication.", "Architecture and operations." };
  const char * const *warnings;
  guint k = 0;

  g_assert_cmpstr (ivc_question_bank_get_title (bank), ==,
                   "Microservices Interview Questions (2026): By Level, With Model Answers");
  g_assert_true (g_str_has_prefix (ivc_question_bank_get_description (bank),
                                   "Microservices interview questions for mid and senior engineers"));
  g_assert_true (ivc_bank_id_is_valid (ivc_question_bank_get_id (bank)));
  g_assert_cmpuint (ivc_question_bank_get_n_levels (bank), ==, 3);
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 24);
  g_assert_cmpuint (G_N_ELEMENTS (seed_questions), ==, 24);

  for (guint i = 0; i < 3; i++)
    {
      IvcLevel *level = level_at (bank, i);

      g_assert_cmpstr (ivc_level_get_title (level), ==, level_titles[i]);
      g_assert_cmpstr (ivc_level_get_experience (level), ==, experiences[i]);
      g_assert_cmpstr (ivc_level_get_focus (level), ==, focuses[i]);
      g_assert_cmpuint (ivc_level_get_n_questions (level), ==, 8);

      for (guint j = 0; j < 8; j++, k++)
        {
          IvcQuestion *question = question_at (bank, i, j);

          g_assert_cmpstr (ivc_question_get_question (question), ==, seed_questions[k].question);
          g_assert_cmpstr (ivc_question_get_strong_answer (question), ==, seed_questions[k].strong_answer);
          g_assert_cmpstr (ivc_question_get_red_flag (question), ==, seed_questions[k].red_flag);
          g_assert_null (ivc_question_get_title (question));
          g_assert_true (ivc_bank_id_is_valid (ivc_question_get_id (question)));
        }
    }

  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 0, 0)), ==, "what-are-microservices");

  /* Left out, and said so with the line: the front matter keys the bank
   * has no use for, the paragraphs the front matter's description
   * replaces, and the page's footer. */
  warnings = ivc_question_bank_get_warnings (bank);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 9);
  assert_contains (warnings[0], "guide.md:3:1: the front matter key “url” is not used");
  assert_contains (warnings[3], "guide.md:11:1: a paragraph was left out");
  assert_contains (warnings[6], "guide.md:275:1: a paragraph was left out");
  assert_contains (warnings[7], "guide.md:277:1: ");
  assert_contains (warnings[8], "guide.md:279:1: ");
}

/* The seed page imports as it is. */
static void
test_seed_page (void)
{
  gsize len = 0;
  g_autofree char *page = read_seed_page (&len);
  IvcQuestionBank *bank = import_text (page, len, NULL, NULL);

  g_assert_nonnull (bank);
  assert_seed_bank (bank);
  g_assert_finalize_object (bank);
}

/* The same page with CRLF line endings gives the same bank, with LF in its
 * texts. */
static void
test_crlf (void)
{
  gsize len = 0;
  g_autofree char *page = read_seed_page (&len);
  g_autoptr(GString) crlf = g_string_new (NULL);
  IvcQuestionBank *bank;

  for (gsize i = 0; i < len; i++)
    {
      if (page[i] == '\n')
        g_string_append_c (crlf, '\r');
      g_string_append_c (crlf, page[i]);
    }

  bank = import_text (crlf->str, crlf->len, NULL, NULL);
  g_assert_nonnull (bank);
  assert_seed_bank (bank);
  g_assert_finalize_object (bank);
}

static const char multi_paragraph_guide[] =
  "# Closures in JavaScript\n"
  "\n"
  "Questions on **scope** and closures.\n"
  "\n"
  "Second paragraph of the description.\n"
  "\n"
  "## Mid-level\n"
  "\n"
  "2-5 years\n"
  "\n"
  "Language internals\n"
  "\n"
  "### What does this print?\n"
  "\n"
  "```js\n"
  "for (var i = 0; i < 3; i++)\n"
  "  setTimeout(() => console.log(i));\n"
  "```\n"
  "\n"
  "#### Strong answer:\n"
  "\n"
  "It prints `3` three times:\n"
  "\n"
  "- `var` is function-scoped;\n"
  "- the callbacks run after the loop.\n"
  "\n"
  "    // indented code\n"
  "    let j;\n"
  "\n"
  "| Keyword | Scope |\n"
  "| --- | --- |\n"
  "| `var` | function |\n"
  "\n"
  "> With `let` it prints 0, 1, 2.\n"
  "\n"
  "**Red flags**\n"
  "\n"
  "Says it prints 0, 1, 2:\n"
  "\n"
  "1. without thinking about scope\n"
  "2. or timing\n"
  "\n"
  "Not part of the red flag.\n"
  "\n"
  "---\n"
  "\n"
  "### Explain closures\n"
  "\n"
  "What a strong answer covers\n"
  "\n"
  "A function keeps access to the variables of the scope it was created in.\n";

/* No front matter: the “#” heading is the title, the paragraphs before the
 * first level the description; sections keep their Markdown as written. */
static void
test_multi_paragraph (void)
{
  IvcQuestionBank *bank = import_valid (multi_paragraph_guide);
  IvcQuestion *question;
  const char * const *warnings;

  g_assert_cmpstr (ivc_question_bank_get_title (bank), ==, "Closures in JavaScript");
  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "closures-in-javascript");
  g_assert_cmpstr (ivc_question_bank_get_description (bank), ==,
                   "Questions on **scope** and closures.\n\nSecond paragraph of the description.");
  g_assert_cmpstr (ivc_level_get_experience (level_at (bank, 0)), ==, "2-5 years");
  g_assert_cmpstr (ivc_level_get_focus (level_at (bank, 0)), ==, "Language internals");
  g_assert_cmpstr (ivc_level_get_id (level_at (bank, 0)), ==, "mid-level");

  question = question_at (bank, 0, 0);
  /* What follows the heading before the first label is part of the question. */
  g_assert_cmpstr (ivc_question_get_question (question), ==,
                   "What does this print?\n"
                   "\n"
                   "```js\n"
                   "for (var i = 0; i < 3; i++)\n"
                   "  setTimeout(() => console.log(i));\n"
                   "```");
  g_assert_cmpstr (ivc_question_get_strong_answer (question), ==,
                   "It prints `3` three times:\n"
                   "\n"
                   "- `var` is function-scoped;\n"
                   "- the callbacks run after the loop.\n"
                   "\n"
                   "    // indented code\n"
                   "    let j;\n"
                   "\n"
                   "| Keyword | Scope |\n"
                   "| --- | --- |\n"
                   "| `var` | function |\n"
                   "\n"
                   "> With `let` it prints 0, 1, 2.");
  g_assert_cmpstr (ivc_question_get_red_flag (question), ==,
                   "Says it prints 0, 1, 2:\n"
                   "\n"
                   "1. without thinking about scope\n"
                   "2. or timing");

  /* A question without a red flag: empty, not invented. */
  question = question_at (bank, 0, 1);
  g_assert_cmpstr (ivc_question_get_question (question), ==, "Explain closures");
  g_assert_cmpstr (ivc_question_get_red_flag (question), ==, "");
  g_assert_cmpstr (ivc_question_get_strong_answer (question), ==,
                   "A function keeps access to the variables of the scope it was created in.");

  warnings = ivc_question_bank_get_warnings (bank);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 1);
  assert_contains (warnings[0], "guide.md:43:1: a paragraph was left out");

  g_assert_finalize_object (bank);
}

static const char rubric_guide[] =
  "---\n"
  "title: 'Behavioural: it''s about people'\n"
  "id: behavioural\n"
  "language: en-GB\n"
  "description: \"Questions on \\\"teamwork\\\".\"\n"
  "---\n"
  "\n"
  "## Any level\n"
  "\n"
  "### Conflict {#conflict}\n"
  "\n"
  "Question\n"
  "\n"
  "Tell me about a time you **disagreed** with a colleague.\n"
  "\n"
  "Strong answer\n"
  "\n"
  "A specific situation, what they did, and what they learned.\n"
  "\n"
  "Follow-ups\n"
  "\n"
  "- What would you do differently?\n"
  "- How did the colleague see it?\n"
  "\n"
  "Scoring:\n"
  "\n"
  "- 1: No example.\n"
  "- 2: An example, but blames others.\n"
  "- 4: Owns their part and shows what changed.\n"
  "\n"
  "Tags\n"
  "\n"
  "teamwork, communication\n"
  "\n"
  "### Failure\n"
  "\n"
  "#### Rubric\n"
  "\n"
  "1. Cannot name one.\n"
  "2. Names one, learns nothing.\n"
  "3. Names one and what it taught them.\n";

static void
test_rubric_and_follow_ups (void)
{
  IvcQuestionBank *bank = import_valid (rubric_guide);
  IvcQuestion *question;
  const char * const *follow_ups;
  const char * const *tags;

  g_assert_cmpstr (ivc_question_bank_get_title (bank), ==, "Behavioural: it's about people");
  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "behavioural");
  g_assert_cmpstr (ivc_question_bank_get_language (bank), ==, "en-GB");
  g_assert_cmpstr (ivc_question_bank_get_description (bank), ==, "Questions on \"teamwork\".");

  question = question_at (bank, 0, 0);
  g_assert_cmpstr (ivc_question_get_id (question), ==, "conflict");
  g_assert_cmpstr (ivc_question_get_title (question), ==, "Conflict");
  g_assert_cmpstr (ivc_question_get_question (question), ==,
                   "Tell me about a time you **disagreed** with a colleague.");
  follow_ups = ivc_question_get_follow_ups (question);
  g_assert_cmpuint (g_strv_length ((char **)follow_ups), ==, 2);
  g_assert_cmpstr (follow_ups[0], ==, "What would you do differently?");
  g_assert_cmpstr (follow_ups[1], ==, "How did the colleague see it?");
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 1), ==, "No example.");
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 2), ==, "An example, but blames others.");
  g_assert_null (ivc_question_get_rubric_anchor (question, 3));
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 4), ==, "Owns their part and shows what changed.");
  tags = ivc_question_get_tags (question);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 2);
  g_assert_cmpstr (tags[1], ==, "communication");

  /* An ordered list numbers the scores itself. */
  question = question_at (bank, 0, 1);
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 1), ==, "Cannot name one.");
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 3), ==, "Names one and what it taught them.");
  g_assert_null (ivc_question_get_rubric_anchor (question, 4));
  g_assert_cmpstr (ivc_question_get_strong_answer (question), ==, "");

  g_assert_cmpuint (g_strv_length ((char **)ivc_question_bank_get_warnings (bank)), ==, 0);
  g_assert_finalize_object (bank);
}

/* Titles and questions without ASCII letters get ids, distinct ones. */
static void
test_non_ascii (void)
{
  IvcQuestionBank *bank = import_valid ("# 微服务面试题\n"
                                        "\n"
                                        "## 初级\n"
                                        "\n"
                                        "### 什么是微服务？\n"
                                        "\n"
                                        "红旗\n"
                                        "\n"
                                        "### 什么是服务网格？\n"
                                        "\n"
                                        "## Ελληνικά\n"
                                        "\n"
                                        "### Τι είναι ένα API gateway;\n");
  IvcQuestion *first = question_at (bank, 0, 0);
  IvcQuestion *second = question_at (bank, 0, 1);

  g_assert_true (ivc_bank_id_is_valid (ivc_question_bank_get_id (bank)));
  g_assert_cmpstr (ivc_question_bank_get_title (bank), ==, "微服务面试题");
  g_assert_cmpstr (ivc_level_get_title (level_at (bank, 0)), ==, "初级");
  g_assert_true (ivc_bank_id_is_valid (ivc_level_get_id (level_at (bank, 0))));
  g_assert_cmpstr (ivc_level_get_id (level_at (bank, 0)), !=, ivc_level_get_id (level_at (bank, 1)));
  g_assert_cmpstr (ivc_question_get_question (first), ==, "什么是微服务？\n\n红旗");
  g_assert_cmpstr (ivc_question_get_id (first), ==, "9a0bf672");
  g_assert_cmpstr (ivc_question_get_id (first), !=, ivc_question_get_id (second));
  g_assert_true (g_str_has_prefix (ivc_question_get_id (question_at (bank, 1, 0)), "api-gateway-"));
  g_assert_finalize_object (bank);
}

static void
assert_problem (const char *guide,
                const char *problem)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = import_text (guide, -1, &problems, &error);

  g_assert_null (bank);
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_INVALID);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *found = g_ptr_array_index (problems, i);

      if (g_str_has_prefix (found->message, problem))
        return;
    }
  g_assert_cmpstr (error->message, ==, problem);
}

/* Every problem is an error with the file, line and column. */
static void
test_errors (void)
{
  assert_problem ("# T\n\n## L\n\n### \n\nRed flag\n\nx\n",
                  "guide.md:5:1: this question has no text");
  assert_problem ("# T\n\n## Empty\n\n## L\n\n### Q\n",
                  "guide.md:3:4: the level “Empty” has no questions");
  assert_problem ("# T\n\n## L\n\n### Q\n\nRubric\n\n- 1: fine\n- 5: too high\n",
                  "guide.md:10:3: a rubric item must start with its score, 1 to 4");
  assert_problem ("# T\n\n## L\n\n### Q\n\nRubric\n\n- 2: a\n- 2: b\n",
                  "guide.md:10:3: the rubric gives score 2 twice");
  assert_problem ("# T\n\n### Q\n\n## L\n\n### R\n",
                  "guide.md:3:5: this question comes before the first level");
  assert_problem ("Just a paragraph.\n\n## L\n\n### Q\n",
                  "guide.md:1:1: the guide has no title");
  assert_problem ("# T\n\nNo levels at all.\n",
                  "guide.md:1:1: the guide has no levels");
  assert_problem ("---\ntitle: T\nlanguage: English\n---\n\n## L\n\n### Q\n",
                  "guide.md:3:1: “language” must be a language tag");
  assert_problem ("# T\n\n## L\n\n### A {#same}\n\n### B {#same}\n",
                  "guide.md:7:1: the question id “same” is used twice");
}

static void
test_encoding (void)
{
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank = import_text ("# T\n\n## L\n\n### Q\xff\n", -1, NULL, &error);

  g_assert_null (bank);
  g_assert_error (error, IVC_BANK_ERROR, IVC_BANK_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "guide.md:5:6: the file is not valid UTF-8 text; save it as UTF-8");
}

/* Guides come in through the bank loader, by their name. */
static void
test_loader_reads_guides (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (rubric_guide, strlen (rubric_guide));
  g_autoptr(GError) error = NULL;
  IvcQuestionBank *bank;

  g_assert_true (ivc_guide_is_guide_name ("guide.md"));
  g_assert_true (ivc_guide_is_guide_name ("GUIDE.Markdown"));
  g_assert_false (ivc_guide_is_guide_name ("guide.json"));
  g_assert_false (ivc_guide_is_guide_name ("md"));

  bank = ivc_question_bank_new_from_bytes (bytes, "Guide.MD", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "behavioural");
  g_assert_finalize_object (bank);
}

/* The guide in docs/question-bank-format.md imports as it says. */
static void
test_docs_example (void)
{
  const char *root = g_getenv ("IVC_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root, "docs", "question-bank-format.md", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *example = NULL;
  const char *start, *end;
  IvcQuestionBank *bank;
  IvcQuestion *question;

  g_assert_true (g_file_get_contents (path, &doc, NULL, NULL));
  start = strstr (doc, "## Interview guides in Markdown");
  g_assert_nonnull (start);
  start = strstr (start, "```markdown\n");
  g_assert_nonnull (start);
  start += strlen ("```markdown\n");
  end = strstr (start, "\n```\n");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start + 1);

  bank = import_valid (example);
  g_assert_cmpstr (ivc_question_bank_get_id (bank), ==, "git-basics");
  g_assert_cmpuint (ivc_question_bank_get_n_questions (bank), ==, 2);
  g_assert_cmpstr (ivc_level_get_experience (level_at (bank, 0)), ==, "0–2 years");
  g_assert_cmpstr (ivc_level_get_focus (level_at (bank, 0)), ==, "Daily use");
  question = question_at (bank, 0, 0);
  g_assert_cmpstr (ivc_question_get_strong_answer (question), ==,
                   "A **snapshot** of the tracked files with its metadata:\n\n- author and date\n- a message");
  g_assert_cmpstr (ivc_question_get_rubric_anchor (question, 4), ==, "Explains snapshots and parents.");
  g_assert_cmpstr (ivc_question_get_follow_ups (question)[0], ==, "How would you change the last commit's message?");
  g_assert_cmpstr (ivc_question_get_id (question_at (bank, 0, 1)), ==, "merge-vs-rebase");
  g_assert_cmpstr (ivc_question_get_red_flag (question_at (bank, 0, 1)), ==, "");
  g_assert_cmpuint (g_strv_length ((char **)ivc_question_bank_get_warnings (bank)), ==, 0);
  g_assert_finalize_object (bank);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ivc/guide/seed-page", test_seed_page);
  g_test_add_func ("/ivc/guide/crlf", test_crlf);
  g_test_add_func ("/ivc/guide/multi-paragraph", test_multi_paragraph);
  g_test_add_func ("/ivc/guide/rubric-and-follow-ups", test_rubric_and_follow_ups);
  g_test_add_func ("/ivc/guide/non-ascii", test_non_ascii);
  g_test_add_func ("/ivc/guide/errors", test_errors);
  g_test_add_func ("/ivc/guide/encoding", test_encoding);
  g_test_add_func ("/ivc/guide/loader-reads-guides", test_loader_reads_guides);
  g_test_add_func ("/ivc/guide/docs-example", test_docs_example);

  return g_test_run ();
}
