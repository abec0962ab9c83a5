/* reader.c -- block-streaming line reader with UTF-8 validation */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "diag.h"
#include "reader.h"
#include "utf8.h"

enum { DEFAULT_BLOCK = 128 * 1024, MAX_REPORTS = 10 };

struct vn_reader
{
  int fd;
  const char *name;
  enum vn_invalid policy;
  size_t block;
  char *buf;
  size_t cap;
  size_t start;         /* first byte of the next line */
  size_t scan;          /* bytes before this were searched for a terminator */
  size_t end;           /* end of the data read */
  int eof, failed;
  uint64_t lineno;
  uint64_t offset;      /* input offset of buf[start] */
  struct vn_buf fixed;  /* a line with its invalid sequences replaced */
  uint64_t invalid;     /* invalid sequences seen */
};

int
vn_invalid_parse (const char *s)
{
  if (!strcmp (s, "replace"))
    return VN_INVALID_REPLACE;
  if (!strcmp (s, "keep"))
    return VN_INVALID_KEEP;
  if (!strcmp (s, "fail"))
    return VN_INVALID_FAIL;
  return -1;
}

struct vn_reader *
vn_reader_new (int fd, const char *name, enum vn_invalid policy, size_t block)
{
  struct vn_reader *r = vn_xcalloc (1, sizeof *r);
  r->fd = fd;
  r->name = name;
  r->policy = policy;
  r->block = block ? block : DEFAULT_BLOCK;
  return r;
}

void
vn_reader_free (struct vn_reader *r)
{
  if (!r)
    return;
  free (r->buf);
  vn_buf_free (&r->fixed);
  free (r);
}

uint64_t
vn_reader_invalid_count (const struct vn_reader *r)
{
  return r->invalid;
}

/* Read one more block after the data we have, keeping the unconsumed part.
   Return 1 when bytes came, 0 at end of input, -1 on error (reported). */
static int
fill (struct vn_reader *r)
{
  ssize_t n;

  if (r->start > 0)
    {
      /* Move the partial line to the front: it is at most one line long,
         so memory stays bounded by the longest line plus one block. */
      memmove (r->buf, r->buf + r->start, r->end - r->start);
      r->end -= r->start;
      r->scan -= r->start;
      r->start = 0;
    }
  if (r->cap - r->end < r->block)
    {
      r->cap = vn_grow (r->cap, r->end + r->block);
      r->buf = vn_xrealloc (r->buf, r->cap);
    }
  do
    n = read (r->fd, r->buf + r->end, r->block);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      vn_error (0, errno, "%s: read error", r->name);
      r->failed = 1;
      return -1;
    }
  if (n == 0)
    {
      r->eof = 1;
      return 0;
    }
  r->end += (size_t) n;
  return 1;
}

static void
report_invalid (struct vn_reader *r, const char *line, size_t at, size_t k)
{
  static const char *const what[] = {
    [VN_INVALID_REPLACE] = "replaced with U+FFFD",
    [VN_INVALID_KEEP] = "kept",
    [VN_INVALID_FAIL] = "stopping",
  };
  char hex[4 * 4 + 1];
  size_t i;

  r->invalid++;
  if (r->invalid > MAX_REPORTS && r->policy != VN_INVALID_FAIL)
    return;
  for (i = 0; i < k; i++)
    {
      static const char digits[] = "0123456789ABCDEF";
      unsigned char c = (unsigned char) line[at + i];
      hex[4 * i] = '\\';
      hex[4 * i + 1] = 'x';
      hex[4 * i + 2] = digits[c >> 4];
      hex[4 * i + 3] = digits[c & 15];
    }
  hex[4 * k] = '\0';
  vn_warn_at (r->name, r->lineno, vn_utf8_count (line, at) + 1,
              "I001: invalid UTF-8 '%s' at byte offset %llu (%s)", hex,
              (unsigned long long) (r->offset + at), what[r->policy]);
}

/* Apply the invalid-byte policy to the line TEXT[0..LEN), whose first
   invalid byte is at BAD.  Return the text to hand out (TEXT itself or the
   fixed copy), or NULL to stop (VN_INVALID_FAIL). */
static const char *
sanitize (struct vn_reader *r, const char *text, size_t *len, size_t bad)
{
  size_t pos = 0, n = *len;

  vn_buf_clear (&r->fixed);
  while (bad < n)
    {
      size_t k = vn_utf8_invalid_len (text + bad, n - bad);
      report_invalid (r, text, bad, k);
      if (r->policy == VN_INVALID_FAIL)
        return NULL;
      if (r->policy == VN_INVALID_REPLACE)
        {
          vn_buf_append (&r->fixed, text + pos, bad - pos);
          vn_buf_append (&r->fixed, "\xEF\xBF\xBD", 3);
        }
      pos = bad + k;
      bad = pos + vn_utf8_valid_prefix (text + pos, n - pos);
    }
  if (r->policy == VN_INVALID_KEEP)
    return text;
  vn_buf_append (&r->fixed, text + pos, n - pos);
  *len = r->fixed.len;
  return r->fixed.p;
}

int
vn_reader_next (struct vn_reader *r, struct vn_line *line)
{
  size_t len, eol, valid;
  const char *text;

  if (r->failed)
    return -1;
  for (;;)
    {
      char *base = r->buf + r->scan;
      size_t avail = r->end - r->scan;
      char *nl = avail ? memchr (base, '\n', avail) : NULL;
      size_t span = nl ? (size_t) (nl - base) : avail;
      char *cr = span ? memchr (base, '\r', span) : NULL;

      if (cr)
        {
          size_t at = (size_t) (cr - r->buf);
          if (at + 1 < r->end || r->eof)
            {
              len = at - r->start;
              eol = at + 1 < r->end && r->buf[at + 1] == '\n' ? 2 : 1;
              break;
            }
          /* A CR that ends the buffer may be the first half of a CRLF. */
          r->scan = at;
        }
      else if (nl)
        {
          len = (size_t) (nl - r->buf) - r->start;
          eol = 1;
          break;
        }
      else
        r->scan = r->end;
      if (r->eof)
        {
          if (r->start == r->end)
            {
              if (r->invalid > MAX_REPORTS)
                vn_error (0, 0, "%s: %llu invalid UTF-8 sequences in all "
                          "(%d shown)", r->name,
                          (unsigned long long) r->invalid, MAX_REPORTS);
              return 0;
            }
          len = r->end - r->start;
          eol = 0;
          break;
        }
      if (fill (r) < 0)
        return -1;
    }

  text = r->buf + r->start;
  r->lineno++;
  valid = vn_utf8_valid_prefix (text, len);
  line->len = len;
  if (valid < len)
    {
      const char *t = sanitize (r, text, &line->len, valid);
      if (!t)
        {
          r->failed = 1;
          return -1;
        }
      if (t != text)
        {
          /* The fixed copy needs its terminator too (appending may move
             the buffer, so take its address after). */
          vn_buf_append (&r->fixed, text + len, eol);
          text = r->fixed.p;
        }
    }
  line->text = text;
  line->raw = r->buf + r->start;
  line->raw_len = len + eol;
  line->eol_len = eol;
  line->lineno = r->lineno;
  line->offset = r->offset;
  r->offset += len + eol;
  r->start += len + eol;
  r->scan = r->start;
  return 1;
}
