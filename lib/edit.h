/* edit.h -- edits proposed by fixers, and the one place that applies them */
#ifndef VN_EDIT_H
#define VN_EDIT_H

#include <stdarg.h>
#include <stddef.h>
#include "buf.h"

/* A rule: a stable code (documented in the README) and what it fixes. */
struct vn_rule
{
  const char *code;     /* e.g. "E103" */
  const char *summary;  /* e.g. "bare entity name without '&'" */
};

/* Replace TEXT[OFF..OFF+LEN) by the replacement; or, for a note (FIX == 0),
   change nothing and only report the span as something left for review. */
struct vn_edit
{
  size_t off, len;
  size_t repl, repl_len;        /* replacement bytes: arena offset, length */
  size_t reason;                /* reason text: arena offset (NUL-ended) */
  const struct vn_rule *rule;
  int fix;
};

struct vn_edits
{
  struct vn_edit *v;
  size_t n, cap;
  size_t nfix;                  /* how many of V change text */
  struct vn_buf arena;          /* replacements and reasons */
  int terse;                    /* nobody will read the reasons (the text
                                   is only written): each is kept empty and
                                   its format never run */
};

void vn_edits_clear (struct vn_edits *e);
void vn_edits_free (struct vn_edits *e);

/* Propose replacing TEXT[OFF..OFF+LEN) by REPL[0..REPL_LEN), for RULE, with a
   printf-style REASON.  Edits may be added in any order. */
void vn_edits_add (struct vn_edits *e, size_t off, size_t len,
                   const char *repl, size_t repl_len,
                   const struct vn_rule *rule, const char *reason, ...)
  __attribute__ ((format (printf, 7, 8)));

/* Report TEXT[OFF..OFF+LEN) without changing it (precision first: what a
   fixer is not sure of is left for a human, and vn-lint shows it). */
void vn_edits_note (struct vn_edits *e, size_t off, size_t len,
                    const struct vn_rule *rule, const char *reason, ...)
  __attribute__ ((format (printf, 5, 6)));

static inline const char *
vn_edit_reason (const struct vn_edits *e, const struct vn_edit *d)
{
  return e->arena.p + d->reason;
}

static inline const char *
vn_edit_repl (const struct vn_edits *e, const struct vn_edit *d)
{
  return e->arena.p + d->repl;
}

enum { VN_EDIT_OK = 0, VN_EDIT_OVERLAP = -1, VN_EDIT_RANGE = -2 };

/* Sort the edits by position (stable: insertions at one offset keep their
   order).  Return VN_EDIT_OVERLAP when two fixing edits overlap (an insertion
   strictly inside a replaced span counts), VN_EDIT_RANGE when one reaches
   past LEN; the edits are then unusable and the text must be left alone. */
int vn_edits_sort (struct vn_edits *e, size_t len);

/* Append TEXT[0..LEN) with the (sorted, checked) fixing edits applied to OUT. */
void vn_edits_apply (const struct vn_edits *e, const char *text, size_t len,
                     struct vn_buf *out);

/* Where the text of a line came from, through the stages that changed it:
   each fixing edit applied, as spans of the text before (OLD) and after
   (NEW) its stage, so that a finding of a later stage can be reported at
   its column in the input, as a compiler reports one in the source.  */
struct vn_edit_span
{
  size_t old_off, old_len, new_off, new_len;
  unsigned stage;
};

struct vn_edit_map
{
  struct vn_edit_span *v;
  size_t n, cap;
};

/* Record the fixing edits of E (sorted) as applied by stage STAGE. */
void vn_edit_map_add (struct vn_edit_map *m, const struct vn_edits *e,
                      unsigned stage);

/* The offset in the text before every recorded stage of OFF in the text
   after them; an offset inside a replacement maps to the start of what it
   replaced. */
size_t vn_edit_map_back (const struct vn_edit_map *m, size_t off);

static inline void
vn_edit_map_clear (struct vn_edit_map *m)
{
  m->n = 0;
}

void vn_edit_map_free (struct vn_edit_map *m);

#endif
