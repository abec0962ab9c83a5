/* diff.c -- unified diff of a document, written as its lines stream by */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "diag.h"
#include "diff.h"

enum { CONTEXT = 3, KEEP = 2 * CONTEXT + 1 };

struct vn_diff
{
  FILE *out;
  char *name;
  int headed;                   /* the --- +++ lines are out */
  uint64_t old_no, new_no;      /* numbers of the next lines */
  /* The unchanged lines since the last change, oldest first: the trailing
     context of the open hunk, or the leading context of the next one.  Two
     hunks closer than 2 * CONTEXT lines merge, so KEEP lines suffice. */
  struct vn_buf recent[KEEP];
  size_t head, nrecent;
  uint64_t gap;                 /* unchanged lines since the last change */
  int open;                     /* a hunk is being collected */
  uint64_t old_start, new_start, old_count, new_count;
  struct vn_buf body;
  struct vn_buf minus, plus;    /* a run of changes, not yet in BODY: diff -u
                                   writes all its - lines, then its + lines */
  struct vn_buf old, new;       /* the unit being gathered (see below) */
};

struct vn_diff *
vn_diff_new (FILE *out)
{
  struct vn_diff *d = vn_xcalloc (1, sizeof *d);
  d->out = out;
  return d;
}

void
vn_diff_free (struct vn_diff *d)
{
  size_t i;

  if (!d)
    return;
  for (i = 0; i < KEEP; i++)
    vn_buf_free (&d->recent[i]);
  vn_buf_free (&d->body);
  vn_buf_free (&d->minus);
  vn_buf_free (&d->plus);
  vn_buf_free (&d->old);
  vn_buf_free (&d->new);
  free (d->name);
  free (d);
}

void
vn_diff_begin (struct vn_diff *d, const char *name)
{
  free (d->name);
  d->name = vn_xstrdup (name);
  d->headed = d->open = 0;
  d->old_no = d->new_no = 1;
  d->head = d->nrecent = 0;
  d->gap = 0;
  vn_buf_clear (&d->old);
  vn_buf_clear (&d->new);
}

/* Append one line of TEXT[0..N) (with or without its LF) to B after MARK,
   in the format patch(1) reads. */
static void
body_line (struct vn_buf *b, char mark, const char *text, size_t n)
{
  vn_buf_putc (b, mark);
  vn_buf_append (b, text, n);
  if (n == 0 || text[n - 1] != '\n')
    vn_buf_puts (b, "\n\\ No newline at end of file\n");
}

/* Append every line of TEXT[0..N) to B after MARK; return how many. */
static uint64_t
body_lines (struct vn_buf *b, char mark, const char *text, size_t n)
{
  uint64_t count = 0;

  while (n > 0)
    {
      const char *nl = memchr (text, '\n', n);
      size_t k = nl ? (size_t) (nl - text) + 1 : n;
      body_line (b, mark, text, k);
      text += k;
      n -= k;
      count++;
    }
  return count;
}

static struct vn_buf *
recent_at (struct vn_diff *d, size_t i)
{
  return &d->recent[(d->head + i) % KEEP];
}

static void
recent_push (struct vn_diff *d, const char *text, size_t n)
{
  struct vn_buf *b;

  if (d->nrecent == KEEP)
    {
      d->head = (d->head + 1) % KEEP;
      d->nrecent--;
    }
  b = recent_at (d, d->nrecent++);
  vn_buf_clear (b);
  vn_buf_append (b, text, n);
}

/* Move the first N recent lines into the hunk as context. */
static void
take_context (struct vn_diff *d, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    {
      struct vn_buf *b = recent_at (d, 0);
      body_line (&d->body, ' ', b->p, b->len);
      d->head = (d->head + 1) % KEEP;
      d->nrecent--;
    }
  d->old_count += n;
  d->new_count += n;
}

/* Move a finished run of changes into the hunk body. */
static void
flush_changes (struct vn_diff *d)
{
  vn_buf_append (&d->body, d->minus.p, d->minus.len);
  vn_buf_append (&d->body, d->plus.p, d->plus.len);
  vn_buf_clear (&d->minus);
  vn_buf_clear (&d->plus);
}

static void
range (FILE *out, uint64_t start, uint64_t count)
{
  /* As diff -u writes it: a one-line range is just its line, and an empty
     range names the line before it. */
  if (count == 1)
    fprintf (out, "%llu", (unsigned long long) start);
  else
    fprintf (out, "%llu,%llu",
             (unsigned long long) (count ? start : start - 1),
             (unsigned long long) count);
}

static void
close_hunk (struct vn_diff *d)
{
  size_t trailing = d->nrecent < CONTEXT ? d->nrecent : CONTEXT;

  flush_changes (d);
  take_context (d, trailing);
  if (!d->headed)
    {
      fprintf (d->out, "--- %s\n+++ %s\n", d->name, d->name);
      d->headed = 1;
    }
  fputs ("@@ -", d->out);
  range (d->out, d->old_start, d->old_count);
  fputs (" +", d->out);
  range (d->out, d->new_start, d->new_count);
  fputs (" @@\n", d->out);
  fwrite (d->body.p, 1, d->body.len, d->out);
  d->open = 0;
  /* What stays in RECENT is the leading context of the next hunk. */
  while (d->nrecent > CONTEXT)
    {
      d->head = (d->head + 1) % KEEP;
      d->nrecent--;
    }
}

/* One unit: an input line as patch(1) sees it (up to and with its LF; a
   lone CR does not end a line there) and what it became. */
static void
diff_unit (struct vn_diff *d, const char *old, size_t oldn,
           const char *new, size_t newn)
{
  uint64_t k;

  if (oldn == newn && memcmp (old, new, oldn) == 0)
    {
      if (d->open)
        flush_changes (d);
      recent_push (d, old, oldn);
      d->old_no++;
      d->new_no++;
      d->gap++;
      if (d->open && d->gap == KEEP)
        close_hunk (d);
      else if (!d->open && d->nrecent > CONTEXT)
        {
          d->head = (d->head + 1) % KEEP;
          d->nrecent--;
        }
      return;
    }
  if (!d->open)
    {
      d->open = 1;
      vn_buf_clear (&d->body);
      d->old_start = d->old_no - d->nrecent;
      d->new_start = d->new_no - d->nrecent;
      d->old_count = d->new_count = 0;
    }
  take_context (d, d->nrecent);
  d->gap = 0;
  if (oldn)
    body_line (&d->minus, '-', old, oldn);
  d->old_count += oldn > 0;
  d->old_no += oldn > 0;
  k = body_lines (&d->plus, '+', new, newn);
  d->new_count += k;
  d->new_no += k;
}

static void
flush_unit (struct vn_diff *d)
{
  if (d->old.len || d->new.len)
    diff_unit (d, d->old.p, d->old.len, d->new.p, d->new.len);
  vn_buf_clear (&d->old);
  vn_buf_clear (&d->new);
}

void
vn_diff_line (struct vn_diff *d, const char *old, size_t oldn,
              const char *new, size_t newn)
{
  /* The common case, a LF-ended line with nothing gathered, needs no copy. */
  if (d->old.len == 0 && d->new.len == 0 && oldn && old[oldn - 1] == '\n')
    {
      diff_unit (d, old, oldn, new, newn);
      return;
    }
  vn_buf_append (&d->old, old, oldn);
  vn_buf_append (&d->new, new, newn);
  if (oldn && old[oldn - 1] == '\n')
    flush_unit (d);
}

void
vn_diff_end (struct vn_diff *d)
{
  flush_unit (d);
  if (d->open)
    close_hunk (d);
}
