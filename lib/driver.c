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
#include "diag.h"
#include "diff.h"
#include "driver.h"
#include "edit.h"
#include "json.h"
#include "reader.h"
#include "utf8.h"

enum mode { MODE_WRITE, MODE_CHECK, MODE_DIFF };

enum
{
  OPT_CHECK = CHAR_MAX + 1, OPT_DIFF, OPT_STATS, OPT_JSONL, OPT_DOC_SEP,
  OPT_INVALID, OPT_HELP, OPT_VERSION,
  OPT_FIXER                     /* OPT_FIXER + k: the k-th fixer option */
};

static const struct option common_options[] = {
  {"check", no_argument, NULL, OPT_CHECK},
  {"diff", no_argument, NULL, OPT_DIFF},
  {"stats", no_argument, NULL, OPT_STATS},
  {"in-place", optional_argument, NULL, 'i'},
  {"output", required_argument, NULL, 'o'},
  {"jsonl", optional_argument, NULL, OPT_JSONL},
  {"doc-sep", required_argument, NULL, OPT_DOC_SEP},
  {"invalid", required_argument, NULL, OPT_INVALID},
  {"help", no_argument, NULL, OPT_HELP},
  {"version", no_argument, NULL, OPT_VERSION},
};
enum { NCOMMON = sizeof common_options / sizeof common_options[0] };

struct stage
{
  const struct vn_fixer *f;
  void *state;
  uint64_t *counts;             /* edits per rule of F */
};

struct run
{
  const struct vn_filter *filter;
  enum mode mode;
  int stats, jsonl;
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

/* A --check line of a held document, to print in input order. */
struct diag
{
  uint64_t lineno, col;
  size_t seq, off;
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
          if (end != text && col + width + (int) (e - end) > 79)
            break;
          width += (int) (e - end);
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
          if (!any++)
            puts ("Filter options:");
          option_line (NULL, o->name, o->arg_name, 0, o->help);
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
  option_line (NULL, "stats", NULL, 0,
               "count the edits by rule on standard error at the end");
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

/* Keep a --check line of a held document for print_diags. */
static void
defer_diag (struct run *r, const struct vn_doc *doc, uint64_t lineno,
            uint64_t col, const char *code, const char *reason)
{
  struct diag *d;
  char where[64];

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
  snprintf (where, sizeof where, ":%llu:%llu: ", (unsigned long long) lineno,
            (unsigned long long) col);
  vn_buf_puts (&r->diags, doc->name);
  vn_buf_puts (&r->diags, where);
  vn_buf_puts (&r->diags, code);
  vn_buf_puts (&r->diags, ": ");
  vn_buf_puts (&r->diags, reason);
  vn_buf_append (&r->diags, "\n", 2);
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

/* Print the --check lines of the held document in input order: by line,
   column, then the order of the stages. */
static void
print_diags (struct run *r)
{
  size_t i;

  if (r->ndiag == 0)
    return;             /* and DIAG_V may be NULL, which qsort may not get */
  qsort (r->diag_v, r->ndiag, sizeof *r->diag_v, diag_cmp);
  for (i = 0; i < r->ndiag; i++)
    if (fputs (r->diags.p + r->diag_v[i].off, r->out) == EOF)
      write_error (r);
  r->ndiag = 0;
  vn_buf_clear (&r->diags);
}

/* Count and, with --check, list the edits of stage S on line LN. */
static void
account (struct run *r, struct stage *s, const struct vn_doc *doc,
         const struct vn_line *ln, const struct vn_edits *e)
{
  size_t i, counted = 0;
  uint64_t col = r->col_base;

  r->nfix += e->nfix;
  r->nnotes += e->n - e->nfix;
  r->input_fixes += e->nfix;
  if (e->nfix)
    r->found = 1;
  for (i = 0; i < e->n; i++)
    {
      const struct vn_edit *d = &e->v[i];
      s->counts[d->rule - s->f->rules]++;
      if (r->mode != MODE_CHECK)
        continue;
      /* Edits are sorted: count characters incrementally. */
      col += vn_utf8_count (ln->text + counted, d->off - counted);
      counted = d->off;
      if (r->doc_scope)
        defer_diag (r, doc, ln->lineno, col + 1, d->rule->code,
                    vn_edit_reason (e, d));
      else if (fprintf (r->out, "%s:%llu:%llu: %s: %s\n", doc->name,
                        (unsigned long long) ln->lineno,
                        (unsigned long long) col + 1, d->rule->code,
                        vn_edit_reason (e, d)) < 0)
        write_error (r);
    }
}

/* Check, count and list the edits E that stage S proposed for LN (N bytes
   with the terminator), and write the changed line into OUT.  Return 1 when
   it changed, 0 when LN stays as it is. */
static int
apply_stage (struct run *r, struct stage *s, const struct vn_doc *doc,
             const struct vn_line *ln, size_t n, struct vn_edits *e,
             struct vn_buf *out)
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
  account (r, s, doc, ln, e);
  if (!e->nfix)
    return 0;
  vn_buf_clear (out);
  vn_edits_apply (e, ln->text, n, out);
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
  for (i = 0; i < r->nstages && n > 0; i++)
    {
      struct stage *s = &r->stages[i];

      if (sep && !s->f->separator)
        continue;
      vn_edits_clear (&r->edits);
      (sep ? s->f->separator : s->f->line) (s->state, doc, &ln, &r->edits);
      if (!apply_stage (r, s, doc, &ln, n, &r->edits, next))
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
      h->cap = vn_grow (h->cap, h->n + 1);
      h->v = vn_xrealloc (h->v, h->cap * sizeof *h->v);
    }
  l = &h->v[h->n++];
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
  size_t i, j, k;

  for (i = 0; i < r->nstages; i++)
    {
      struct stage *s = &r->stages[i];

      k = live_lines (h);
      for (j = 0; j < k; j++)
        vn_edits_clear (&h->edits[j]);
      if (s->f->document)
        s->f->document (s->state, doc, h->lines, k, h->edits);
      else
        for (j = 0; j < k; j++)
          s->f->line (s->state, doc, &h->lines[j], &h->edits[j]);
      for (j = 0; j < k; j++)
        {
          struct held_line *l = &h->v[h->index[j]];
          /* The arena may move as changed lines are added to it. */
          struct vn_line ln = h->lines[j];

          ln.text = h->text.p + l->off;
          ln.raw = l->raw_n == SIZE_MAX ? h->text.p + l->in_off
            : h->raw.p + l->raw_off;
          r->col_base = l->col_base;
          if (!apply_stage (r, s, doc, &ln, l->n, &h->edits[j], &r->a))
            continue;
          l->off = h->text.len;
          l->n = r->a.len;
          vn_buf_append (&h->text, r->a.p, r->a.len);
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
    print_diags (r);
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
  struct vn_doc doc = { name, 1 };
  size_t start, end, pos, i, n;

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
  struct vn_doc doc = { name, 0 };
  struct vn_line ln, held;
  int rc, have = 0;

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
          begin_doc (r, &doc);
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
      raise_status (r, VN_EXIT_FOUND);
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
      raise_status (r, VN_EXIT_ERROR);
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
        raise_status (r, VN_EXIT_FOUND);
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
          raise_status (r, VN_EXIT_ERROR);
          free (backup);
          goto done;
        }
      free (backup);
    }
  if (rename (temp_path, target) < 0)
    {
      vn_error (0, errno, "%s: cannot replace it", path);
      unlink (temp_path);
      raise_status (r, VN_EXIT_ERROR);
    }
done:
  free (temp_path);
  temp_path = NULL;
  free (real);
  close (fd);
  r->out = saved_out;
  r->out_name = saved_name;
}

static void
process_path (struct run *r, const char *path)
{
  int fd;

  if (!strcmp (path, "-"))
    {
      if (process_fd (r, STDIN_FILENO, "<stdin>") < 0)
        raise_status (r, VN_EXIT_FOUND);
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
      raise_status (r, VN_EXIT_FOUND);
      return;
    }
  if (process_fd (r, fd, path) < 0)
    raise_status (r, VN_EXIT_FOUND);
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

static void
print_stats (struct run *r)
{
  size_t i;

  fprintf (stderr, "%s: %llu document%s, %llu line%s, %llu fix%s, "
           "%llu note%s\n", r->filter->name,
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
            fprintf (stderr, "%s: %-5s %10llu  %s\n", r->filter->name,
                     rule->code, (unsigned long long) c, rule->summary);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Main                                                                   */

/* The long options: the common ones and every fixer's, for getopt_long. */
static struct option *
build_options (struct run *r, const struct vn_fixer_option ***fopts,
               size_t **fstage)
{
  size_t n = 0, i, k = NCOMMON;
  struct option *longopts;

  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_fixer_option *o;
      for (o = r->stages[i].f->options; o && o->name; o++)
        n++;
    }
  longopts = vn_xcalloc (NCOMMON + n + 1, sizeof *longopts);
  *fopts = vn_xcalloc (n + 1, sizeof **fopts);
  *fstage = vn_xcalloc (n + 1, sizeof **fstage);
  memcpy (longopts, common_options, sizeof common_options);
  for (i = 0; i < r->nstages; i++)
    {
      const struct vn_fixer_option *o;
      for (o = r->stages[i].f->options; o && o->name; o++)
        {
          longopts[k].name = o->name;
          longopts[k].has_arg = o->has_arg ? required_argument : no_argument;
          longopts[k].val = OPT_FIXER + (int) (k - NCOMMON);
          (*fopts)[k - NCOMMON] = o;
          (*fstage)[k - NCOMMON] = i;
          k++;
        }
    }
  return longopts;
}

int
vn_filter_main (const struct vn_filter *filter, int argc, char **argv)
{
  struct run r = { 0 };
  struct option *longopts;
  const struct vn_fixer_option **fopts;
  size_t *fstage, i;
  int c, policy;

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
      if (f->document)
        r.doc_scope = 1;
      r.stages[i].counts = vn_xcalloc (nrules, sizeof (uint64_t));
    }

  if (r.doc_scope)
    r.held = vn_xcalloc (1, sizeof *r.held);
  longopts = build_options (&r, &fopts, &fstage);
  while ((c = getopt_long (argc, argv, "i::o:", longopts, NULL)) != -1)
    switch (c)
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
      case OPT_VERSION:
        version (filter);
        break;
      default:
        if (c >= OPT_FIXER)
          {
            size_t k = (size_t) (c - OPT_FIXER);
            struct stage *s = &r.stages[fstage[k]];
            if (s->f->set_option (s->state, fopts[k]->name, optarg) < 0)
              try_help (filter);
            break;
          }
        try_help (filter);
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

  if (optind == argc)
    process_path (&r, "-");
  for (; optind < argc; optind++)
    process_path (&r, argv[optind]);

  if (r.stats)
    print_stats (&r);
  if (r.mode == MODE_CHECK && r.found)
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
  free (fstage);
  vn_diff_free (r.diff);
  vn_edits_free (&r.edits);
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
      free (r.held->v);
      vn_buf_free (&r.held->text);
      vn_buf_free (&r.held->raw);
      free (r.held);
    }
  vn_buf_free (&r.diags);
  free (r.diag_v);
  return r.status;
}
