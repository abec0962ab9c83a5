/* diff.h -- unified diff of a document, written as its lines stream by */
#ifndef VN_DIFF_H
#define VN_DIFF_H

#include <stddef.h>
#include <stdio.h>

struct vn_diff;

struct vn_diff *vn_diff_new (FILE *out);
void vn_diff_free (struct vn_diff *d);

/* A new document called NAME starts; its headers are written only if it
   has a change. */
void vn_diff_begin (struct vn_diff *d, const char *name);

/* One input line OLD[0..OLDN) (terminator included) became NEW[0..NEWN):
   zero lines (deleted), the same line, or several lines. */
void vn_diff_line (struct vn_diff *d, const char *old, size_t oldn,
                   const char *new, size_t newn);

/* The document ended: write its last hunk. */
void vn_diff_end (struct vn_diff *d);

#endif
