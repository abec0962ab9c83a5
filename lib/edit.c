/* edit.c -- edits proposed by fixers, and the one place that applies them */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include "diag.h"
#include "edit.h"

void
vn_edits_clear (struct vn_edits *e)
{
  e->n = e->nfix = 0;
  vn_buf_clear (&e->arena);
}

void
vn_edits_free (struct vn_edits *e)
{
  free (e->v);
  vn_buf_free (&e->arena);
  e->v = NULL;
  e->n = e->cap = e->nfix = 0;
}

static void
add (struct vn_edits *e, size_t off, size_t len, const char *repl,
     size_t repl_len, const struct vn_rule *rule, int fix,
     const char *reason, va_list ap)
{
  struct vn_edit *d;
  va_list ap2;
  int need;

  if (e->n == e->cap)
    {
      /* Most lines get one or two edits: a document held whole has a set
         per line, so start small. */
      e->cap = e->cap ? vn_grow (e->cap, e->n + 1) : 4;
      e->v = vn_xrealloc (e->v, e->cap * sizeof *e->v);
    }
  d = &e->v[e->n++];
  d->off = off;
  d->len = len;
  d->rule = rule;
  d->fix = fix;
  d->repl = e->arena.len;
  d->repl_len = repl_len;
  vn_buf_append (&e->arena, repl, repl_len);
  d->reason = e->arena.len;
  if (e->terse)
    {
      vn_buf_append (&e->arena, "", 1);
      e->nfix += fix;
      return;
    }
  va_copy (ap2, ap);
  need = vsnprintf (NULL, 0, reason, ap2);
  va_end (ap2);
  if (need < 0)
    need = 0;
  vn_buf_reserve (&e->arena, (size_t) need + 1);
  vsnprintf (e->arena.p + e->arena.len, (size_t) need + 1, reason, ap);
  e->arena.len += (size_t) need + 1;
  e->nfix += fix;
}

void
vn_edits_add (struct vn_edits *e, size_t off, size_t len, const char *repl,
              size_t repl_len, const struct vn_rule *rule,
              const char *reason, ...)
{
  va_list ap;
  va_start (ap, reason);
  add (e, off, len, repl, repl_len, rule, 1, reason, ap);
  va_end (ap);
}

void
vn_edits_note (struct vn_edits *e, size_t off, size_t len,
               const struct vn_rule *rule, const char *reason, ...)
{
  va_list ap;
  va_start (ap, reason);
  add (e, off, len, "", 0, rule, 0, reason, ap);
  va_end (ap);
}

int
vn_edits_sort (struct vn_edits *e, size_t len)
{
  size_t i, j, end = 0;

  /* Insertion sort: stable, and fixers almost always propose in order, so
     it costs one pass. */
  for (i = 1; i < e->n; i++)
    {
      struct vn_edit d = e->v[i];
      for (j = i; j > 0 && e->v[j - 1].off > d.off; j--)
        e->v[j] = e->v[j - 1];
      e->v[j] = d;
    }
  for (i = 0; i < e->n; i++)
    {
      const struct vn_edit *d = &e->v[i];
      if (d->off > len || d->len > len - d->off)
        return VN_EDIT_RANGE;
      if (!d->fix)
        continue;
      /* END is where the last fixing edit stopped; a later one may start
         there (adjacent) but not before it. */
      if (d->off < end)
        return VN_EDIT_OVERLAP;
      end = d->off + d->len;
    }
  return VN_EDIT_OK;
}

void
vn_edits_apply (const struct vn_edits *e, const char *text, size_t len,
                struct vn_buf *out)
{
  size_t i, pos = 0;

  for (i = 0; i < e->n; i++)
    {
      const struct vn_edit *d = &e->v[i];
      if (!d->fix)
        continue;
      vn_buf_append (out, text + pos, d->off - pos);
      vn_buf_append (out, vn_edit_repl (e, d), d->repl_len);
      pos = d->off + d->len;
    }
  vn_buf_append (out, text + pos, len - pos);
}

void
vn_edit_map_add (struct vn_edit_map *m, const struct vn_edits *e,
                 unsigned stage)
{
  size_t i;
  ptrdiff_t delta = 0;          /* new offset minus old, so far */

  for (i = 0; i < e->n; i++)
    {
      const struct vn_edit *d = &e->v[i];
      struct vn_edit_span *s;

      if (!d->fix)
        continue;
      if (m->n == m->cap)
        {
          m->cap = vn_grow (m->cap, m->n + 1);
          m->v = vn_xrealloc (m->v, m->cap * sizeof *m->v);
        }
      s = &m->v[m->n++];
      s->old_off = d->off;
      s->old_len = d->len;
      s->new_off = (size_t) ((ptrdiff_t) d->off + delta);
      s->new_len = d->repl_len;
      s->stage = stage;
      delta += (ptrdiff_t) d->repl_len - (ptrdiff_t) d->len;
    }
}

size_t
vn_edit_map_back (const struct vn_edit_map *m, size_t off)
{
  size_t end = m->n;

  /* The stages from the last back: each one's spans are consecutive. */
  while (end > 0)
    {
      size_t start = end, i;
      unsigned stage = m->v[end - 1].stage;
      ptrdiff_t delta = 0;

      while (start > 0 && m->v[start - 1].stage == stage)
        start--;
      for (i = start; i < end; i++)
        {
          const struct vn_edit_span *s = &m->v[i];
          if (off < s->new_off)
            break;
          if (off < s->new_off + s->new_len)
            {
              delta = (ptrdiff_t) s->new_off - (ptrdiff_t) s->old_off;
              off = s->new_off;
              break;
            }
          delta = (ptrdiff_t) (s->new_off + s->new_len)
            - (ptrdiff_t) (s->old_off + s->old_len);
        }
      off = (size_t) ((ptrdiff_t) off - delta);
      end = start;
    }
  return off;
}

void
vn_edit_map_free (struct vn_edit_map *m)
{
  free (m->v);
  m->v = NULL;
  m->n = m->cap = 0;
}
