/* json.c -- just enough strict JSON (RFC 8259) for --jsonl records */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "ascii.h"
#include "json.h"
#include "utf8.h"

static const char hex_digits[] = "0123456789abcdef";

static size_t
skip_ws (const unsigned char *s, size_t i, size_t n)
{
  /* Only these four: a form feed or a no-break space between tokens makes
     the record something other tools would reject too. */
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
                   || s[i] == '\r'))
    i++;
  return i;
}

/* The four hex digits at S[I..], or -1 when there are not four before END. */
static long
hex4 (const unsigned char *s, size_t i, size_t end)
{
  long v = 0;
  size_t k;

  if (i > end || end - i < 4)
    return -1;
  for (k = 0; k < 4; k++)
    {
      int h = vn_hex_value (s[i + k]);
      if (h < 0)
        return -1;
      v = v << 4 | h;
    }
  return v;
}

/* Decode the escape at S[*I] (a backslash) into OUT, moving *I past it.
   Return the number of bytes, or -1 for a lone surrogate or a malformed
   escape: the decoder never trusts that its caller validated the token. */
static int
unescape (const unsigned char *s, size_t end, size_t *i, char out[4])
{
  size_t p = *i + 1;
  long cp, lo;

  if (p >= end)
    return -1;
  switch (s[p++])
    {
    case '"':
      out[0] = '"';
      break;
    case '\\':
      out[0] = '\\';
      break;
    case '/':
      out[0] = '/';
      break;
    case 'b':
      out[0] = '\b';
      break;
    case 'f':
      out[0] = '\f';
      break;
    case 'n':
      out[0] = '\n';
      break;
    case 'r':
      out[0] = '\r';
      break;
    case 't':
      out[0] = '\t';
      break;
    case 'u':
      cp = hex4 (s, p, end);
      if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return -1;
      p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF)
        {
          if (end - p < 6 || s[p] != '\\' || s[p + 1] != 'u')
            return -1;
          lo = hex4 (s, p + 2, end);
          if (lo < 0xDC00 || lo > 0xDFFF)
            return -1;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
      *i = p;
      return (int) vn_utf8_encode ((uint32_t) cp, out);
    default:
      return -1;
    }
  *i = p;
  return 1;
}

/* Where invalid UTF-8 that starts at S[P] stops being a prefix of valid
   UTF-8: a truncated sequence is only wrong at the byte that fails to
   continue it (N when the record ends first). */
static size_t
bad_utf8_offset (const unsigned char *s, size_t p, size_t n)
{
  if (s[p] < 0xC2 || s[p] > 0xF4)
    return p;
  return p + vn_utf8_invalid_len ((const char *) s + p, n - p);
}

/* The string token at S[I] (a quote): return the offset just past its
   closing quote, or set *BAD and return where it goes wrong. */
static size_t
scan_string (const unsigned char *s, size_t i, size_t n, int *bad)
{
  size_t k;

  i++;
  for (;;)
    {
      size_t run = i;
      unsigned char high = 0;

      /* Raw UTF-8 is checked a run at a time, so that long text costs one
         pass here and one in vn_utf8_valid_prefix, with its ASCII fast
         path, rather than a call per character. */
      while (i < n && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20)
        high |= s[i++];
      if (high & 0x80)
        {
          size_t v = vn_utf8_valid_prefix ((const char *) s + run, i - run);
          if (v < i - run)
            {
              *bad = 1;
              return bad_utf8_offset (s, run + v, n);
            }
        }
      if (i == n)
        break;
      if (s[i] == '"')
        return i + 1;
      if (s[i] != '\\')
        {
          *bad = 1;             /* a raw control character */
          return i;
        }
      if (++i == n)
        break;
      switch (s[i])
        {
        case '"': case '\\': case '/':
        case 'b': case 'f': case 'n': case 'r': case 't':
          i++;
          break;
        case 'u':
          for (k = 0, i++; k < 4; k++, i++)
            {
              if (i == n)
                break;
              if (vn_hex_value (s[i]) < 0)
                {
                  *bad = 1;
                  return i;
                }
            }
          if (k < 4)
            {
              *bad = 1;
              return n;
            }
          break;
        default:
          *bad = 1;
          return i;
        }
    }
  *bad = 1;
  return n;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at S[I]; a digit after a
   leading 0 is left for the caller, which sees it where a ',' belongs. */
static size_t
scan_number (const unsigned char *s, size_t i, size_t n, int *bad)
{
  if (s[i] == '-')
    i++;
  if (i < n && s[i] == '0')
    i++;
  else if (i < n && s[i] >= '1' && s[i] <= '9')
    while (i < n && vn_is_digit (s[i]))
      i++;
  else
    goto fail;
  if (i < n && s[i] == '.')
    {
      if (++i == n || !vn_is_digit (s[i]))
        goto fail;
      while (i < n && vn_is_digit (s[i]))
        i++;
    }
  if (i < n && (s[i] == 'e' || s[i] == 'E'))
    {
      if (++i < n && (s[i] == '+' || s[i] == '-'))
        i++;
      if (i == n || !vn_is_digit (s[i]))
        goto fail;
      while (i < n && vn_is_digit (s[i]))
        i++;
    }
  return i;

 fail:
  *bad = 1;
  return i;
}

static size_t
scan_word (const unsigned char *s, size_t i, size_t n, const char *word,
           int *bad)
{
  for (; *word; word++, i++)
    if (i == n || s[i] != (unsigned char) *word)
      {
        *bad = 1;
        return i;
      }
  return i;
}

/* Is the key token TOK[0..N) (quotes included) FIELD once decoded?  Decoded
   on the fly, so that no key is ever copied. */
static int
key_is (const unsigned char *tok, size_t n, const char *field, size_t flen)
{
  size_t i = 1, j = 0, end = n - 1;
  char u[4];
  int k;

  while (i < end)
    if (tok[i] != '\\')
      {
        if (j == flen || tok[i] != (unsigned char) field[j])
          return 0;
        i++;
        j++;
      }
    else
      {
        k = unescape (tok, end, &i, u);
        if (k < 0 || flen - j < (size_t) k || memcmp (u, field + j, k) != 0)
          return 0;
        j += k;
      }
  return j == flen;
}

/* The open containers, one bit each (1 = object): depth costs heap, never
   C stack, so that a record of a million '[' is only a long record. */
struct nest
{
  unsigned char local[256];     /* real records never need the heap */
  unsigned char *bits;
  size_t cap;                   /* bytes in BITS */
  size_t depth;
};

static void
nest_push (struct nest *t, int object)
{
  size_t byte = t->depth / 8;
  unsigned char mask = (unsigned char) (1u << t->depth % 8);

  if (byte == t->cap)
    {
      size_t cap = vn_grow (t->cap, byte + 1);
      if (t->bits == t->local)
        {
          t->bits = vn_xmalloc (cap);
          memcpy (t->bits, t->local, t->cap);
        }
      else
        t->bits = vn_xrealloc (t->bits, cap);
      t->cap = cap;
    }
  if (object)
    t->bits[byte] |= mask;
  else
    t->bits[byte] &= (unsigned char) ~mask;
  t->depth++;
}

static int
nest_in_object (const struct nest *t)
{
  size_t d = t->depth - 1;
  return t->bits[d / 8] >> d % 8 & 1;
}

/* Besides the contract in json.h: on VN_JSON_NOTSTRING, *START and *END
   delimit the (last) non-string value too, for messages that quote it. */
enum vn_json_status
vn_json_find (const char *rec, size_t n, const char *field,
              size_t *start, size_t *end)
{
  const unsigned char *s = (const unsigned char *) rec;
  size_t flen = strlen (field), i, key, vstart = 0, vend = 0;
  enum vn_json_status status = VN_JSON_NOFIELD;
  enum { VALUE, KEY, NEXT } state = VALUE;
  int bad = 0, member = 0, pending = 0;
  struct nest t;

  t.bits = t.local;
  t.cap = sizeof t.local;
  t.depth = 0;

  i = skip_ws (s, 0, n);
  if (i == n || s[i] != '{')
    bad = 1;
  while (!bad)
    switch (state)
      {
      case VALUE:
        if (member)
          {
            /* FIELD's value: its end is known when the parser is back at
               depth 1, however deep the value itself goes. */
            member = 0;
            pending = 1;
            vstart = i;
          }
        if (i == n)
          {
            bad = 1;
            break;
          }
        state = NEXT;
        switch (s[i])
          {
          case '{':
          case '[':
            nest_push (&t, s[i] == '{');
            i = skip_ws (s, i + 1, n);
            if (i < n && s[i] == (nest_in_object (&t) ? '}' : ']'))
              {
                t.depth--;
                i++;
              }
            else
              state = nest_in_object (&t) ? KEY : VALUE;
            break;
          case '"':
            i = scan_string (s, i, n, &bad);
            break;
          case 't':
            i = scan_word (s, i, n, "true", &bad);
            break;
          case 'f':
            i = scan_word (s, i, n, "false", &bad);
            break;
          case 'n':
            i = scan_word (s, i, n, "null", &bad);
            break;
          case '-': case '0': case '1': case '2': case '3': case '4':
          case '5': case '6': case '7': case '8': case '9':
            i = scan_number (s, i, n, &bad);
            break;
          default:
            bad = 1;
          }
        break;

      case KEY:
        if (i == n || s[i] != '"')
          {
            bad = 1;
            break;
          }
        key = i;
        i = scan_string (s, i, n, &bad);
        if (bad)
          break;
        member = t.depth == 1 && key_is (s + key, i - key, field, flen);
        i = skip_ws (s, i, n);
        if (i == n || s[i] != ':')
          {
            bad = 1;
            break;
          }
        i = skip_ws (s, i + 1, n);
        state = VALUE;
        break;

      case NEXT:
        if (pending && t.depth == 1)
          {
            /* Overwrite any earlier occurrence: the last one wins. */
            pending = 0;
            vend = i;
            status = s[vstart] == '"' ? VN_JSON_OK : VN_JSON_NOTSTRING;
          }
        i = skip_ws (s, i, n);
        if (t.depth == 0)
          {
            if (i != n)
              bad = 1;
            goto done;
          }
        if (i == n)
          bad = 1;
        else if (s[i] == ',')
          {
            i = skip_ws (s, i + 1, n);
            state = nest_in_object (&t) ? KEY : VALUE;
          }
        else if (s[i] == (nest_in_object (&t) ? '}' : ']'))
          {
            t.depth--;
            i++;
          }
        else
          bad = 1;
        break;
      }

 done:
  if (t.bits != t.local)
    free (t.bits);
  if (bad)
    {
      *start = *end = i;
      return VN_JSON_INVALID;
    }
  if (status != VN_JSON_NOFIELD)
    {
      *start = vstart;
      *end = vend;
    }
  return status;
}

int
vn_json_decode (const char *tok, size_t n, struct vn_buf *out)
{
  const unsigned char *s = (const unsigned char *) tok;
  size_t i = 1, end;
  char u[4];
  int k;

  if (n < 2)
    return -1;
  end = n - 1;
  /* No escape decodes to more bytes than it takes: one reservation. */
  vn_buf_reserve (out, end - i);
  while (i < end)
    {
      const unsigned char *bs = memchr (s + i, '\\', end - i);
      size_t j = bs ? (size_t) (bs - s) : end;

      vn_buf_append (out, s + i, j - i);
      i = j;
      if (i < end)
        {
          k = unescape (s, end, &i, u);
          if (k < 0)
            return -1;
          vn_buf_append (out, u, (size_t) k);
        }
    }
  return 0;
}

int
vn_json_ascii_style (const char *tok, size_t n)
{
  const unsigned char *s = (const unsigned char *) tok;
  int escaped = 0;
  size_t i;

  for (i = 0; i < n; i++)
    if (s[i] >= 0x80)
      return 0;
    else if (s[i] == '\\' && i + 1 < n)
      {
        /* Step over the escaped character, so that "\\u00e9" (a backslash
           and then text) does not count as an escape. */
        i++;
        if (s[i] == 'u' && hex4 (s, i + 1, n) >= 0x80)
          escaped = 1;
      }
  return escaped;
}

static void
put_u (struct vn_buf *out, uint32_t cp)
{
  char e[6];

  e[0] = '\\';
  e[1] = 'u';
  e[2] = hex_digits[cp >> 12 & 15];
  e[3] = hex_digits[cp >> 8 & 15];
  e[4] = hex_digits[cp >> 4 & 15];
  e[5] = hex_digits[cp & 15];
  vn_buf_append (out, e, 6);
}

void
vn_json_encode (const char *str, size_t n, int ascii, struct vn_buf *out)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t i = 0, j, k;
  uint32_t cp;

  vn_buf_reserve (out, n + 2);
  vn_buf_putc (out, '"');
  while (i < n)
    {
      /* Copy what needs no escape in one go; without ASCII, that includes
         any invalid byte the user chose to keep. */
      for (j = i; j < n && s[j] >= 0x20 && s[j] != 0x7F && s[j] != '"'
             && s[j] != '\\' && (s[j] < 0x80 || !ascii); j++)
        continue;
      vn_buf_append (out, s + i, j - i);
      if (j == n)
        break;
      i = j;
      if (s[i] >= 0x80)
        {
          k = vn_utf8_decode (str + i, n - i, &cp);
          if (!k)
            {
              /* A kept invalid byte has no \u form: the best that ASCII
                 output can say is that something was there. */
              cp = VN_REPLACEMENT;
              k = 1;
            }
          if (cp >= 0x10000)
            {
              cp -= 0x10000;
              put_u (out, 0xD800 | cp >> 10);
              put_u (out, 0xDC00 | (cp & 0x3FF));
            }
          else
            put_u (out, cp);
          i += k;
          continue;
        }
      switch (s[i])
        {
        case '"':
          vn_buf_append (out, "\\\"", 2);
          break;
        case '\\':
          vn_buf_append (out, "\\\\", 2);
          break;
        case '\n':
          vn_buf_append (out, "\\n", 2);
          break;
        case '\r':
          vn_buf_append (out, "\\r", 2);
          break;
        case '\t':
          vn_buf_append (out, "\\t", 2);
          break;
        case '\b':
          vn_buf_append (out, "\\b", 2);
          break;
        case '\f':
          vn_buf_append (out, "\\f", 2);
          break;
        default:
          put_u (out, s[i]);    /* the other controls, and DEL */
        }
      i++;
    }
  vn_buf_putc (out, '"');
}
