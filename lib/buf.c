/* buf.c -- growable byte buffer */
#include <config.h>

#include <stdlib.h>
#include "buf.h"
#include "diag.h"

void
vn_buf_reserve (struct vn_buf *b, size_t extra)
{
  if (b->len + extra < b->len)
    vn_error (VN_EXIT_ERROR, 0, "memory exhausted");
  if (b->cap - b->len >= extra)
    return;
  b->cap = vn_grow (b->cap, b->len + extra);
  b->p = vn_xrealloc (b->p, b->cap);
}

void
vn_buf_free (struct vn_buf *b)
{
  free (b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}
