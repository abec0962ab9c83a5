/* reader.c -- block-streaming line reader with UTF-8 validation */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "decode.h"
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

  /* The input-decoding stage (vn_reader_set_decoder), if any. */
  const struct vn_decoder *dec;
  void *dec_state;
  const char *doc_sep;
  size_t doc_sep_len;
  int doc_start;        /* the next line starts a document */
  int decoding;         /* the document's lines go through DEC */
  uint64_t unconvertible;       /* of INVALID, those DEC could not convert */
  struct vn_buf decoded;
  struct vn_decode_errors derr;
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
  vn_buf_free (&r->decoded);
  vn_decode_errors_free (&r->derr);
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

void
vn_reader_set_decoder (struct vn_reader *r, const struct vn_decoder *dec,
                       void *state, const char *doc_sep, size_t doc_sep_len)
{
  r->dec = dec;
  r->dec_state = state;
  r->doc_sep = doc_sep;
  r->doc_sep_len = doc_sep_len;
  r->doc_start = 1;
}

void
vn_reader_begin_doc (struct vn_reader *r)
{
  r->doc_start = r->dec != NULL;
}

/* Report the bad bytes BYTES[0..K) at column COL of the current line and
   input offset OFFSET: not UTF-8, or (FROM) not convertible from the
   charset FROM. */
static void
report_at (struct vn_reader *r, uint64_t col, const char *bytes, size_t k,
           uint64_t offset, const char *from)
{
  static const char *const what[] = {
    [VN_INVALID_REPLACE] = "replaced with U+FFFD",
    [VN_INVALID_KEEP] = "kept",
    [VN_INVALID_FAIL] = "stopping",
  };
  char hex[4 * 4 + 1];
  size_t i;

  r->invalid++;
  if (from)
    r->unconvertible++;
  if (r->invalid > MAX_REPORTS && r->policy != VN_INVALID_FAIL)
    return;
  for (i = 0; i < k && i < 4; i++)
    {
      static const char digits[] = "0123456789ABCDEF";
      unsigned char c = (unsigned char) bytes[i];
      hex[4 * i] = '\\';
      hex[4 * i + 1] = 'x';
      hex[4 * i + 2] = digits[c >> 4];
      hex[4 * i + 3] = digits[c & 15];
    }
  hex[4 * i] = '\0';
  if (from)
    vn_warn_at (r->name, r->lineno, col, "I001: cannot convert '%s' from %s "
                "at byte offset %llu (%s)", hex, from,
                (unsigned long long) offset, what[r->policy]);
  else
    vn_warn_at (r->name, r->lineno, col, "I001: invalid UTF-8 '%s' at byte "
                "offset %llu (%s)", hex, (unsigned long long) offset,
                what[r->policy]);
}

static void
report_invalid (struct vn_reader *r, const char *line, size_t at, size_t k)
{
  report_at (r, vn_utf8_count (line, at) + 1, line + at, k, r->offset + at,
             NULL);
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

/* A document starts: let the decoder see up to VN_DECODE_AHEAD bytes of
   it (fewer at the end of the input or before a --doc-sep line) and say
   whether its lines are to be decoded.  Return -1 on a read error. */
static int
begin_decoding (struct vn_reader *r)
{
  size_t n, i;
  int complete;

  r->doc_start = 0;
  while (!r->eof && r->end - r->start < VN_DECODE_AHEAD)
    if (fill (r) < 0)
      return -1;
  n = r->end - r->start;
  complete = r->eof;
  if (n > VN_DECODE_AHEAD)
    {
      n = VN_DECODE_AHEAD;
      complete = 0;
    }
  if (r->doc_sep)
    for (i = 0; i < n; i++)
      {
        const char *line = r->buf + r->start + i;
        size_t left = n - i, k = r->doc_sep_len;
        const char *nl;
        if (left > k && !memcmp (line, r->doc_sep, k)
            && (line[k] == '\n' || line[k] == '\r'))
          {
            n = i;
            complete = 1;
            break;
          }
        nl = memchr (line, '\n', left);
        if (!nl)
          break;
        i = (size_t) (nl - r->buf - r->start);
      }
  r->decoding = r->dec->begin (r->dec_state, r->buf + r->start, n, complete);
  return 0;
}

/* Decode the line TEXT[0..*LEN) (its terminator, EOL bytes, follows) and
   apply the invalid-byte policy to what could not be converted: the
   replacement is U+FFFD, and "keep" keeps the bytes as they came (the
   output is then not UTF-8 there).  Return the line, terminator included,
   or NULL to stop (VN_INVALID_FAIL). */
static const char *
decode_line (struct vn_reader *r, const char *text, size_t *len, size_t eol)
{
  struct vn_buf *d = &r->decoded;
  size_t pos = 0, i, n = *len;
  uint64_t col = 0;

  vn_buf_clear (d);
  r->derr.n = 0;
  r->dec->line (r->dec_state, text, n, d, &r->derr);
  if (r->derr.n == 0 && d->len == n && (n == 0 || !memcmp (d->p, text, n)))
    return text;                /* nothing to convert on this line */
  vn_buf_clear (&r->fixed);
  for (i = 0; i < r->derr.n; i++)
    {
      const struct vn_decode_error *e = &r->derr.v[i];
      vn_buf_append (&r->fixed, d->p + pos, e->out_off - pos);
      col += vn_utf8_count (d->p + pos, e->out_off - pos);
      pos = e->out_off;
      report_at (r, col + 1, text + e->in_off, e->in_len,
                 r->offset + e->in_off, r->dec->charset (r->dec_state));
      if (r->policy == VN_INVALID_FAIL)
        return NULL;
      if (r->policy == VN_INVALID_REPLACE)
        vn_buf_append (&r->fixed, "\xEF\xBF\xBD", 3);
      else
        vn_buf_append (&r->fixed, text + e->in_off, e->in_len);
      col++;
    }
  vn_buf_append (&r->fixed, d->p + pos, d->len - pos);
  *len = r->fixed.len;
  vn_buf_append (&r->fixed, text + n, eol);
  return r->fixed.p;
}

int
vn_reader_next (struct vn_reader *r, struct vn_line *line)
{
  size_t len, eol, valid;
  const char *text;

  if (r->failed)
    return -1;
  if (r->doc_start && begin_decoding (r) < 0)
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
                vn_error (0, 0, "%s: %llu %s in all (%d shown)", r->name,
                          (unsigned long long) r->invalid, r->unconvertible
                          ? "sequences that cannot be converted or are not "
                          "UTF-8" : "invalid UTF-8 sequences", MAX_REPORTS);
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
  line->len = len;
  if (r->decoding)
    {
      /* Decoded text is UTF-8 by construction (but for what
         --invalid=keep kept): it needs no validation. */
      text = decode_line (r, text, &line->len, eol);
      if (!text)
        {
          r->failed = 1;
          return -1;
        }
    }
  else if ((valid = vn_utf8_valid_prefix (text, len)) < len)
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
