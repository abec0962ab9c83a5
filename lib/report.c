/* report.c -- findings for vn-lint: chosen by rule, written as text, JSON or
   SARIF, and judged against thresholds */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "report.h"

struct vn_report
{
  const char *name, *version;
  const struct vn_rule *const *rules;
  size_t nrules;
  enum vn_report_format format;
  const char *select, *ignore;  /* comma lists of codes or prefixes */
  uint64_t max_defects;
  uint64_t *limit;              /* per rule: UINT64_MAX for none */
  uint64_t *count;              /* per rule: defects (fixes) reported */
  FILE *out;
  uint64_t nresults;
  struct vn_buf b;
};

struct vn_report *
vn_report_new (const char *name, const char *version,
               const struct vn_rule *const *rules, size_t nrules)
{
  struct vn_report *rep = vn_xcalloc (1, sizeof *rep);
  size_t i;

  rep->name = name;
  rep->version = version;
  rep->rules = rules;
  rep->nrules = nrules;
  rep->limit = vn_xcalloc (nrules ? nrules : 1, sizeof *rep->limit);
  rep->count = vn_xcalloc (nrules ? nrules : 1, sizeof *rep->count);
  for (i = 0; i < nrules; i++)
    rep->limit[i] = UINT64_MAX;
  return rep;
}

void
vn_report_free (struct vn_report *rep)
{
  if (!rep)
    return;
  free (rep->limit);
  free (rep->count);
  vn_buf_free (&rep->b);
  free (rep);
}

int
vn_report_set_format (struct vn_report *rep, const char *arg)
{
  if (!strcmp (arg, "text"))
    rep->format = VN_REPORT_TEXT;
  else if (!strcmp (arg, "json"))
    rep->format = VN_REPORT_JSON;
  else if (!strcmp (arg, "sarif"))
    rep->format = VN_REPORT_SARIF;
  else
    {
      vn_error (0, 0, "invalid argument '%s' for --format (valid: text, json, "
                "sarif)", arg);
      return -1;
    }
  return 0;
}

/* The index of the rule CODE, or -1. */
static ptrdiff_t
rule_index (const struct vn_report *rep, const char *code, size_t n)
{
  size_t i;

  for (i = 0; i < rep->nrules; i++)
    if (strlen (rep->rules[i]->code) == n
        && !strncmp (rep->rules[i]->code, code, n))
      return (ptrdiff_t) i;
  return -1;
}

/* Check that every item of LIST (for --OPT) is a code or the start of one:
   a typo would otherwise select nothing, silently. */
static int
check_codes (const struct vn_report *rep, const char *opt, const char *list)
{
  const char *p = list;

  if (!*list)
    {
      vn_error (0, 0, "--%s needs a list of rule codes", opt);
      return -1;
    }
  while (*p)
    {
      size_t n = strcspn (p, ","), i;
      for (i = 0; i < rep->nrules; i++)
        if (n > 0 && !strncmp (rep->rules[i]->code, p, n))
          break;
      if (i == rep->nrules)
        {
          vn_error (0, 0, "--%s: '%.*s' is no rule code or start of one "
                    "(see --help)", opt, (int) n, p);
          return -1;
        }
      p += n + (p[n] == ',');
    }
  return 0;
}

int
vn_report_select (struct vn_report *rep, const char *list)
{
  if (check_codes (rep, "select", list) < 0)
    return -1;
  rep->select = list;
  return 0;
}

int
vn_report_ignore (struct vn_report *rep, const char *list)
{
  if (check_codes (rep, "ignore", list) < 0)
    return -1;
  rep->ignore = list;
  return 0;
}

/* Parse a count: digits only. */
static int
parse_count (const char *s, uint64_t *v)
{
  char *end;

  if (*s < '0' || *s > '9')
    return -1;
  errno = 0;
  *v = strtoull (s, &end, 10);
  return errno || *end ? -1 : 0;
}

int
vn_report_max_defects (struct vn_report *rep, const char *arg)
{
  if (parse_count (arg, &rep->max_defects) < 0)
    {
      vn_error (0, 0, "invalid argument '%s' for --max-defects (a count)",
                arg);
      return -1;
    }
  return 0;
}

int
vn_report_threshold (struct vn_report *rep, const char *arg)
{
  size_t n = strcspn (arg, ":");
  ptrdiff_t i = rule_index (rep, arg, n);
  uint64_t v;

  if (!arg[n] || parse_count (arg + n + 1, &v) < 0)
    {
      vn_error (0, 0, "invalid argument '%s' for --threshold (CODE:COUNT, "
                "e.g. T101:10)", arg);
      return -1;
    }
  if (i < 0)
    {
      vn_error (0, 0, "--threshold: '%.*s' is no rule code (see --help)",
                (int) n, arg);
      return -1;
    }
  rep->limit[i] = v;
  return 0;
}

/* Does CODE start with one of the items of LIST? */
static int
matches (const char *list, const char *code)
{
  const char *p = list;

  while (*p)
    {
      size_t n = strcspn (p, ",");
      if (n && !strncmp (code, p, n))
        return 1;
      p += n + (p[n] == ',');
    }
  return 0;
}

int
vn_report_wants (const struct vn_report *rep, const char *code)
{
  return (!rep->select || matches (rep->select, code))
    && !(rep->ignore && matches (rep->ignore, code));
}

/* SARIF wants a URI: a relative reference, with what is not unreserved
   (letters, digits, - . _ ~ and the / of paths) percent-encoded. */
static void
put_uri (struct vn_buf *b, const char *path)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *p = (const unsigned char *) path;

  for (; *p; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
        || (*p >= '0' && *p <= '9') || strchr ("-._~/", *p))
      vn_buf_putc (b, (char) *p);
    else
      {
        vn_buf_putc (b, '%');
        vn_buf_putc (b, hex[*p >> 4]);
        vn_buf_putc (b, hex[*p & 15]);
      }
}

static void
put_json (struct vn_buf *b, const char *s)
{
  vn_json_encode (s, strlen (s), 0, b);
}

static void
flush (struct vn_report *rep)
{
  if (rep->b.len == 0)
    return;
  fwrite (rep->b.p, 1, rep->b.len, rep->out);
  vn_buf_clear (&rep->b);
}

void
vn_report_begin (struct vn_report *rep, FILE *out)
{
  size_t i;
  struct vn_buf *b = &rep->b;

  rep->out = out;
  rep->nresults = 0;
  switch (rep->format)
    {
    case VN_REPORT_TEXT:
      break;
    case VN_REPORT_JSON:
      vn_buf_puts (b, "[");
      break;
    case VN_REPORT_SARIF:
      /* The tool and its rules first, then the results as they come: the
         report streams, however big the corpus. */
      vn_buf_puts (b, "{\n  \"$schema\": \"https://json.schemastore.org/"
                   "sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
                   "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": "
                   "{\n          \"name\": ");
      put_json (b, rep->name);
      vn_buf_puts (b, ",\n          \"version\": ");
      put_json (b, rep->version);
      vn_buf_puts (b, ",\n          \"informationUri\": ");
      put_json (b, PACKAGE_URL);
      vn_buf_puts (b, ",\n          \"rules\": [");
      for (i = 0; i < rep->nrules; i++)
        {
          vn_buf_puts (b, i ? ",\n            {\"id\": "
                       : "\n            {\"id\": ");
          put_json (b, rep->rules[i]->code);
          vn_buf_puts (b, ", \"shortDescription\": {\"text\": ");
          put_json (b, rep->rules[i]->summary);
          vn_buf_puts (b, "}}");
        }
      vn_buf_puts (b, "\n          ]\n        }\n      },\n"
                   "      \"columnKind\": \"unicodeCodePoints\",\n"
                   "      \"results\": [");
      break;
    }
  flush (rep);
}

void
vn_report_finding (struct vn_report *rep, const char *file, uint64_t line,
                   uint64_t col, const struct vn_rule *rule,
                   const char *message, int fix)
{
  struct vn_buf *b = &rep->b;
  char num[64];
  ptrdiff_t i;

  if (!vn_report_wants (rep, rule->code))
    return;
  i = rule_index (rep, rule->code, strlen (rule->code));
  if (fix && i >= 0)
    rep->count[i]++;
  switch (rep->format)
    {
    case VN_REPORT_TEXT:
      snprintf (num, sizeof num, ":%" PRIu64 ":%" PRIu64 ": ", line, col);
      vn_buf_puts (b, file);
      vn_buf_puts (b, num);
      vn_buf_puts (b, rule->code);
      vn_buf_puts (b, ": ");
      vn_buf_puts (b, message);
      vn_buf_putc (b, '\n');
      break;
    case VN_REPORT_JSON:
      vn_buf_puts (b, rep->nresults ? ",\n  {\"file\": " : "\n  {\"file\": ");
      put_json (b, file);
      snprintf (num, sizeof num, ", \"line\": %" PRIu64 ", \"column\": %"
                PRIu64 ", \"rule\": ", line, col);
      vn_buf_puts (b, num);
      put_json (b, rule->code);
      vn_buf_puts (b, ", \"kind\": ");
      vn_buf_puts (b, fix ? "\"fix\"" : "\"note\"");
      vn_buf_puts (b, ", \"message\": ");
      put_json (b, message);
      vn_buf_puts (b, "}");
      break;
    case VN_REPORT_SARIF:
      vn_buf_puts (b, rep->nresults ? ",\n        {\"ruleId\": "
                   : "\n        {\"ruleId\": ");
      put_json (b, rule->code);
      if (i >= 0)
        {
          snprintf (num, sizeof num, ", \"ruleIndex\": %td", i);
          vn_buf_puts (b, num);
        }
      vn_buf_puts (b, fix ? ", \"level\": \"warning\"" : ", \"level\": \"note\"");
      vn_buf_puts (b, ", \"message\": {\"text\": ");
      put_json (b, message);
      vn_buf_puts (b, "}, \"locations\": [{\"physicalLocation\": "
                   "{\"artifactLocation\": {\"uri\": \"");
      put_uri (b, file);
      snprintf (num, sizeof num, "\"}, \"region\": {\"startLine\": %" PRIu64
                ", \"startColumn\": %" PRIu64 "}}}]}", line, col);
      vn_buf_puts (b, num);
      break;
    }
  rep->nresults++;
  flush (rep);
}

void
vn_report_end (struct vn_report *rep)
{
  switch (rep->format)
    {
    case VN_REPORT_TEXT:
      break;
    case VN_REPORT_JSON:
      vn_buf_puts (&rep->b, rep->nresults ? "\n]\n" : "]\n");
      break;
    case VN_REPORT_SARIF:
      vn_buf_puts (&rep->b, rep->nresults ? "\n      ]\n    }\n  ]\n}\n"
                   : "]\n    }\n  ]\n}\n");
      break;
    }
  flush (rep);
}

int
vn_report_failed (const struct vn_report *rep, FILE *err,
                  const char *program)
{
  uint64_t total = 0;
  size_t i;
  int failed = 0;

  /* A rule with its own threshold is judged by it alone. */
  for (i = 0; i < rep->nrules; i++)
    if (rep->limit[i] != UINT64_MAX)
      {
        if (rep->count[i] > rep->limit[i])
          {
            fprintf (err, "%s: %s: %" PRIu64 " defects, over its threshold "
                     "of %" PRIu64 "\n", program, rep->rules[i]->code,
                     rep->count[i], rep->limit[i]);
            failed = 1;
          }
      }
    else
      total += rep->count[i];
  if (total > rep->max_defects)
    {
      if (rep->max_defects)
        fprintf (err, "%s: %" PRIu64 " defects, over --max-defects=%" PRIu64
                 "\n", program, total, rep->max_defects);
      failed = 1;
    }
  return failed;
}
