/* buf.h -- growable byte buffer */
#ifndef VN_BUF_H
#define VN_BUF_H

#include <stddef.h>
#include <string.h>

struct vn_buf
{
  char *p;
  size_t len, cap;
};

void vn_buf_reserve (struct vn_buf *b, size_t extra);
void vn_buf_free (struct vn_buf *b);

static inline void
vn_buf_clear (struct vn_buf *b)
{
  b->len = 0;
}

static inline void
vn_buf_append (struct vn_buf *b, const void *s, size_t n)
{
  if (b->cap - b->len < n)
    vn_buf_reserve (b, n);
  if (n)
    memcpy (b->p + b->len, s, n);
  b->len += n;
}

static inline void
vn_buf_putc (struct vn_buf *b, char c)
{
  if (b->len == b->cap)
    vn_buf_reserve (b, 1);
  b->p[b->len++] = c;
}

static inline void
vn_buf_puts (struct vn_buf *b, const char *s)
{
  vn_buf_append (b, s, strlen (s));
}

#endif
