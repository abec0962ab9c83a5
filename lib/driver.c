/* driver.c -- the shared main of every filter: options, inputs, documents,
   and what happens to the edits (applied, listed, diffed, counted) */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "decode.h"
#include "diag.h"
#include "diff.h"
#include "driver.h"
#include "edit.h"
#include "json.h"
#include "reader.h"
#include "report.h"
#include "utf8.h"
#include "walk.h"

/* MODE_REPORT: a report-only fixer (struct vn_fixer's REPORT_ONLY) writes
   the output itself; the text is not written. */
enum mode { MODE_WRITE, MODE_CHECK, MODE_DIFF, MODE_REPORT };

enum
{
  OPT_CHECK = CHAR_MAX + 1, OPT_DIFF, OPT_STATS, OPT_JSONL, OPT_DOC_SEP,
  OPT_INVALID, OPT_HELP, OPT_VERSION, OPT_ONLY, OPT_SKIP, OPT_LIST,
  OPT_FORMAT, OPT_SELECT, OPT_IGNORE, OPT_MAX_DEFECTS, OPT_THRESHOLD,
  OPT_INCLUDE, OPT_EXCLUDE,
  OPT_FIXER                     /* OPT_FIXER + k: the k-th fixer option */
};

static const struct option common_options[] = {
  {"check", no_argument, NULL, OPT_CHECK},
  {"diff", no_argument, NULL, OPT_DIFF},
  {"stats", optional_argument, NULL, OPT_STATS},
  {"in-place", optional_argument, NULL, 'i'},
  {"output", required_argument, NULL, 'o'},
  {"jsonl", optional_argument, NULL, OPT_JSONL},
  {"doc-sep", required_argument, NULL, OPT_DOC_SEP},
  {"invalid", required_argument, NULL, OPT_INVALID},
  {"help", no_argument, NULL, OPT_HELP},
  {"version", no_argument, NULL, OPT_VERSION},
};
enum { NCOMMON = sizeof common_options / sizeof common_options[0] };

/* Offered by filters that run several fixers (vn-clean, vn-lint). */
static const struct option select_options[] = {
  {"only", required_argument, NULL, OPT_ONLY},
  {"skip", required_argument, NULL, OPT_SKIP},
  {"list", no_argument, NULL, OPT_LIST},
};
enum { NSELECT = sizeof select_options / sizeof select_options[0] };

/* Offered by vn-lint. */
static const struct option lint_options[] = {
  {"format", required_argument, NULL, OPT_FORMAT},
  {"select", required_argument, NULL, OPT_SELECT},
  {"ignore", required_argument, NULL, OPT_IGNORE},
  {"max-defects", required_argument, NULL, OPT_MAX_DEFECTS},
  {"threshold", required_argument, NULL, OPT_THRESHOLD},
  {"include", required_argument, NULL, OPT_INCLUDE},
  {"exclude", required_argument, NULL, OPT_EXCLUDE},
};
enum { NLINT = sizeof lint_options / sizeof lint_options[0] };

struct stage
{
  const struct vn_fixer *f;
  void *state;
  uint64_t *counts;             /* edits per rule of F */
  size_t nrules;                /* rules of F: entries of COUNTS */
};

struct run
{
  const struct vn_filter *filter;
  enum mode mode;
  int stats, jsonl;
  int stats_each;               /* --stats=file: counts after each FILE */
  int failed;                   /* the FILE at hand could not be done */
  int in_place;
  const char *suffix;           /* backup suffix of -i, or NULL */
  const char *output;           /* -o FILE, or NULL */
  const char *field;            /* --jsonl field */
  const char *doc_sep;
  size_t doc_sep_len;
  enum vn_invalid invalid;

  struct stage *stages;
  size_t nstages;

  int status;
  int found;                    /* --check saw something to fix */
  FILE *out;
  const char *out_name;         /* for write errors */
  struct vn_diff *diff;
  struct vn_edits edits;
  struct vn_edit_map map;       /* what the stages did to the line */
  struct vn_buf a, b;           /* a line being rewritten, ping-pong */
  struct vn_buf hold, hold_raw; /* the line waiting for its successor */
  struct vn_buf text, newtext, rec;     /* the JSONL record at hand */
  uint64_t col_base;            /* characters of the document before the line */
  uint64_t ndocs, nlines, nfix, nnotes;
  uint64_t input_fixes;         /* fixing edits in the input at hand (-i) */

  /* With a document-scope stage, each document is held whole (see
     struct held) and its --check lines are sorted before they are
     printed. */
  int doc_scope;
  struct held *held;
  struct vn_buf diags;          /* --check lines of the held document */
  struct vn_buf names;          /* "entities, unicode, ..." */
  struct vn_report *report;     /* vn-lint's, or NULL */
  const struct vn_rule **report_rules;
  struct vn_globs globs;        /* vn-lint's --include, --exclude */
  struct diag *diag_v;
  size_t ndiag, diag_cap;
};

/* A line of a held document.  Its bytes are in the arena HELD->text at
   OFF (N bytes, terminator included; 0 once a stage deleted it): the
   arena only grows while the document is held, so a line a stage leaves
   alone is never copied. */
struct held_line
{
  size_t off, n;
  size_t in_off, in_n;          /* the line as read (after --invalid) */
  size_t raw_off, raw_n;        /* the bytes as read, in HELD->raw, when
                                   --invalid replaced some; else RAW_N is
                                   SIZE_MAX and they are IN_OFF, IN_N */
  uint64_t lineno, offset, col_base;
  struct vn_edit_map map;       /* what the stages did to it */
};

struct held
{
  struct vn_buf text, raw;
  struct held_line *v;
  size_t n, cap;
  struct vn_line *lines;        /* the live lines, as the stage sees them */
  size_t *index;                /* LINES[J] is V[INDEX[J]] */
  struct vn_edits *edits;       /* one set per live line */
  size_t lines_cap;
};

/* A finding of a held document, to report in input order. */
struct diag
{
  uint64_t lineno, col;
  size_t seq, off;              /* OFF: its reason in RUN->diags */
  const struct vn_rule *rule;
  int fix;
};

/* The in-place temporary file, removed if we die before renaming it. */
static char *temp_path;

static void
remove_temp (void)
{
  if (temp_path)
    unlink (temp_path);
}

static void
raise_status (struct run *r, int status)
{
  if (status > r->status)
    r->status = status;
}

/* The FILE at hand could not be read or replaced. */
static void
fail_file (struct run *r, int status)
{
  r->failed = 1;
  raise_status (r, status);
}

static _Noreturn void
write_error (struct run *r)
{
  int e = errno;
  if (r->out_name)
    vn_error (VN_EXIT_ERROR, e, "write error: %s", r->out_name);
  vn_error (VN_EXIT_ERROR, e, "write error");
  abort ();
}

static void
put (struct run *r, const char *p, size_t n)
{
  if (n && fwrite (p, 1, n, r->out) != n)
    write_error (r);
}

/* ---------------------------------------------------------------------- */
/* Help and version                                                       */

static void
try_help (const struct vn_filter *filter)
{
  fprintf (stderr, "Try '%s --help' for more information.\n", filter->name);
  exit (VN_EXIT_ERROR);
}

/* Print TEXT from column INDENT, wrapped before column 80. */
static void
wrapped (const char *text, int indent, int col)
{
  while (*text)
    {
      const char *end = text;
      int width = 0;
      /* Take words while they fit (at least one). */
      for (;;)
        {
          const char *w = end;
          while (*w == ' ')
            w++;
          const char *e = w;
          while (*e && *e != ' ')
            e++;
          /* Width in characters: UTF-8 letters are several bytes. */
          int chars = (int) vn_utf8_count (end, (size_t) (e - end));
          if (end != text && col + width + chars > 79)
            break;
          width += chars;
          end = e;
          if (!*e)
            break;
        }
      printf ("%.*s\n", (int) (end - text), text);
      text = end;
      while (*text == ' ')
        text++;
      if (*text)
        printf ("%*s", indent, "");
      col = indent;
    }
}

static void
option_line (const char *shortopt, const char *name, const char *arg,
             int optional, const char *help)
{
  char spec[80];

  snprintf (spec, sizeof spec, "%s%s%s%s%s%s", shortopt ? shortopt : "    ",
            shortopt ? ", --" : "--", name,
            arg ? (optional ? "[=" : "=") : "", arg ? arg : "",
            arg && optional ? "]" : "");
  if (strlen (spec) < 24)
    printf ("  %-24s ", spec);
  else
    printf ("  %s\n%27s", spec, "");
  wrapped (help, 27, 27);
}

/* --help and --version write to standard output too: a full disk there
   is an error like any other. */
static _Noreturn void
exit_after_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout) || fclose (stdout) != 0)
    vn_error (VN_EXIT_ERROR, errno, "write error");
  exit (VN_EXIT_OK);
}

/* Has a fixer of FIXERS before F an option NAME?  (Fixers may share an
   option; it is shown and offered once.) */
static int
option_before (const struct vn_fixer *const *fixers,
               const struct vn_fixer *const *f, const char *name)
{
  const struct vn_fixer *const *g;
  const struct vn_fixer_option *o;

  for (g = fixers; g < f; g++)
    for (o = (*g)->options; o && o->name; o++)
      if (!strcmp (o->name, name))
        return 1;
  return 0;
}

static void
usage (const struct vn_filter *filter)
{
  const struct vn_fixer *const *f;
  int any = 0;

  printf ("Usage: %s [OPTION]... [FILE]...\n", filter->name);
  fputs (filter->description, stdout);
  puts ("\nWith no FILE, or when FILE is -, read standard input.  Each FILE is"
        " one\ndocument (see --jsonl and --doc-sep for other framings).\n");
  for (f = filter->fixers; *f; f++)
    {
      const struct vn_fixer_option *o;
      for (o = (*f)->options; o && o->name; o++)
        {
          char help[1024];

          if (option_before (filter->fixers, f, o->name))
            continue;
          if (!any++)
            puts ("Filter options:");
          const struct vn_fixer_alias *a;
          char shortopt[3] = { '-', 0, '\0' };
          for (a = (*f)->aliases; a && a->letter; a++)
            if (!strcmp (a->option, o->name))
              shortopt[1] = a->letter;
          /* With several fixers, say whose option it is. */
          snprintf (help, sizeof help, "%s%s%s", filter->fixers[1] ? "("
                    : "", filter->fixers[1] ? (*f)->filter : "",
                    filter->fixers[1] ? ") " : "");
          strncat (help, o->help, sizeof help - strlen (help) - 1);
          option_line (shortopt[1] ? shortopt : NULL, o->name, o->arg_name,
                       0, help);
        }
    }
  if (any)
    putchar ('\n');
  puts ("Common options:");
  option_line (NULL, "check", NULL, 0,
               "change nothing; list each fix as FILE:LINE:COL: RULE: reason "
               "on standard output, and exit 1 if there is any");
  option_line (NULL, "diff", NULL, 0,
               "write a unified diff of what would change instead of the text");
  option_line (NULL, "stats", "SCOPE", 1,
               "count the edits by rule on standard error: at the end for "
               "all the input (SCOPE total, the default), or after each FILE "
               "that could be read (file), each line then starting with its "
               "name");
  option_line ("-i", "in-place", "SUFFIX", 1,
               "rewrite each FILE (atomically, through a temporary file); "
               "keep the original as FILE+SUFFIX if SUFFIX is given");
  option_line ("-o", "output", "FILE", 0,
               "write to FILE instead of standard output");
  option_line (NULL, "jsonl", "FIELD", 1,
               "the input is JSON Lines; the string FIELD (default \"text\") "
               "of each record is one document, the rest of the record is "
               "written back unchanged");
  option_line (NULL, "doc-sep", "LINE", 0,
               "a line equal to LINE separates documents (it is written "
               "back unchanged)");
  option_line (NULL, "invalid", "POLICY", 0,
               "what to do with bytes that are not UTF-8: replace (with "
               "U+FFFD, the default), keep, or fail; each is reported with "
               "its line, column and byte offset");
  if (filter->select)
    {
      option_line (NULL, "only", "LIST", 0,
                   "run only the filters in LIST (comma-separated names: "
                   "tones or vn-tones), in their usual order");
      option_line (NULL, "skip", "LIST", 0,
                   "run all the filters but those in LIST");
      option_line (NULL, "list", NULL, 0,
                   "print the filters that would run, in order, one per "
                   "line, and exit");
    }
  if (filter->lint)
    {
      option_line (NULL, "format", "FORMAT", 0,
                   "text (FILE:LINE:COL: RULE: message, the default), json "
                   "(an array of findings) or sarif (SARIF 2.1.0, for "
                   "code-scanning services)");
      option_line (NULL, "select", "CODES", 0,
                   "report only these rules: comma-separated codes or their "
                   "starts (T1, E103, U)");
      option_line (NULL, "ignore", "CODES", 0,
                   "do not report these rules (after --select)");
      option_line (NULL, "max-defects", "N", 0,
                   "exit 0 while there are at most N defects (default 0); "
                   "notes never count");
      option_line (NULL, "threshold", "CODE:N", 0,
                   "allow rule CODE up to N defects; it is then judged by "
                   "this alone, not by --max-defects (repeatable)");
      option_line (NULL, "include", "GLOB", 0,
                   "in a directory, look only at the files GLOB matches (on "
                   "the name, or on the path under the directory when GLOB "
                   "has a '/'; repeatable)");
      option_line (NULL, "exclude", "GLOB", 0,
                   "in a directory, skip the files and directories GLOB "
                   "matches (repeatable)");
    }
  option_line (NULL, "help", NULL, 0, "display this help and exit");
  option_line (NULL, "version", NULL, 0,
               "output version information and exit");
  puts ("\nRules (codes are stable; --check and --stats use them):");
  for (f = filter->fixers; *f; f++)
    {
      const struct vn_rule *rule;
      for (rule = (*f)->rules; rule->code; rule++)
        printf ("  %-6s %s\n", rule->code, rule->summary);
    }
  puts ("  I001   invalid UTF-8 in the input (reported on standard error)\n"
        "  I002   --jsonl: a record that is not valid JSON (passed through)\n"
        "  I003   --jsonl: a record without the field (passed through)\n"
        "  I004   --jsonl: the field is not a string (passed through)\n"
        "  I005   --jsonl: the field holds a lone surrogate (passed through)");
  puts ("\nExit status:\n"
        "  0  success\n"
        "  1  --check found something to fix, or an input could not be read "
        "or processed\n"
        "     (the other inputs are still processed)\n"
        "  2  usage or system error (write error, out of memory)");
  printf ("\nReport bugs to: %s\n%s home page: <%s>\n", PACKAGE_BUGREPORT,
          PACKAGE_NAME, PACKAGE_URL);
  exit_after_output ();
}

static void
version (const struct vn_filter *filter)
{
  printf ("%s (%s) %s\n", filter->name, PACKAGE_NAME, PACKAGE_VERSION);
  puts ("Copyright (C) 2026 the vnclean authors.\n"
        "License GPLv3+: GNU GPL version 3 or later "
        "<https://gnu.org/licenses/gpl.html>.\n"
        "This is free software: you are free to change and redistribute it.\n"
        "There is NO WARRANTY, to the extent permitted by law.");
  exit_after_output ();
}

/* ---------------------------------------------------------------------- */
/* Lines                                                                  */

/* Split the terminator off TEXT[0..N). */
static void
split_eol (const char *text, size_t n, size_t *len, size_t *eol)
{
  size_t e = 0;
  if (n && text[n - 1] == '\n')
    e = n >= 2 && text[n - 2] == '\r' ? 2 : 1;
  else if (n && text[n - 1] == '\r')
    e = 1;
  *len = n - e;
  *eol = e;
}

/* Split the first line off TEXT[0..N): content length and terminator
   length ("\n", "\r\n", "\r" or none), as the reader does for files. */
static void
first_line (const char *text, size_t n, size_t *len, size_t *eol)
{
  const char *nl = memchr (text, '\n', n);
  const char *cr = memchr (text, '\r', nl ? (size_t) (nl - text) : n);

  if (cr)
    {
      *len = (size_t) (cr - text);
      *eol = cr + 1 < text + n && cr[1] == '\n' ? 2 : 1;
    }
  else
    {
      *len = nl ? (size_t) (nl - text) : n;
      *eol = nl != NULL;
    }
}

/* Report a finding now: as a --check line, or to vn-lint's report. */
static void
report_now (struct run *r, const struct vn_doc *doc, uint64_t lineno,
            uint64_t col, const struct vn_rule *rule, const char *reason,
            int fix)
{
  if (r->report)
    vn_report_finding (r->report, doc->name, lineno, col, rule, reason, fix);
  else if (fprintf (r->out, "%s:%llu:%llu: %s: %s\n", doc->name,
                    (unsigned long long) lineno, (unsigned long long) col,
                    rule->code, reason) < 0)
    write_error (r);
}

/* Report a finding: at once when streaming; in a held document, after
   all its stages ran, sorted (print_diags). */
static void
finding (struct run *r, const struct vn_doc *doc, uint64_t lineno,
         uint64_t col, const struct vn_rule *rule, const char *reason,
         int fix)
{
  struct diag *d;

  if (!r->doc_scope)
    {
      report_now (r, doc, lineno, col, rule, reason, fix);
      return;
    }
  if (r->ndiag == r->diag_cap)
    {
      r->diag_cap = vn_grow (r->diag_cap, r->ndiag + 1);
      r->diag_v = vn_xrealloc (r->diag_v, r->diag_cap * sizeof *r->diag_v);
    }
  d = &r->diag_v[r->ndiag];
  d->lineno = lineno;
  d->col = col;
  d->seq = r->ndiag++;
  d->off = r->diags.len;
  d->rule = rule;
  d->fix = fix;
  vn_buf_append (&r->diags, reason, strlen (reason) + 1);
}

static int
diag_cmp (const void *a, const void *b)
{
  const struct diag *x = a, *y = b;

  if (x->lineno != y->lineno)
    return x->lineno < y->lineno ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Report the findings of the held document DOC in input order: by line,
   column, then the order of the stages. */
static void
print_diags (struct run *r, const struct vn_doc *doc)
{
  size_t i;

  if (r->ndiag == 0)
    return;             /* (and qsort may not be given a null array) */
  qsort (r->diag_v, r->ndiag, sizeof *r->diag_v, diag_cmp);
  for (i = 0; i < r->ndiag; i++)
    {
      const struct diag *d = &r->diag_v[i];
      report_now (r, doc, d->lineno, d->col, d->rule, r->diags.p + d->off,
                  d->fix);
    }
  r->ndiag = 0;
  vn_buf_clear (&r->diags);
}

/* Count and, with --check, list the edits E of stage S on line LN.  The
   line read was ORIG (what the stages before did to it is in MAP): a
   column is counted there, where the user will look for it. */
static void
account (struct run *r, struct stage *s, const struct vn_doc *doc,
         const struct vn_line *ln, const struct vn_edits *e,
         const char *orig, const struct vn_edit_map *map)
{
  size_t i, counted = 0;
  uint64_t col = r->col_base;

  (void) ln;
  r->nfix += e->nfix;
  r->nnotes += e->n - e->nfix;
  r->input_fixes += e->nfix;
  if (e->nfix)
    r->found = 1;
  for (i = 0; i < e->n; i++)
    {
      const struct vn_edit *d = &e->v[i];
      size_t off;

      s->counts[d->rule - s->f->rules]++;
      if (r->mode != MODE_CHECK)
        continue;
      /* Edits are sorted, and map back in order: count characters
         incrementally. */
      off = vn_edit_map_back (map, d->off);
      if (off < counted)
        {
          counted = 0;
          col = r->col_base;
        }
      col += vn_utf8_count (orig + counted, off - counted);
      counted = off;
      finding (r, doc, ln->lineno, col + 1, d->rule, vn_edit_reason (e, d),
               d->fix);
    }
}

/* Check, count and list the edits E that stage S proposed for LN (N bytes
   with the terminator), and write the changed line into OUT.  Return 1 when
   it changed, 0 when LN stays as it is. */
static int
apply_stage (struct run *r, struct stage *s, const struct vn_doc *doc,
             const struct vn_line *ln, size_t n, struct vn_edits *e,
             const char *orig, struct vn_edit_map *map, struct vn_buf *out)
{
  int rc;

  if (e->n == 0)
    return 0;
  rc = vn_edits_sort (e, n);
  if (rc != VN_EDIT_OK)
    {
      /* A bug in a fixer: never guess which edit was meant. */
      vn_warn_at (doc->name, ln->lineno, 1,
                  "internal error: %s proposed %s edits; line left as it "
                  "was", s->f->name, rc == VN_EDIT_OVERLAP
                  ? "overlapping" : "out-of-range");
      raise_status (r, VN_EXIT_ERROR);
      return 0;
    }
  account (r, s, doc, ln, e, orig, map);
  if (!e->nfix)
    return 0;
  vn_buf_clear (out);
  vn_edits_apply (e, ln->text, n, out);
  vn_edit_map_add (map, e, (unsigned) (s - r->stages));
  return 1;
}

/* A line reaches the stages: --invalid=replace changed it already, which
   is a change. */
static void
count_line (struct run *r, const struct vn_line *in)
{
  r->nlines++;
  if (in->raw != in->text)
    {
      r->found = 1;
      r->input_fixes++;
    }
}

/* Run every stage over the line IN (a --doc-sep line when SEP); return the
   result in *OUT, *OUTN. */
static void
fix_line (struct run *r, const struct vn_doc *doc, const struct vn_line *in,
          int sep, const char **out, size_t *outn)
{
  struct vn_line ln = *in;
  size_t n = in->len + in->eol_len, i;
  struct vn_buf *next = &r->a;

  if (!sep)
    count_line (r, in);
  vn_edit_map_clear (&r->map);
  for (i = 0; i < r->nstages && n > 0; i++)
    {
      struct stage *s = &r->stages[i];

      if (sep && !s->f->separator)
        continue;
      vn_edits_clear (&r->edits);
      r->edits.terse = r->mode != MODE_CHECK;
      (sep ? s->f->separator : s->f->line) (s->state, doc, &ln, &r->edits);
      if (!apply_stage (r, s, doc, &ln, n, &r->edits, in->text, &r->map,
                        next))
        continue;
      ln.text = next->p;
      n = next->len;
      split_eol (ln.text, n, &ln.len, &ln.eol_len);
      next = next == &r->a ? &r->b : &r->a;
    }
  *out = ln.text;
  *outn = n;
}

/* The line IN became TEXT[0..N): send it where the mode says. */
static void
emit (struct run *r, const struct vn_line *in, const char *text, size_t n)
{
  if (r->jsonl)
    vn_buf_append (&r->newtext, text, n);
  if (r->mode == MODE_DIFF)
    vn_diff_line (r->diff, in->raw, in->raw_len, text, n);
  else if (r->mode == MODE_WRITE && !r->jsonl)
    put (r, text, n);
}

/* ---------------------------------------------------------------------- */
/* Documents held whole                                                   */

/* Hold the line LN (its bytes are copied: the reader reuses its buffers)
   until the end of its document; COL_BASE is the characters of the
   document before it (JSONL). */
static void
hold_line (struct run *r, const struct vn_line *ln, uint64_t col_base)
{
  struct held *h = r->held;
  struct held_line *l;

  count_line (r, ln);
  if (h->n == h->cap)
    {
      size_t old = h->cap;
      h->cap = vn_grow (h->cap, h->n + 1);
      h->v = vn_xrealloc (h->v, h->cap * sizeof *h->v);
      memset (h->v + old, 0, (h->cap - old) * sizeof *h->v);
    }
  l = &h->v[h->n++];
  vn_edit_map_clear (&l->map);
  l->off = l->in_off = h->text.len;
  l->n = l->in_n = ln->len + ln->eol_len;
  vn_buf_append (&h->text, ln->text, l->n);
  l->raw_n = SIZE_MAX;
  if (ln->raw != ln->text)
    {
      l->raw_off = h->raw.len;
      l->raw_n = ln->raw_len;
      vn_buf_append (&h->raw, ln->raw, ln->raw_len);
    }
  l->lineno = ln->lineno;
  l->offset = ln->offset;
  l->col_base = col_base;
}

/* The live lines of the held document as the next stage sees them, into
   H->lines and H->index, each with the next live line as lookahead; return
   how many. */
static size_t
live_lines (struct held *h)
{
  size_t i, k = 0;

  if (h->lines_cap < h->n)
    {
      size_t j = h->lines_cap;
      h->lines_cap = vn_grow (h->lines_cap, h->n);
      h->lines = vn_xrealloc (h->lines, h->lines_cap * sizeof *h->lines);
      h->index = vn_xrealloc (h->index, h->lines_cap * sizeof *h->index);
      h->edits = vn_xrealloc (h->edits, h->lines_cap * sizeof *h->edits);
      memset (h->edits + j, 0, (h->lines_cap - j) * sizeof *h->edits);
    }
  for (i = 0; i < h->n; i++)
    {
      const struct held_line *l = &h->v[i];
      struct vn_line *ln = &h->lines[k];

      if (l->n == 0)
        continue;
      memset (ln, 0, sizeof *ln);
      ln->text = h->text.p + l->off;
      split_eol (ln->text, l->n, &ln->len, &ln->eol_len);
      ln->lineno = l->lineno;
      ln->offset = l->offset;
      ln->raw = l->raw_n == SIZE_MAX ? h->text.p + l->in_off
        : h->raw.p + l->raw_off;
      ln->raw_len = l->raw_n == SIZE_MAX ? l->in_n : l->raw_n;
      if (k > 0)
        {
          h->lines[k - 1].next = ln->text;
          h->lines[k - 1].next_len = ln->len;
        }
      h->index[k++] = i;
    }
  return k;
}

/* Run every stage over the held document, stage by stage (a document-
   scope stage sees all its lines at once), send the lines on, and forget
   the document. */
static void
flush_doc (struct run *r, const struct vn_doc *doc)
{
  struct held *h = r->held;
  size_t i, j, k = 0;
  int changed = 1;

  for (i = 0; i < r->nstages; i++)
    {
      struct stage *s = &r->stages[i];

      /* The lines as the stages before left them: most stages change
         nothing, and then the lines of the stage before serve. */
      if (changed)
        k = live_lines (h);
      changed = 0;
      for (j = 0; j < k; j++)
        {
          vn_edits_clear (&h->edits[j]);
          /* Only --check (and vn-lint) reads the reasons. */
          h->edits[j].terse = r->mode != MODE_CHECK;
        }
      if (s->f->document)
        s->f->document (s->state, doc, h->lines, k, h->edits);
      else
        for (j = 0; j < k; j++)
          s->f->line (s->state, doc, &h->lines[j], &h->edits[j]);
      for (j = 0; j < k; j++)
        {
          struct held_line *l;
          struct vn_line ln;

          if (h->edits[j].n == 0)
            continue;
          l = &h->v[h->index[j]];
          /* The arena may move as changed lines are added to it. */
          ln = h->lines[j];
          ln.text = h->text.p + l->off;
          ln.raw = l->raw_n == SIZE_MAX ? h->text.p + l->in_off
            : h->raw.p + l->raw_off;
          r->col_base = l->col_base;
          if (!apply_stage (r, s, doc, &ln, l->n, &h->edits[j],
                            h->text.p + l->in_off, &l->map, &r->a))
            continue;
          l->off = h->text.len;
          l->n = r->a.len;
          vn_buf_append (&h->text, r->a.p, r->a.len);
          changed = 1;
        }
    }
  for (i = 0; i < h->n; i++)
    {
      const struct held_line *l = &h->v[i];
      struct vn_line in = { 0 };

      in.raw = l->raw_n == SIZE_MAX ? h->text.p + l->in_off
        : h->raw.p + l->raw_off;
      in.raw_len = l->raw_n == SIZE_MAX ? l->in_n : l->raw_n;
      emit (r, &in, h->text.p + l->off, l->n);
    }
  if (r->mode == MODE_CHECK)
    print_diags (r, doc);
  h->n = 0;
  vn_buf_clear (&h->text);
  vn_buf_clear (&h->raw);
}

static void
begin_doc (struct run *r, const struct vn_doc *doc)
{
  size_t i;

  r->ndocs++;
  r->col_base = 0;
  for (i = 0; i < r->nstages; i++)
    if (r->stages[i].f->begin_doc)
      r->stages[i].f->begin_doc (r->stages[i].state, doc);
}

/* ---------------------------------------------------------------------- */
/* JSON Lines                                                             */

/* Write the record LN as it came. */
static void
pass_record (struct run *r, const struct vn_line *ln)
{
  if (r->mode == MODE_WRITE)
    put (r, ln->text, ln->len + ln->eol_len);
}

static void
process_record (struct run *r, const char *name, const struct vn_line *ln)
{
  struct vn_doc doc = { .name = name, .jsonl = 1 };
  size_t start, end, pos, i, n;

  doc.lineno = doc.index = ln->lineno;
  doc.report = r->out;

  if (ln->raw != ln->text)
    {
      /* Invalid bytes were replaced: the record is written anew. */
      r->found = 1;
      r->input_fixes++;
    }
  enum vn_json_status st;
  const char *problem = NULL;
  char where[64];

  for (i = 0; i < ln->len && strchr (" \t", ln->text[i]); i++)
    ;
  if (i == ln->len)
    {
      /* A blank line between records is not a record. */
      pass_record (r, ln);
      return;
    }
  st = vn_json_find (ln->text, ln->len, r->field, &start, &end);
  vn_buf_clear (&r->text);
  switch (st)
    {
    case VN_JSON_INVALID:
      vn_warn_at (name, ln->lineno, vn_utf8_count (ln->text, start) + 1,
                  "I002: not a valid JSON record; passed through unchanged");
      break;
    case VN_JSON_NOFIELD:
      problem = "I003: the record has no field \"%s\"; passed through "
        "unchanged";
      break;
    case VN_JSON_NOTSTRING:
      problem = "I004: the field \"%s\" is not a string; passed through "
        "unchanged";
      break;
    case VN_JSON_OK:
      if (vn_json_decode (ln->text + start, end - start, &r->text) < 0)
        problem = "I005: the field \"%s\" holds a lone surrogate escape; "
          "passed through unchanged";
      break;
    }
  if (problem || st == VN_JSON_INVALID)
    {
      if (problem)
        vn_warn_at (name, ln->lineno, 1, problem, r->field);
      raise_status (r, VN_EXIT_FOUND);
      pass_record (r, ln);
      return;
    }

  doc.text = r->text.p;
  doc.text_len = r->text.len;
  begin_doc (r, &doc);
  if (r->mode == MODE_DIFF)
    {
      snprintf (where, sizeof where, ":%llu", (unsigned long long) ln->lineno);
      vn_buf_clear (&r->rec);
      vn_buf_puts (&r->rec, name);
      vn_buf_append (&r->rec, where, strlen (where) + 1);
      vn_diff_begin (r->diff, r->rec.p);
    }
  vn_buf_clear (&r->newtext);
  for (pos = 0; pos < r->text.len; pos += n)
    {
      struct vn_line sub = *ln;
      const char *out;
      size_t outn, next_eol;

      sub.text = r->text.p + pos;
      first_line (sub.text, r->text.len - pos, &sub.len, &sub.eol_len);
      n = sub.len + sub.eol_len;
      sub.raw = sub.text;
      sub.raw_len = n;
      sub.next = NULL;
      sub.next_len = 0;
      if (pos + n < r->text.len)
        {
          sub.next = sub.text + n;
          first_line (sub.next, r->text.len - pos - n, &sub.next_len,
                      &next_eol);
        }
      if (r->doc_scope)
        hold_line (r, &sub, r->col_base);
      else
        {
          fix_line (r, &doc, &sub, 0, &out, &outn);
          emit (r, &sub, out, outn);
        }
      if (r->mode == MODE_CHECK)
        r->col_base += vn_utf8_count (sub.text, n);
    }
  if (r->doc_scope)
    flush_doc (r, &doc);
  if (r->mode == MODE_DIFF)
    vn_diff_end (r->diff);
  if (r->mode != MODE_WRITE)
    return;
  if (r->newtext.len == r->text.len
      && (r->text.len == 0
          || memcmp (r->newtext.p, r->text.p, r->text.len) == 0))
    {
      pass_record (r, ln);
      return;
    }
  vn_buf_clear (&r->rec);
  vn_buf_append (&r->rec, ln->text, start);
  vn_json_encode (r->newtext.p, r->newtext.len,
                  vn_json_ascii_style (ln->text + start, end - start),
                  &r->rec);
  vn_buf_append (&r->rec, ln->text + end, ln->len + ln->eol_len - end);
  put (r, r->rec.p, r->rec.len);
}

/* ---------------------------------------------------------------------- */
/* Inputs                                                                 */

/* Fix the line LN of DOC (a --doc-sep line when SEP) and send it on. */
static void
do_line (struct run *r, const struct vn_doc *doc, const struct vn_line *ln,
         int sep)
{
  const char *out;
  size_t outn;

  fix_line (r, doc, ln, sep, &out, &outn);
  emit (r, ln, out, outn);
}

/* Process one input; return -1 if it could not be read to its end.  Lines
   are handed on one behind the reader, so that each knows the next. */
static int
process_fd (struct run *r, int fd, const char *name)
{
  struct vn_reader *rd = vn_reader_new (fd, name, r->invalid, 0);
  struct vn_doc doc = { .name = name };
  struct vn_line ln, held;
  int rc, have = 0;

  doc.split = r->doc_sep != NULL;
  doc.index = doc.lineno = 1;
  doc.report = r->out;
  /* The first fixer's input decoder, if it has one, sits between read(2)
     and the UTF-8 validation (never for JSON Lines: JSON is UTF-8). */
  if (!r->jsonl && r->stages[0].f->decoder)
    vn_reader_set_decoder (rd, r->stages[0].f->decoder, r->stages[0].state,
                           r->doc_sep, r->doc_sep_len);

  r->input_fixes = 0;
  if (!r->jsonl)
    {
      begin_doc (r, &doc);
      if (r->mode == MODE_DIFF)
        vn_diff_begin (r->diff, name);
    }
  while ((rc = vn_reader_next (rd, &ln)) > 0)
    {
      int sep;

      if (r->jsonl)
        {
          process_record (r, name, &ln);
          continue;
        }
      sep = r->doc_sep && ln.len == r->doc_sep_len
        && memcmp (ln.text, r->doc_sep, ln.len) == 0;
      if (have)
        {
          held.next = sep ? NULL : ln.text;
          held.next_len = sep ? 0 : ln.len;
          do_line (r, &doc, &held, 0);
          have = 0;
        }
      if (sep)
        {
          if (r->doc_scope)
            flush_doc (r, &doc);
          do_line (r, &doc, &ln, 1);
          doc.index++;
          doc.lineno = ln.lineno + 1;
          begin_doc (r, &doc);
          vn_reader_begin_doc (rd);
          continue;
        }
      if (r->doc_scope)
        {
          hold_line (r, &ln, 0);
          continue;
        }
      /* The reader reuses its buffers: keep a copy (and of the bytes as
         read, when they differ). */
      vn_buf_clear (&r->hold);
      vn_buf_append (&r->hold, ln.text, ln.len + ln.eol_len);
      held = ln;
      held.text = held.raw = r->hold.p;
      if (ln.raw != ln.text)
        {
          vn_buf_clear (&r->hold_raw);
          vn_buf_append (&r->hold_raw, ln.raw, ln.raw_len);
          held.raw = r->hold_raw.p;
        }
      have = 1;
    }
  if (have)
    {
      held.next = NULL;
      held.next_len = 0;
      do_line (r, &doc, &held, 0);
    }
  /* What was read of an input that failed is written too: nothing is
     lost. */
  if (r->doc_scope && !r->jsonl)
    flush_doc (r, &doc);
  if (!r->jsonl && r->mode == MODE_DIFF)
    vn_diff_end (r->diff);
  vn_reader_free (rd);
  if (fflush (r->out) != 0)
    write_error (r);
  return rc < 0 ? -1 : 0;
}

/* Rewrite PATH in place: into a temporary file in its directory, renamed
   over it only when the whole file went through and something changed. */
static void
process_in_place (struct run *r, const char *path)
{
  char *real = realpath (path, NULL);  /* edit a symlink's target */
  const char *target = real ? real : path;
  char *dircopy, *basecopy;
  struct stat st;
  size_t size;
  int fd, tfd, rc;
  FILE *saved_out = r->out;
  const char *saved_name = r->out_name;

  fd = open (target, O_RDONLY);
  if (fd < 0 || fstat (fd, &st) < 0)
    {
      vn_error (0, errno, "%s", path);
      fail_file (r, VN_EXIT_FOUND);
      if (fd >= 0)
        close (fd);
      free (real);
      return;
    }
  dircopy = vn_xstrdup (target);
  basecopy = vn_xstrdup (target);
  size = strlen (target) + 16;
  temp_path = vn_xmalloc (size);
  snprintf (temp_path, size, "%s/.%s.XXXXXX", dirname (dircopy),
            basename (basecopy));
  free (dircopy);
  free (basecopy);
  tfd = mkstemp (temp_path);
  /* Keep the owner where we may, as sed -i does (an ordinary user may not
     give a file away: then it becomes theirs), and then the mode (chown
     clears set-user-ID bits). */
  if (tfd < 0 || (fchown (tfd, st.st_uid, st.st_gid) < 0 && errno != EPERM)
      || fchmod (tfd, st.st_mode & 07777) < 0
      || !(r->out = fdopen (tfd, "w")))
    {
      vn_error (0, errno, "%s: cannot create a temporary file", path);
      if (tfd >= 0)
        {
          close (tfd);
          unlink (temp_path);
        }
      fail_file (r, VN_EXIT_ERROR);
      goto done;
    }
  r->out_name = path;
  rc = process_fd (r, fd, path);
  if (fsync (fileno (r->out)) != 0 || fclose (r->out) != 0)
    write_error (r);
  if (rc < 0 || r->input_fixes == 0)
    {
      /* Unreadable, or nothing to change: the file stays as it was. */
      unlink (temp_path);
      if (rc < 0)
        fail_file (r, VN_EXIT_FOUND);
      goto done;
    }
  if (r->suffix)
    {
      char *backup;
      size = strlen (target) + strlen (r->suffix) + 1;
      backup = vn_xmalloc (size);
      snprintf (backup, size, "%s%s", target, r->suffix);
      if ((unlink (backup) < 0 && errno != ENOENT)
          || (link (target, backup) < 0 && rename (target, backup) < 0))
        {
          vn_error (0, errno, "%s: cannot make the backup %s", path, backup);
          unlink (temp_path);
          fail_file (r, VN_EXIT_ERROR);
          free (backup);
          goto done;
        }
      free (backup);
    }
  if (rename (temp_path, target) < 0)
    {
      vn_error (0, errno, "%s: cannot replace it", path);
      unlink (temp_path);
      fail_file (r, VN_EXIT_ERROR);
    }
done:
  free (temp_path);
  temp_path = NULL;
  free (real);
  close (fd);
  r->out = saved_out;
  r->out_name = saved_name;
}

static void process_path (struct run *r, const char *path);

static void
walked (void *arg, const char *path)
{
  process_path (arg, path);
}

static void
process_path (struct run *r, const char *path)
{
  int fd;
  struct stat st;

  /* vn-lint takes directories, and looks at the files under them. */
  if (r->filter->lint && strcmp (path, "-") && stat (path, &st) == 0
      && S_ISDIR (st.st_mode))
    {
      if (vn_walk (path, &r->globs, walked, r) < 0)
        fail_file (r, VN_EXIT_FOUND);
      return;
    }

  if (!strcmp (path, "-"))
    {
      if (process_fd (r, STDIN_FILENO, "<stdin>") < 0)
        fail_file (r, VN_EXIT_FOUND);
      return;
    }
  if (r->in_place)
    {
      process_in_place (r, path);
      return;
    }
  fd = open (path, O_RDONLY);
  if (fd < 0)
    {
      vn_error (0, errno, "%s", path);
      fail_file (r, VN_EXIT_FOUND);
      return;
    }
  if (process_fd (r, fd, path) < 0)
    fail_file (r, VN_EXIT_FOUND);
  close (fd);
}

/* Refuse -o FILE when FILE is also an input: it would be truncated before
   it is read. */
static void
check_output_not_input (struct run *r, char **paths, int n)
{
  struct stat so, si;
  int i;

  if (stat (r->output, &so) < 0)
    return;
  for (i = 0; i < n; i++)
    if (strcmp (paths[i], "-") && stat (paths[i], &si) == 0
        && si.st_dev == so.st_dev && si.st_ino == so.st_ino)
      vn_error (VN_EXIT_ERROR, 0, "input file '%s' is also the output",
                paths[i]);
}

/* The counts of --stats, after the FILE named NAME with --stats=file
   (each line then says which), else of the whole run. */
static void
print_stats (struct run *r, const char *name)
{
  size_t i;
  const char *sep = name ? ": " : "";

  if (!name)
    name = "";
  fprintf (stderr, "%s: %s%s%llu document%s, %llu line%s, %llu fix%s, "
           "%llu note%s\n", r->filter->name, name, sep,
           (unsigned long long) r->ndocs, r->ndocs == 1 ? "" : "s",
           (unsigned long long) r->nlines, r->nlines == 1 ? "" : "s",
           (unsigned long long) r->nfix, r->nfix == 1 ? "" : "es",
           (unsigned long long) r->nnotes, r->nnotes == 1 ? "" : "s");
  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_rule *rule;
      for (rule = r->stages[i].f->rules; rule->code; rule++)
        {
          uint64_t c = r->stages[i].counts[rule - r->stages[i].f->rules];
          if (c)
            fprintf (stderr, "%s: %s%s%-5s %10llu  %s\n", r->filter->name,
                     name, sep, rule->code, (unsigned long long) c,
                     rule->summary);
        }
    }
}

/* Start the counts of --stats again, for the next FILE. */
static void
reset_stats (struct run *r)
{
  size_t i;

  r->ndocs = r->nlines = r->nfix = r->nnotes = 0;
  for (i = 0; i < r->nstages; i++)
    memset (r->stages[i].counts, 0,
            r->stages[i].nrules * sizeof *r->stages[i].counts);
}

/* One FILE operand; with --stats=file, its counts when it was done. */
static void
process_operand (struct run *r, const char *path)
{
  r->failed = 0;
  if (r->stats_each)
    reset_stats (r);
  process_path (r, path);
  if (r->stats_each && !r->failed)
    print_stats (r, strcmp (path, "-") ? path : "<stdin>");
}

/* ---------------------------------------------------------------------- */
/* Main                                                                   */

/* The long options: the common ones and every fixer's, for getopt_long.
   Fixers may share an option (the structure filters' --explain): it is
   offered once and set in each of them.  FOPTS[K] is the first fixer
   option behind long option NCOMMON + K. */
static struct option *
build_options (struct run *r, const struct vn_fixer_option ***fopts)
{
  size_t base = NCOMMON + (r->filter->select ? NSELECT : 0)
    + (r->filter->lint ? NLINT : 0);
  size_t n = 0, i, k = base, j;
  struct option *longopts;

  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_fixer_option *o;
      for (o = r->stages[i].f->options; o && o->name; o++)
        n++;
    }
  longopts = vn_xcalloc (base + n + 1, sizeof *longopts);
  *fopts = vn_xcalloc (n + 1, sizeof **fopts);
  memcpy (longopts, common_options, sizeof common_options);
  if (r->filter->select)
    memcpy (longopts + NCOMMON, select_options, sizeof select_options);
  if (r->filter->lint)
    memcpy (longopts + NCOMMON + (r->filter->select ? NSELECT : 0),
            lint_options, sizeof lint_options);
  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_fixer_option *o;
      for (o = r->stages[i].f->options; o && o->name; o++)
        {
          for (j = 0; j < k && strcmp (longopts[j].name, o->name); j++)
            ;
          if (j < k)
            {
              /* Shared: one meaning, so one shape. */
              if (j < base
                  || longopts[j].has_arg != (o->has_arg ? required_argument
                                             : no_argument))
                vn_error (VN_EXIT_ERROR, 0, "internal error: option --%s of "
                          "%s clashes with another", o->name,
                          r->stages[i].f->name);
              continue;
            }
          longopts[k].name = o->name;
          longopts[k].has_arg = o->has_arg ? required_argument : no_argument;
          longopts[k].val = OPT_FIXER + (int) (k - base);
          (*fopts)[k - base] = o;
          k++;
        }
    }
  return longopts;
}

/* Set the option NAME to ARG in every stage that has it. */
static void
set_fixer_option (struct run *r, const char *name, const char *arg)
{
  size_t i;

  for (i = 0; i < r->nstages; i++)
    {
      struct stage *s = &r->stages[i];
      const struct vn_fixer_option *o;
      for (o = s->f->options; o && o->name; o++)
        if (!strcmp (o->name, name)
            && s->f->set_option (s->state, name, arg) < 0)
          try_help (r->filter);
    }
}

/* Is the fixer F named in the comma-separated LIST (by its name or its
   filter's)? */
static int
listed (const char *list, const struct vn_fixer *f)
{
  const char *p = list;

  while (*p)
    {
      size_t n = strcspn (p, ",");
      if ((strlen (f->name) == n && !strncmp (p, f->name, n))
          || (strlen (f->filter) == n && !strncmp (p, f->filter, n)))
        return 1;
      p += n + (p[n] == ',');
    }
  return 0;
}

/* Refuse a name in LIST (given as --OPT) that is none of the stages'. */
static void
check_list (struct run *r, const char *opt, const char *list)
{
  const char *p = list;

  if (!*list)
    {
      vn_error (0, 0, "--%s needs a list of filters", opt);
      try_help (r->filter);
    }
  while (*p)
    {
      size_t n = strcspn (p, ","), i;
      for (i = 0; i < r->nstages; i++)
        {
          const struct vn_fixer *f = r->stages[i].f;
          if ((strlen (f->name) == n && !strncmp (p, f->name, n))
              || (strlen (f->filter) == n && !strncmp (p, f->filter, n)))
            break;
        }
      if (i == r->nstages)
        {
          vn_error (0, 0, "unknown filter '%.*s' in --%s (valid: %.*s)",
                    (int) n, p, opt, (int) r->names.len, r->names.p);
          try_help (r->filter);
        }
      p += n + (p[n] == ',');
    }
}

/* Keep the stages --only names and --skip does not. */
static void
select_stages (struct run *r, const char *only, const char *skip)
{
  size_t i, k = 0;

  if (only)
    check_list (r, "only", only);
  if (skip)
    check_list (r, "skip", skip);
  for (i = 0; i < r->nstages; i++)
    {
      struct stage *s = &r->stages[i];
      if ((only && !listed (only, s->f)) || (skip && listed (skip, s->f)))
        {
          if (s->f->destroy)
            s->f->destroy (s->state);
          free (s->counts);
          continue;
        }
      r->stages[k++] = *s;
    }
  r->nstages = k;
}

/* vn-lint: the report, for the rules of the stages that run. */
static void
start_report (struct run *r, const char *format, const char *select,
              const char *ignore, const char *max, const char **thresholds,
              size_t nthresholds)
{
  const struct vn_rule **rules;
  size_t n = 0, i;
  int bad = 0;

  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_rule *rule;
      for (rule = r->stages[i].f->rules; rule->code; rule++)
        n++;
    }
  rules = vn_xcalloc (n + 1, sizeof *rules);
  n = 0;
  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_rule *rule;
      for (rule = r->stages[i].f->rules; rule->code; rule++)
        rules[n++] = rule;
    }
  r->report_rules = rules;
  r->report = vn_report_new (r->filter->name, PACKAGE_VERSION, rules, n);
  bad |= format && vn_report_set_format (r->report, format) < 0;
  bad |= select && vn_report_select (r->report, select) < 0;
  bad |= ignore && vn_report_ignore (r->report, ignore) < 0;
  bad |= max && vn_report_max_defects (r->report, max) < 0;
  for (i = 0; i < nthresholds; i++)
    bad |= vn_report_threshold (r->report, thresholds[i]) < 0;
  if (bad)
    try_help (r->filter);
}

int
vn_filter_main (const struct vn_filter *filter, int argc, char **argv)
{
  struct run r = { 0 };
  struct option *longopts;
  const struct vn_fixer_option **fopts;
  const char *only = NULL, *skip = NULL;
  const char *format = NULL, *select = NULL, *ignore = NULL, *max = NULL;
  const char **thresholds = vn_xcalloc ((size_t) argc + 1,
                                        sizeof *thresholds);
  size_t i, nthresholds = 0;
  int c, policy, list = 0;
  char shortopts[64] = "i::o:";
  size_t shortmap[128] = { 0 };         /* letter -> fixer option + 1 */

  vn_set_program_name (filter->name);
  atexit (remove_temp);
  r.filter = filter;
  r.field = "text";
  r.invalid = VN_INVALID_REPLACE;
  r.out = stdout;
  for (r.nstages = 0; filter->fixers[r.nstages]; r.nstages++)
    ;
  r.stages = vn_xcalloc (r.nstages, sizeof *r.stages);
  for (i = 0; i < r.nstages; i++)
    {
      const struct vn_fixer *f = filter->fixers[i];
      size_t nrules = 0;
      while (f->rules[nrules].code)
        nrules++;
      r.stages[i].f = f;
      r.stages[i].state = f->create ? f->create () : NULL;
      if (f->document || filter->documents)
        r.doc_scope = 1;
      if (i)
        vn_buf_puts (&r.names, ", ");
      vn_buf_puts (&r.names, f->name);
      r.stages[i].counts = vn_xcalloc (nrules, sizeof (uint64_t));
      r.stages[i].nrules = nrules;
    }

  if (r.doc_scope)
    r.held = vn_xcalloc (1, sizeof *r.held);
  longopts = build_options (&r, &fopts);
  /* A fixer option may have a one-letter alias too (vn-recode -f). */
  for (i = 0; i < r.nstages; i++)
    {
      const struct vn_fixer_alias *a = r.stages[i].f->aliases;
      for (; a && a->letter; a++)
        {
          int ch = (unsigned char) a->letter;
          size_t len = strlen (shortopts), k;
          for (k = 0; fopts[k] && strcmp (a->option, fopts[k]->name); k++)
            ;
          if (!fopts[k] || ch >= 128 || shortmap[ch]
              || strchr (shortopts, ch) || len + 3 > sizeof shortopts)
            continue;
          shortopts[len] = (char) ch;
          shortopts[len + 1] = fopts[k]->has_arg ? ':' : '\0';
          shortopts[len + 2] = '\0';
          shortmap[ch] = k + 1;
        }
    }
  while ((c = getopt_long (argc, argv, shortopts, longopts, NULL)) != -1)
    switch (c = c > 0 && c < 128 && shortmap[c]
            ? OPT_FIXER + (int) shortmap[c] - 1 : c)
      {
      case OPT_CHECK:
      case OPT_DIFF:
        if (r.mode != MODE_WRITE
            && r.mode != (c == OPT_CHECK ? MODE_CHECK : MODE_DIFF))
          {
            vn_error (0, 0, "--check and --diff cannot be used together");
            try_help (filter);
          }
        r.mode = c == OPT_CHECK ? MODE_CHECK : MODE_DIFF;
        break;
      case OPT_STATS:
        r.stats = 1;
        if (optarg && !strcmp (optarg, "file"))
          r.stats_each = 1;
        else if (optarg && strcmp (optarg, "total"))
          {
            vn_error (0, 0, "invalid --stats scope '%s' (total or file)",
                      optarg);
            try_help (filter);
          }
        break;
      case 'i':
        r.in_place = 1;
        r.suffix = optarg && *optarg ? optarg : NULL;
        break;
      case 'o':
        r.output = optarg;
        break;
      case OPT_JSONL:
        r.jsonl = 1;
        if (optarg)
          {
            if (!*optarg)
              {
                vn_error (0, 0, "--jsonl=FIELD needs a field name");
                try_help (filter);
              }
            r.field = optarg;
          }
        break;
      case OPT_DOC_SEP:
        r.doc_sep = optarg;
        r.doc_sep_len = strlen (optarg);
        break;
      case OPT_INVALID:
        policy = vn_invalid_parse (optarg);
        if (policy < 0)
          {
            vn_error (0, 0, "invalid argument '%s' for --invalid "
                      "(valid: replace, keep, fail)", optarg);
            try_help (filter);
          }
        r.invalid = (enum vn_invalid) policy;
        break;
      case OPT_HELP:
        usage (filter);
        break;
      case OPT_ONLY:
        only = optarg;
        break;
      case OPT_SKIP:
        skip = optarg;
        break;
      case OPT_LIST:
        list = 1;
        break;
      case OPT_FORMAT:
        format = optarg;
        break;
      case OPT_SELECT:
        select = optarg;
        break;
      case OPT_IGNORE:
        ignore = optarg;
        break;
      case OPT_MAX_DEFECTS:
        max = optarg;
        break;
      case OPT_THRESHOLD:
        thresholds[nthresholds++] = optarg;
        break;
      case OPT_INCLUDE:
      case OPT_EXCLUDE:
        {
          const char ***v = c == OPT_INCLUDE ? &r.globs.include
            : &r.globs.exclude;
          size_t *n = c == OPT_INCLUDE ? &r.globs.ninclude : &r.globs.nexclude;
          *v = vn_xrealloc (*v, (*n + 1) * sizeof **v);
          (*v)[(*n)++] = optarg;
        }
        break;
      case OPT_VERSION:
        version (filter);
        break;
      default:
        if (c >= OPT_FIXER)
          {
            set_fixer_option (&r, fopts[c - OPT_FIXER]->name, optarg);
            break;
          }
        try_help (filter);
      }

  if (only || skip)
    select_stages (&r, only, skip);
  if (list)
    {
      /* The filters that would run, as a pipeline of separate filters
         would be written: one per line, in order. */
      for (i = 0; i < r.nstages; i++)
        puts (r.stages[i].f->filter);
      exit_after_output ();
    }
  if (filter->lint)
    {
      if (r.in_place || r.mode == MODE_DIFF)
        {
          vn_error (0, 0, "%s changes nothing: --%s cannot be used",
                    filter->name, r.in_place ? "in-place" : "diff");
          try_help (filter);
        }
      r.mode = MODE_CHECK;
      start_report (&r, format, select, ignore, max, thresholds,
                    nthresholds);
    }
  free (thresholds);
  for (i = 0; i < r.nstages; i++)
    {
      const struct vn_fixer *f = r.stages[i].f;
      const char *opt = f->report_only ? f->report_only (r.stages[i].state)
        : NULL;
      if (!opt)
        continue;
      if (r.mode != MODE_WRITE || r.in_place)
        {
          vn_error (0, 0, "%s cannot be used with %s", opt,
                    r.in_place ? "--in-place" : r.mode == MODE_CHECK
                    ? "--check" : "--diff");
          try_help (filter);
        }
      r.mode = MODE_REPORT;
    }
  if (r.in_place && (r.mode != MODE_WRITE || r.output))
    {
      vn_error (0, 0, "--in-place cannot be used with %s",
                r.output ? "--output" : r.mode == MODE_CHECK ? "--check"
                : "--diff");
      try_help (filter);
    }
  if (r.jsonl && r.doc_sep)
    {
      vn_error (0, 0, "--jsonl and --doc-sep cannot be used together");
      try_help (filter);
    }
  if (r.in_place && optind == argc)
    {
      vn_error (0, 0, "--in-place needs FILE operands");
      try_help (filter);
    }
  for (i = (size_t) optind; r.in_place && i < (size_t) argc; i++)
    if (!strcmp (argv[i], "-"))
      {
        vn_error (0, 0, "cannot edit standard input in place");
        try_help (filter);
      }
  if (r.output && strcmp (r.output, "-"))
    {
      check_output_not_input (&r, argv + optind, argc - optind);
      r.out = fopen (r.output, "w");
      if (!r.out)
        vn_error (VN_EXIT_ERROR, errno, "%s", r.output);
      r.out_name = r.output;
    }
  if (r.mode == MODE_DIFF)
    r.diff = vn_diff_new (r.out);

  if (r.report)
    vn_report_begin (r.report, r.out);
  if (optind == argc)
    process_operand (&r, "-");
  for (; optind < argc; optind++)
    process_operand (&r, argv[optind]);

  if (r.stats && !r.stats_each)
    print_stats (&r, NULL);
  if (r.report)
    {
      vn_report_end (r.report);
      if (vn_report_failed (r.report, stderr, filter->name))
        raise_status (&r, VN_EXIT_FOUND);
    }
  else if (r.mode == MODE_CHECK && r.found)
    raise_status (&r, VN_EXIT_FOUND);
  if (fflush (r.out) != 0 || ferror (r.out)
      || (r.out != stdout && fclose (r.out) != 0))
    write_error (&r);
  r.out_name = NULL;
  if (fclose (stdout) != 0)
    write_error (&r);

  for (i = 0; i < r.nstages; i++)
    {
      if (r.stages[i].f->destroy)
        r.stages[i].f->destroy (r.stages[i].state);
      free (r.stages[i].counts);
    }
  free (r.stages);
  free (longopts);
  free (fopts);
  vn_diff_free (r.diff);
  vn_edits_free (&r.edits);
  vn_edit_map_free (&r.map);
  vn_buf_free (&r.a);
  vn_buf_free (&r.b);
  vn_buf_free (&r.text);
  vn_buf_free (&r.newtext);
  vn_buf_free (&r.rec);
  vn_buf_free (&r.hold);
  vn_buf_free (&r.hold_raw);
  if (r.held)
    {
      for (i = 0; i < r.held->lines_cap; i++)
        vn_edits_free (&r.held->edits[i]);
      free (r.held->edits);
      free (r.held->lines);
      free (r.held->index);
      for (i = 0; i < r.held->cap; i++)
        vn_edit_map_free (&r.held->v[i].map);
      free (r.held->v);
      vn_buf_free (&r.held->text);
      vn_buf_free (&r.held->raw);
      free (r.held);
    }
  vn_buf_free (&r.diags);
  vn_buf_free (&r.names);
  vn_report_free (r.report);
  free (r.report_rules);
  free (r.globs.include);
  free (r.globs.exclude);
  free (r.diag_v);
  return r.status;
}
