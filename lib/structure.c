/* structure.c -- what vn-captions, vn-bylines and vn-boilerplate share:
   the cue lists, words and sentences, photo credits, bylines, web residue
   and repetition (CLEAN-TEXT.md section 6) */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ascii.h"
#include "diag.h"
#include "scan.h"
#include "sse.h"
#include "structure.h"
#include "syllable.h"
#include "utf8.h"

void
vn_sbuf_printf (struct vn_buf *b, const char *fmt, ...)
{
  va_list ap;
  int k;

  va_start (ap, fmt);
  k = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (k < 0)
    return;
  vn_buf_reserve (b, (size_t) k + 1);
  va_start (ap, fmt);
  vsnprintf (b->p + b->len, (size_t) k + 1, fmt, ap);
  va_end (ap);
  b->len += (size_t) k;
}

/* ---------------------------------------------------------------------- */
/* Characters                                                             */

/* The lower case of CP, for the letters Vietnamese and its loans write;
   every pair here has the same UTF-8 length. */
static uint32_t
fold_cp (uint32_t cp)
{
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
    return cp + 32;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
    return cp | 1;
  if (cp >= 0x139 && cp <= 0x148 && (cp & 1))
    return cp + 1;
  if (cp == 0x1A0 || cp == 0x1AF)
    return cp + 1;
  if (cp >= 0x1EA0 && cp <= 0x1EF9)
    return cp | 1;
  return cp;
}

/* The lower case of the character P[0..K) into OUT[0..K): byte arithmetic
   on the UTF-8 of the letters fold_cp() knows, each pair of the same
   length, so that no character is decoded whole. */
static inline void
fold_char (const unsigned char *p, size_t k, unsigned char *out)
{
  unsigned char c = p[0];

  if (c < 0x80)
    {
      out[0] = (unsigned char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
      return;
    }
  out[0] = c;
  if (k > 1)
    out[1] = p[1];
  if (k > 2)
    out[2] = p[2];
  if (k > 3)
    out[3] = p[3];
  if (k == 2 && c >= 0xC3 && c <= 0xC6 && (p[1] & 0xC0) == 0x80)
    {
      uint32_t f = fold_cp (((uint32_t) (c & 0x1F) << 6) | (p[1] & 0x3F));
      out[0] = (unsigned char) (0xC0 | (f >> 6));
      out[1] = (unsigned char) (0x80 | (f & 0x3F));
    }
  else if (k == 3 && c == 0xE1 && (p[1] == 0xBA || p[1] == 0xBB)
           && (p[1] == 0xBB || p[2] >= 0xA0)
           && !(p[1] == 0xBB && p[2] > 0xB9))
    out[2] = p[2] | 1;
}

static inline size_t seq_bytes (unsigned char c);

char *
vn_fold (const char *s, size_t n, char *out)
{
  size_t i = 0, k;

  while (i < n)
    {
      k = seq_bytes ((unsigned char) s[i]);
      if (k > n - i)
        k = n - i;
      fold_char ((const unsigned char *) s + i, k, (unsigned char *) out + i);
      i += k;
    }
  return out;
}

int
vn_upper_at (const char *s, size_t n)
{
  uint32_t cp;
  unsigned char c;

  if (n == 0)
    return 0;
  c = (unsigned char) s[0];
  if (c < 0x80)
    return vn_is_upper (c);
  if (!vn_utf8_decode (s, n, &cp))
    return 0;
  return fold_cp (cp) != cp;
}

/* Bytes in the UTF-8 sequence a lead byte starts (1 for a stray byte). */
static inline size_t
seq_bytes (unsigned char c)
{
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Whether the character at S[I] (K bytes, by its lead byte) is no word
   character: ASCII other than letters and digits; U+00A0..U+00BF, U+00D7,
   U+00F7; the General Punctuation block; CJK punctuation; U+FFFD. */
static inline int
word_char_fast (const char *s, size_t n, size_t i, size_t *len)
{
  const unsigned char *u = (const unsigned char *) s + i;
  size_t k;

  if (u[0] < 0x80)
    {
      *len = 1;
      return vn_is_alnum (u[0]);
    }
  k = seq_bytes (u[0]);
  if (k > n - i)
    k = n - i;
  *len = k;
  if (k < 2)
    return 1;
  if (u[0] == 0xC2)
    return u[1] < 0xA0;
  if (u[0] == 0xC3)
    return u[1] != 0x97 && u[1] != 0xB7;
  if (k == 3 && u[0] == 0xE2)
    return u[1] != 0x80 && u[1] != 0x81;
  if (k == 3 && u[0] == 0xE3)
    return u[1] != 0x80;
  if (k == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] == 0xBD)
    return 0;
  return 1;
}

int
vn_word_char_at (const char *s, size_t n, size_t i, size_t *len)
{
  return word_char_fast (s, n, i, len);
}

/* Each byte's part in a word: 0 ends it (ASCII that is no letter or
   digit), 1 belongs to it (letters, digits, the bytes of most non-ASCII
   letters), 2 leads a character that must be looked at (C2 C3 E2 E3 EF:
   punctuation lives there). */
static unsigned char word_byte[256];

__attribute__ ((constructor)) static void
word_byte_init (void)
{
  int c;

  for (c = 0; c < 256; c++)
    word_byte[c] = c >= 0x80 || vn_is_alnum ((unsigned char) c);
  word_byte[0xC2] = word_byte[0xC3] = word_byte[0xE2] = word_byte[0xE3]
    = word_byte[0xEF] = 2;
}

static inline size_t
word_end (const char *s, size_t n, size_t i)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t k;

  while (i < n)
    {
      unsigned w = word_byte[u[i]];
      if (w == 1)
        {
          i++;
          continue;
        }
      if (w == 0 || !word_char_fast (s, n, i, &k))
        break;
      i += k;
    }
  return i;
}

size_t
vn_word_end (const char *s, size_t n, size_t i)
{
  return word_end (s, n, i);
}

/* Whether the character that ends at S[I] (exclusive) is a word
   character; 0 at the start. */
static int
word_char_before (const char *s, size_t n, size_t i)
{
  size_t j = i, k;

  if (i == 0)
    return 0;
  j--;
  while (j > 0 && i - j < 4 && ((unsigned char) s[j] & 0xC0) == 0x80)
    j--;
  return vn_word_char_at (s, n, j, &k);
}

size_t
vn_chars (const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t i = 0, cont = 0;

  /* Continuation bytes are 10xxxxxx: bit 7 set and bit 6 clear. */
#ifdef __SSE2__
  /* Sixteen at a time: each byte of ACC counts them in its lane (0xFF from
     the compare is -1, subtracted), summed before a lane can overflow. */
  while (i + 16 <= n)
    {
      __m128i acc = _mm_setzero_si128 ();
      size_t stop = n - i >= 16 * 255 ? i + 16 * 255 : n;
      for (; i + 16 <= stop; i += 16)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) (u + i));
          __m128i top = _mm_and_si128 (v, _mm_set1_epi8 ((char) 0xC0));
          acc = _mm_sub_epi8 (acc, vn_sse_eq (top, 0x80));
        }
      acc = _mm_sad_epu8 (acc, _mm_setzero_si128 ());
      cont += (size_t) _mm_cvtsi128_si32 (acc)
        + (size_t) _mm_cvtsi128_si32 (_mm_srli_si128 (acc, 8));
    }
#endif
  for (; i + 8 <= n; i += 8)
    {
      uint64_t v;
      memcpy (&v, u + i, 8);
      v = (v & ~(v << 1) & UINT64_C (0x8080808080808080)) >> 7;
      cont += (size_t) ((v * UINT64_C (0x0101010101010101)) >> 56);
    }
  for (; i < n; i++)
    cont += (u[i] & 0xC0) == 0x80;
  return n - cont;
}

void
vn_trim (const char **s, size_t *n)
{
  while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
    {
      (*s)++;
      (*n)--;
    }
  while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
    (*n)--;
}

/* Byte length of a closing quote or bracket at S[I], or 0: " ' ) ] ” ’ ». */
static inline size_t
closer_at (const char *s, size_t n, size_t i)
{
  unsigned char c = (unsigned char) s[i];

  if (c == '"' || c == '\'' || c == ')' || c == ']')
    return 1;
  if (c == 0xE2 && i + 2 < n && (unsigned char) s[i + 1] == 0x80
      && ((unsigned char) s[i + 2] == 0x9D
          || (unsigned char) s[i + 2] == 0x99))
    return 3;
  if (c == 0xC2 && i + 1 < n && (unsigned char) s[i + 1] == 0xBB)
    return 2;
  return 0;
}

/* Byte length of an opening quote at S[I], or 0: " “ ‘ «. */
static size_t
opener_at (const char *s, size_t n, size_t i)
{
  unsigned char c = (unsigned char) s[i];

  if (c == '"' || c == '\'' || c == '(')
    return 1;
  if (c == 0xE2 && i + 2 < n && (unsigned char) s[i + 1] == 0x80
      && ((unsigned char) s[i + 2] == 0x9C
          || (unsigned char) s[i + 2] == 0x98))
    return 3;
  if (c == 0xC2 && i + 1 < n && (unsigned char) s[i + 1] == 0xAB)
    return 2;
  return 0;
}

/* Byte length of a sentence terminator at S[I] ('.', '!', '?', '…'), or 0. */
static inline size_t
stop_at (const char *s, size_t n, size_t i)
{
  unsigned char c = (unsigned char) s[i];

  if (c == '.' || c == '!' || c == '?')
    return 1;
  if (c == 0xE2 && i + 2 < n && (unsigned char) s[i + 1] == 0x80
      && (unsigned char) s[i + 2] == 0xA6)
    return 3;
  return 0;
}

/* Whether the '.' at S[I] is the dot of an abbreviation or an initial. */
static int
abbrev_dot (const char *s, size_t n, size_t i)
{
  size_t j = i, k;

  while (j > 0 && word_char_before (s, n, j))
    {
      j--;
      while (j > 0 && ((unsigned char) s[j] & 0xC0) == 0x80)
        j--;
    }
  if (j == i)
    return 0;
  /* One upper-case letter: an initial (Nguyễn V. A., N.T). */
  vn_word_char_at (s, n, j, &k);
  if (j + k == i && vn_upper_at (s + j, n - j))
    return 1;
  return vn_cue_word (VN_CUE_ABBREV, s + j, i - j);
}

/* Whether a byte of V is C (the classic test for a zero byte in V ^ C). */
static inline uint64_t
has_byte (uint64_t v, unsigned char c)
{
  uint64_t x = v ^ (UINT64_C (0x0101010101010101) * c);
  return (x - UINT64_C (0x0101010101010101)) & ~x
    & UINT64_C (0x8080808080808080);
}

/* The next sentence end in S[I..N): set *END just past its terminators
   and closing quotes; return 0 when the text has none. */
static int
next_stop (const char *s, size_t n, size_t i, size_t *end)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t k, j;

  for (; i < n; i++)
    {
      /* Most bytes are none of . ! ? and the lead byte of '…': skip them
         sixteen at a time, then eight. */
#ifdef __SSE2__
      while (i + 16 <= n)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) (u + i));
          __m128i stops = _mm_or_si128 (vn_sse_eq (v, '.'),
                                        vn_sse_eq (v, '!'));
          unsigned m = (unsigned) _mm_movemask_epi8 (
            _mm_or_si128 (stops, _mm_or_si128 (vn_sse_eq (v, '?'),
                                               vn_sse_eq (v, 0xE2))));
          if (m)
            {
              i += (unsigned) __builtin_ctz (m);
              break;
            }
          i += 16;
        }
#endif
      while (i + 8 <= n)
        {
          uint64_t v;
          memcpy (&v, u + i, 8);
          if (has_byte (v, '.') | has_byte (v, '!') | has_byte (v, '?')
              | has_byte (v, 0xE2))
            break;
          i += 8;
        }
      while (i < n && u[i] != '.' && u[i] != '!' && u[i] != '?'
             && u[i] != 0xE2)
        i++;
      if (i >= n)
        break;
      if (!(k = stop_at (s, n, i)))
        continue;
      j = i + k;
      while (j < n && (k = stop_at (s, n, j)))
        j += k;
      while (j < n && (k = closer_at (s, n, j)))
        j += k;
      size_t after = j;
      while (after < n && (s[after] == ' ' || s[after] == '\t'))
        after++;
      if (after == n)
        {
          *end = j;
          return 1;
        }
      if (after == j)
        {
          i = j - 1;
          continue;
        }
      k = opener_at (s, n, after);
      if (!(k ? vn_upper_at (s + after + k, n - after - k)
            || (after + k < n && vn_is_digit ((unsigned char) s[after + k]))
            : vn_upper_at (s + after, n - after)))
        {
          i = j - 1;
          continue;
        }
      if (j == i + 1 && s[i] == '.' && abbrev_dot (s, n, i))
        continue;
      *end = j;
      return 1;
    }
  return 0;
}

int
vn_sentences (const char *s, size_t n, int max)
{
  size_t i = 0, end;
  int count = 0;

  vn_trim (&s, &n);
  while (i < n && count < max && next_stop (s, n, i, &end))
    {
      count++;
      i = end;
      while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    }
  return count + (i < n);
}

int
vn_ends_sentence (const char *s, size_t n)
{
  size_t k;

  vn_trim (&s, &n);
  for (;;)
    {
      if (n == 0)
        return 0;
      k = 0;
      if (n >= 1 && closer_at (s, n, n - 1) == 1)
        k = 1;
      else if (n >= 2 && closer_at (s, n, n - 2) == 2)
        k = 2;
      else if (n >= 3 && closer_at (s, n, n - 3) == 3)
        k = 3;
      if (!k)
        break;
      n -= k;
    }
  return stop_at (s, n, n - 1) || (n >= 3 && stop_at (s, n, n - 3) == 3);
}

/* ---------------------------------------------------------------------- */
/* Cue lists                                                              */

struct builtin_row
{
  const char *file;
  int line;
  const char *text;
};
#include "structure-data.h"

struct cue
{
  struct cue *next;
  uint64_t key;
  size_t len;
  int weight;
  unsigned char kind;
  unsigned char lead;   /* bytes before the first word: the '(' of "(trái)" */
  char text[];
};

enum { NBUCKETS = 4096 };

static struct
{
  struct cue *bucket[NBUCKETS];
  int refs;
} cues;

static const char *const kind_names[VN_CUE_NKINDS] = {
  "caption", "caption-start", "body-start", "body", "credit", "outlet",
  "source", "residue", "related", "counter", "link", "abbrev", "name",
  "surname", "stop"
};

/* How a kind is looked up: by its first word (phrases), as exact bytes, or
   case folded. */
enum { BY_PHRASE, BY_BYTES, BY_FOLD };

static int
kind_lookup (enum vn_cue_kind kind)
{
  switch (kind)
    {
    case VN_CUE_CAPTION:
    case VN_CUE_CAPTION_START:
    case VN_CUE_BODY_START:
    case VN_CUE_BODY:
    case VN_CUE_CREDIT:
      return BY_PHRASE;
    case VN_CUE_OUTLET:
    case VN_CUE_RESIDUE:
    case VN_CUE_RELATED:
    case VN_CUE_COUNTER:
    case VN_CUE_LINK:
    case VN_CUE_STOP:
      return BY_FOLD;
    default:
      return BY_BYTES;
    }
}

static int
kind_scores (enum vn_cue_kind kind)
{
  return kind == VN_CUE_CAPTION || kind == VN_CUE_CAPTION_START
    || kind == VN_CUE_BODY_START || kind == VN_CUE_BODY;
}

/* A hash of words and short phrases: the first sixteen bytes packed into
   two words as they are (no two short words collide), the rest rotated
   in, and the whole mixed at the end: cheaper per byte than a multiply. */
struct hacc
{
  unsigned char b[16];
  uint64_t tail;
  size_t n;
};

#define HACC_INIT { { 0 }, 0, 0 }

static inline void
hput (struct hacc *h, unsigned char c)
{
  if (h->n < 16)
    h->b[h->n] = c;
  else
    h->tail = ((h->tail << 8) | (h->tail >> 56)) ^ c;
  h->n++;
}

static inline uint64_t
hdone (const struct hacc *h)
{
  uint64_t x = vn_load8 (h->b) * 0x9E3779B97F4A7C15u
    ^ (vn_load8 (h->b + 8) + h->n + h->tail * 0x94D049BB133111EBu)
    * 0xC2B2AE3D27D4EB4Fu;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9u;
  return x ^ (x >> 32);
}

static inline uint64_t
fnv (const char *s, size_t n)
{
  struct hacc h = HACC_INIT;
  size_t i;

  for (i = 0; i < n; i++)
    hput (&h, (unsigned char) s[i]);
  return hdone (&h);
}

/* fnv () of S[0..N) folded, without writing it anywhere. */
static uint64_t
fold_fnv (const char *s, size_t n)
{
  unsigned char b[4];
  struct hacc h = HACC_INIT;
  size_t i = 0, k, j;

  while (i < n)
    {
      unsigned char c = (unsigned char) s[i];
      if (c < 0x80)
        {
          hput (&h, (unsigned char) (c | ((unsigned) (c - 'A') < 26u) << 5));
          i++;
          continue;
        }
      k = seq_bytes (c);
      if (k > n - i)
        k = n - i;
      fold_char ((const unsigned char *) s + i, k, b);
      for (j = 0; j < k; j++)
        hput (&h, b[j]);
      i += k;
    }
  return hdone (&h);
}

/* The key of the word P[0..N) for repetition and stop words: its bytes as
   written but for its first letter, lowered (a sentence starts with a
   capital; a name keeps its capitals everywhere).  AVAIL bytes may be read
   at P, N of them the word: the word is read eight bytes at a time. */
static inline uint64_t
word_key (const unsigned char *p, size_t n, size_t avail)
{
  unsigned char buf[16] = { 0 }, f[4];
  uint64_t a, b, x;
  size_t k;

  if (n > 16)
    return fold_fnv ((const char *) p, n);
  if (avail >= 16)
    {
      a = vn_load8 (p);
      b = vn_load8 (p + 8);
    }
  else
    {
      memcpy (buf, p, n);
      a = vn_load8 (buf);
      b = vn_load8 (buf + 8);
    }
  if (n < 8)
    {
      a &= (UINT64_C (1) << (8 * n)) - 1;
      b = 0;
    }
  else if (n < 16)
    b &= (UINT64_C (1) << (8 * (n - 8))) - 1;
  /* The first letter, lowered. */
  if (p[0] < 0x80)
    a |= (uint64_t) (((unsigned) (p[0] - 'A') < 26u) << 5);
  else if ((k = seq_bytes (p[0])) <= n && k <= 3)
    {
      size_t j;
      fold_char (p, k, f);
      for (j = 0; j < k; j++)
        a = (a & ~(UINT64_C (0xFF) << (8 * j))) | (uint64_t) f[j] << (8 * j);
    }
  x = a * 0x9E3779B97F4A7C15u ^ (b + n) * 0xC2B2AE3D27D4EB4Fu;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9u;
  return x ^ (x >> 32);
}

/* The key of a cue of KIND whose text (or first word) hashes to H. */
static inline uint64_t
mix (enum vn_cue_kind kind, uint64_t h)
{
  return h ^ ((uint64_t) (kind + 1) * 0x9E3779B97F4A7C15u);
}

static uint64_t
hash (enum vn_cue_kind kind, const char *s, size_t n)
{
  return mix (kind, fnv (s, n));
}

/* A bit for each first word of a phrase cue: most words of a line start
   none, and one test says so. */
static uint64_t first_words[1024];

static inline int
maybe_first (uint64_t h)
{
  return first_words[(h >> 6) & 1023] >> (h & 63) & 1;
}

/* A bit for the first two bytes of each first word of a phrase cue. */
static uint64_t first_pairs[1024];

static inline unsigned
pair_index (const unsigned char *p, size_t n)
{
  return n >= 2 ? ((unsigned) p[0] << 8 | p[1]) & 0xFFFF : p[0];
}

static inline int
maybe_prefix (const unsigned char *p, size_t n)
{
  unsigned x = pair_index (p, n);
  return first_pairs[x >> 6] >> (x & 63) & 1;
}

/* A bit for each last word of a link call (folded): a line whose last word
   has none cannot end in one. */
static uint64_t last_words[64];

static inline int
maybe_last (uint64_t h)
{
  return last_words[(h >> 6) & 63] >> (h & 63) & 1;
}

/* A bit for the kind, length and first byte (folded for the kinds looked
   up folded) of each cue looked up whole: most strings asked about are
   none, and one test says so before they are folded and hashed. */
static uint64_t whole_shapes[1024];

static inline unsigned
whole_shape (enum vn_cue_kind kind, size_t n, unsigned char first)
{
  return ((unsigned) kind * 0x9E37u + (unsigned) (n < 255 ? n : 255) * 0x101u
          + first) & 0xFFFF;
}

/* The first byte of S[0..N) as vn_fold writes it (0 for no byte). */
static inline unsigned char
first_folded (const char *s, size_t n)
{
  unsigned char f[4];
  size_t k;

  if (n == 0)
    return 0;
  k = seq_bytes ((unsigned char) s[0]);
  if (k > n)
    k = n;
  fold_char ((const unsigned char *) s, k, f);
  return f[0];
}

/* The last word of S[0..N): its start. */
static size_t
last_word (const char *s, size_t n)
{
  size_t i = n, k;

  while (i > 0)
    {
      size_t j = i - 1;
      while (j > 0 && ((unsigned char) s[j] & 0xC0) == 0x80)
        j--;
      if (!word_char_fast (s, n, j, &k))
        break;
      i = j;
    }
  return i;
}

/* The first word of a phrase: its offset (the lead) and end. */
static void
first_word (const char *s, size_t n, size_t *start, size_t *end)
{
  size_t i = 0, k;

  while (i < n && !vn_word_char_at (s, n, i, &k))
    i += k;
  *start = i;
  *end = vn_word_end (s, n, i);
}

static void
add_cue (enum vn_cue_kind kind, const char *s, size_t n, int weight)
{
  struct cue *c, **slot;
  size_t ws, we;
  uint64_t key;

  if (kind_lookup (kind) == BY_PHRASE)
    {
      first_word (s, n, &ws, &we);
      key = fnv (s + ws, we - ws);
      first_words[(key >> 6) & 1023] |= UINT64_C (1) << (key & 63);
      if (we > ws)
        {
          unsigned x = pair_index ((const unsigned char *) s + ws, we - ws);
          first_pairs[x >> 6] |= UINT64_C (1) << (x & 63);
        }
      key = mix (kind, key);
    }
  else
    ws = 0;
  c = vn_xmalloc (sizeof *c + n + 1);
  memcpy (c->text, s, n);
  c->text[n] = 0;
  if (kind_lookup (kind) == BY_FOLD)
    vn_fold (s, n, c->text);
  if (kind_lookup (kind) != BY_PHRASE)
    {
      unsigned x = whole_shape (kind, n, n ? (unsigned char) c->text[0] : 0);
      whole_shapes[x >> 6] |= UINT64_C (1) << (x & 63);
      key = hash (kind, c->text, n);
    }
  if (kind == VN_CUE_STOP)
    key = mix (kind, word_key ((const unsigned char *) c->text, n, n));
  if (kind == VN_CUE_LINK)
    {
      size_t lw = last_word (c->text, n);
      uint64_t h = fnv (c->text + lw, n - lw);
      last_words[(h >> 6) & 63] |= UINT64_C (1) << (h & 63);
    }
  c->key = key;
  c->len = n;
  c->weight = weight;
  c->kind = (unsigned char) kind;
  c->lead = (unsigned char) (ws > 255 ? 255 : ws);
  /* A cue listed again (a user's file re-weighting a built-in one) takes
     the place of the earlier one. */
  for (slot = &cues.bucket[key % NBUCKETS]; *slot; slot = &(*slot)->next)
    if ((*slot)->key == key && (*slot)->kind == kind && (*slot)->len == n
        && !memcmp ((*slot)->text, c->text, n))
      {
        (*slot)->weight = weight;
        free (c);
        return;
      }
  c->next = cues.bucket[key % NBUCKETS];
  cues.bucket[key % NBUCKETS] = c;
}

/* Parse one row of a cue list; return 0, or -1 after saying why. */
static int
parse_row (const char *file, size_t lineno, const char *s, size_t n)
{
  const char *tab1, *tab2, *phrase;
  size_t plen, klen, i;
  int kind, weight;

  if (vn_utf8_valid_prefix (s, n) != n)
    {
      vn_error (0, 0, "%s:%zu: not valid UTF-8", file, lineno);
      return -1;
    }
  tab1 = memchr (s, '\t', n);
  if (!tab1)
    {
      vn_error (0, 0, "%s:%zu: expected KIND<TAB>PHRASE[<TAB>WEIGHT]", file,
                lineno);
      return -1;
    }
  klen = (size_t) (tab1 - s);
  for (kind = 0; kind < VN_CUE_NKINDS; kind++)
    if (strlen (kind_names[kind]) == klen
        && !memcmp (kind_names[kind], s, klen))
      break;
  if (kind == VN_CUE_NKINDS)
    {
      vn_error (0, 0, "%s:%zu: unknown kind '%.*s' (expected caption, "
                "caption-start, body-start, body, credit, outlet, source, "
                "residue, related, counter, link, abbrev, name, surname or "
                "stop)",
                file, lineno, (int) klen, s);
      return -1;
    }
  phrase = tab1 + 1;
  tab2 = memchr (phrase, '\t', n - (size_t) (phrase - s));
  plen = tab2 ? (size_t) (tab2 - phrase) : n - (size_t) (phrase - s);
  weight = kind == VN_CUE_BODY_START || kind == VN_CUE_BODY ? -1 : 1;
  if (tab2)
    {
      const char *w = tab2 + 1;
      size_t wl = n - (size_t) (w - s);
      int neg = wl && *w == '-';
      if (!kind_scores ((enum vn_cue_kind) kind))
        {
          vn_error (0, 0, "%s:%zu: a weight is only for caption, "
                    "caption-start, body-start and body cues", file, lineno);
          return -1;
        }
      if (wl != (size_t) neg + 1 || !vn_is_digit ((unsigned char) w[neg]))
        {
          vn_error (0, 0, "%s:%zu: weight '%.*s' is not a whole number from "
                    "-9 to 9", file, lineno, (int) wl, w);
          return -1;
        }
      weight = (w[neg] - '0') * (neg ? -1 : 1);
    }
  if (plen == 0 || plen > 200)
    {
      vn_error (0, 0, "%s:%zu: %s phrase", file, lineno,
                plen ? "an overlong" : "an empty");
      return -1;
    }
  for (i = 0; i < plen; i++)
    if ((phrase[i] == ' ' && (i == 0 || i + 1 == plen || phrase[i + 1] == ' '))
        || (unsigned char) phrase[i] < ' ')
      {
        vn_error (0, 0, "%s:%zu: the phrase '%.*s' has a space at an end, "
                  "two spaces in a row or a control character", file, lineno,
                  (int) plen, phrase);
        return -1;
      }
  add_cue ((enum vn_cue_kind) kind, phrase, plen, weight);
  return 0;
}

int
vn_cues_load_text (const char *name, const char *text, size_t n)
{
  size_t pos = 0, lineno = 0;
  int rc = 0;

  while (pos < n)
    {
      const char *nl = memchr (text + pos, '\n', n - pos);
      size_t len = nl ? (size_t) (nl - text - pos) : n - pos;
      const char *s = text + pos;

      lineno++;
      pos += len + (nl != NULL);
      if (len && s[len - 1] == '\r')
        len--;
      if (len == 0 || s[0] == '#')
        continue;
      if (parse_row (name, lineno, s, len) < 0)
        rc = -1;
    }
  return rc;
}

int
vn_cues_load_file (const char *path)
{
  FILE *f = fopen (path, "rb");
  struct vn_buf b = { 0 };
  char chunk[8192];
  size_t k;
  int rc;

  if (!f)
    {
      vn_error (0, errno, "%s", path);
      return -1;
    }
  while ((k = fread (chunk, 1, sizeof chunk, f)) > 0)
    vn_buf_append (&b, chunk, k);
  if (ferror (f))
    {
      vn_error (0, errno, "%s", path);
      fclose (f);
      vn_buf_free (&b);
      return -1;
    }
  fclose (f);
  rc = vn_cues_load_text (path, b.p ? b.p : "", b.len);
  vn_buf_free (&b);
  return rc;
}

void
vn_cues_acquire (void)
{
  const struct builtin_row *r;

  if (cues.refs++)
    return;
  for (r = builtin_rows; r->file; r++)
    if (parse_row (r->file, (size_t) r->line, r->text, strlen (r->text)) < 0)
      vn_error (VN_EXIT_ERROR, 0, "the lists compiled in are broken");
}

void
vn_cues_release (void)
{
  size_t i;

  if (--cues.refs > 0)
    return;
  for (i = 0; i < NBUCKETS; i++)
    while (cues.bucket[i])
      {
        struct cue *c = cues.bucket[i];
        cues.bucket[i] = c->next;
        free (c);
      }
  memset (first_words, 0, sizeof first_words);
  memset (first_pairs, 0, sizeof first_pairs);
  memset (last_words, 0, sizeof last_words);
  memset (whole_shapes, 0, sizeof whole_shapes);
}

int
vn_cue_word (enum vn_cue_kind kind, const char *s, size_t n)
{
  char buf[256];
  const char *key = s;
  const struct cue *c;
  uint64_t h;

  int how = kind_lookup (kind);

  if (how != BY_PHRASE)
    {
      unsigned x = whole_shape (kind, n, how == BY_FOLD ? first_folded (s, n)
                                : n ? (unsigned char) s[0] : 0);
      if (!(whole_shapes[x >> 6] >> (x & 63) & 1))
        return 0;
    }
  if (how == BY_FOLD)
    {
      if (n > sizeof buf)
        return 0;
      key = vn_fold (s, n, buf);
    }
  h = hash (kind, key, n);
  for (c = cues.bucket[h % NBUCKETS]; c; c = c->next)
    if (c->key == h && c->kind == kind && c->len == n
        && !memcmp (c->text, key, n))
      return 1;
  return 0;
}

/* Whether the word of N bytes whose word_key() is H is a stop word: the
   keys of short words are their bytes, so equal keys are equal words. */
static int
stop_word (size_t n, uint64_t h)
{
  const struct cue *c;

  h = mix (VN_CUE_STOP, h);
  for (c = cues.bucket[h % NBUCKETS]; c; c = c->next)
    if (c->key == h && c->kind == VN_CUE_STOP && c->len == n)
      return 1;
  return 0;
}

int
vn_cue_whole (enum vn_cue_kind kind, const char *s, size_t n)
{
  return vn_cue_word (kind, s, n);
}

/* The longest cue of KIND whose first word, starting at S[START] of
   S[0..N), hashes (fnv) to H, and that ends on a word boundary; NULL if
   none. */
static const struct cue *
longest_at (enum vn_cue_kind kind, uint64_t h, const char *s, size_t n,
            size_t start)
{
  const struct cue *c, *best = NULL;
  size_t k;

  h = mix (kind, h);
  for (c = cues.bucket[h % NBUCKETS]; c; c = c->next)
    {
      size_t at;
      if (c->key != h || c->kind != kind || c->lead > start)
        continue;
      at = start - c->lead;
      if (at + c->len > n || memcmp (s + at, c->text, c->len)
          || (at + c->len < n && vn_word_char_at (s, n, at + c->len, &k)
              && word_char_before (s, n, at + c->len))
          || (c->lead && word_char_before (s, n, at)))
        continue;
      if (!best || c->len > best->len)
        best = c;
    }
  return best;
}

size_t
vn_cue_at (enum vn_cue_kind kind, const char *s, size_t n, size_t at,
           int *weight, const char **text)
{
  const struct cue *best;
  size_t we = vn_word_end (s, n, at);
  uint64_t h = fnv (s + at, we - at);

  if (!maybe_first (h) || !(best = longest_at (kind, h, s, n, at)))
    return 0;
  if (weight)
    *weight = best->weight;
  if (text)
    *text = best->text;
  return best->len;
}

/* ---------------------------------------------------------------------- */
/* Photo credits                                                          */

static size_t
skip_spaces (const char *s, size_t n, size_t i)
{
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  return i;
}

/* Whether S[I..] starts the word W (ASCII or UTF-8 bytes) as a whole word. */
static int
word_is (const char *s, size_t n, size_t i, const char *w)
{
  size_t l = strlen (w), k;

  return i + l <= n && !memcmp (s + i, w, l)
    && (i + l == n || !vn_word_char_at (s, n, i + l, &k));
}

/* After a credit word ending at S[I]: ':' (return the offset after it) or
   "minh họa" (return its end, and set *ILLUS); 0 if neither. */
static size_t
credit_tail (const char *s, size_t n, size_t i, int *illus)
{
  size_t j = skip_spaces (s, n, i);

  *illus = 0;
  if (j < n && s[j] == ':')
    return j + 1;
  if (word_is (s, n, j, "minh"))
    {
      j = skip_spaces (s, n, j + 4);
      if (word_is (s, n, j, "họa") || word_is (s, n, j, "hoạ"))
        {
          *illus = 1;
          return j + strlen ("họa");
        }
    }
  return 0;
}

/* Whether S[I..E) names someone or something, not a sentence: a few words,
   each opening with a capital, a digit or '@', or joining names (và, /, &). */
static int
credit_value (const char *s, size_t n, size_t i, size_t e)
{
  int words = 0, lower = 0;

  (void) n;
  if (e - i > 80)
    return 0;
  while (i < e)
    {
      size_t we;
      i = skip_spaces (s, e, i);
      if (i >= e)
        break;
      we = i;
      while (we < e && s[we] != ' ')
        we++;
      if (!(vn_upper_at (s + i, e - i) || vn_is_digit ((unsigned char) s[i])
            || s[i] == '@' || strchr ("/&-,(", s[i])
            || word_is (s, e, i, "và") || word_is (s, e, i, "của")))
        lower++;
      words++;
      i = we;
    }
  /* A name may have a word in lower case (Bộ Quốc phòng Nga), a sentence
     has many. */
  return words > 0 && words <= 10 && lower * 4 <= words
    && !(words <= 2 && lower);
}

/* Whether "minh" is in S[0..N) (of "minh họa"). */
static int
has_minh (const char *s, size_t n)
{
  const char *p = s, *end = s + n;

  while (end - p >= 4 && (p = memchr (p, 'm', (size_t) (end - p - 3))))
    {
      if (!memcmp (p, "minh", 4))
        return 1;
      p++;
    }
  return 0;
}

int
vn_credit_find (const char *s, size_t n, struct vn_credit *c)
{
  size_t i, found = 0, off = 0, end = 0, k;
  int illus;

  /* "(Ảnh: X)", "(ảnh minh họa ...)": the last one. */
  for (i = 0; i + 1 < n; i++)
    {
      size_t w, wl, t, close;
      const char *open = memchr (s + i, '(', n - i - 1);
      if (!open)
        break;
      i = (size_t) (open - s);
      w = skip_spaces (s, n, i + 1);
      if (w >= n || !(wl = vn_cue_at (VN_CUE_CREDIT, s, n, w, NULL, NULL)))
        continue;
      t = credit_tail (s, n, w + wl, &illus);
      if (!t)
        continue;
      for (close = t; close < n && close - t < 120; close++)
        if (s[close] == ')' || s[close] == ']' || s[close] == '(')
          break;
      if (close >= n || s[close] == '(' || close - t >= 120)
        continue;
      found = 1;
      off = i;
      end = close + 1;
      i = close;
    }
  /* A final "Ảnh: Reuters", "- Ảnh: X", "Ảnh minh họa.": in the last
     bytes, and only where a ':' or "minh" is. */
  i = n > 100 ? n - 100 : 0;
  while (i > 0 && ((unsigned char) s[i] & 0xC0) == 0x80)
    i--;
  if ((!found || skip_spaces (s, n, end) < n)
      && (memchr (s + i, ':', n - i) || has_minh (s + i, n - i)))
    for (; i < n; i += k)
      {
        size_t wl, t, e, before;
        if (!vn_word_char_at (s, n, i, &k) || word_char_before (s, n, i))
          continue;
        if (!(wl = vn_cue_at (VN_CUE_CREDIT, s, n, i, NULL, NULL)))
          continue;
        t = credit_tail (s, n, i + wl, &illus);
        if (!t)
          continue;
        e = n;
        while (e > t && (s[e - 1] == ' ' || s[e - 1] == '.'))
          e--;
        if (illus ? e != t : !credit_value (s, n, t, e))
          continue;
        /* What comes before: nothing, the end of a sentence, a dash, or
           for a capitalized "Ảnh" a space. */
        before = i;
        while (before > 0 && s[before - 1] == ' ')
          before--;
        if (!(before == 0 || s[before - 1] == '-'
              || stop_at (s, n, before - 1) || s[before - 1] == ')'
              || (before >= 3 && stop_at (s, n, before - 3) == 3)
              || (before >= 3 && (unsigned char) s[before - 3] == 0xE2
                  && (unsigned char) s[before - 2] == 0x80
                  && (unsigned char) s[before - 1] == 0x93)
              || (before < i && vn_upper_at (s + i, n - i))))
          continue;
        found = 1;
        off = i;
        end = e;
        break;
      }
  if (!found)
    return 0;
  c->off = off;
  c->len = end - off;
  /* The cut: the spaces and a dash before the credit... */
  i = off;
  while (i > 0 && s[i - 1] == ' ')
    i--;
  if (i > 0 && s[i - 1] == '-' && (i == 1 || s[i - 2] == ' '))
    i--;
  else if (i >= 3 && (unsigned char) s[i - 3] == 0xE2
           && (unsigned char) s[i - 2] == 0x80
           && ((unsigned char) s[i - 1] == 0x93
               || (unsigned char) s[i - 1] == 0x94))
    i -= 3;
  while (i > 0 && s[i - 1] == ' ')
    i--;
  c->cut_off = i;
  k = end;
  /* ... its own dot when a sentence ended before it (or nothing did) ... */
  if (k < n && s[k] == '.' && (i == 0 || vn_ends_sentence (s, i)))
    k++;
  /* ... and at the start of the line, the spaces after it. */
  if (i == 0)
    k = skip_spaces (s, n, k);
  c->cut_len = k - i;
  c->trailing = skip_spaces (s, n, end) == n
    || (s[end] == '.' && skip_spaces (s, n, end + 1) == n);
  c->whole = i == 0 && skip_spaces (s, n, k) == n;
  return 1;
}

/* ---------------------------------------------------------------------- */
/* Bylines                                                                */

/* Whether S[0..N) is an initial or initials: N.T, H.Long, T.Thủy, K.Đ,
   KM (two to four capitals). */
static int
initials (const char *s, size_t n)
{
  size_t i = 0, k, caps = 0, dots = 0;

  if (!vn_upper_at (s, n))
    return 0;
  while (i < n)
    {
      if (s[i] == '.')
        {
          dots++;
          i++;
          continue;
        }
      if (!vn_word_char_at (s, n, i, &k))
        return 0;
      if (vn_upper_at (s + i, n - i))
        caps++;
      else if (!dots)
        return 0;       /* a lower-case letter only after a dot: H.Long */
      i += k;
    }
  return dots ? 1 : caps >= 2 && caps <= 4 && caps * 2 >= n / 2;
}

/* Whether S[0..N) is a capitalized word: an upper-case letter, then
   lower-case letters (Vietnamese or foreign). */
static int
capitalized (const char *s, size_t n)
{
  size_t i, k;

  if (!vn_upper_at (s, n))
    return 0;
  vn_word_char_at (s, n, 0, &k);
  for (i = k; i < n; i += k)
    if (!vn_word_char_at (s, n, i, &k) || vn_upper_at (s + i, n - i))
      return i == n;
  return 1;
}

/* A word of a source name: anything written without spaces that a site
   or an agency is called (VietnamNet, infonet, SCMP, Naver). */
static int
source_word (const char *s, size_t n)
{
  size_t i, k;

  for (i = 0; i < n; i += k)
    if (!vn_word_char_at (s, n, i, &k) && !strchr (".&+-'", s[i]))
      return 0;
  return 1;
}

/* Whether S[0..N) is a capitalized Vietnamese syllable (Bính, Châm): a
   pen name's rarer half. */
static int
viet_syllable (const char *s, size_t n)
{
  struct vn_syllable syl;

  return capitalized (s, n) && vn_syllable_parse (s, n, &syl) && syl.valid;
}

/* One part of a byline, between separators.  Return 1 for a name (every
   word a name syllable or an initial, or at least half of them and the
   others Vietnamese syllables: Công Bính), 2 for a source, 3 for a run of
   capitalized words of which fewer are names, 0 for anything else; count
   its name words into *NAMES and words into *WORDS. */
static int
byline_part (const char *s, size_t n, int source, int *names, int *words)
{
  size_t i = 0;
  int nw = 0, nn = 0, caps = 0, other = 0, viet = 0, theo = 0;

  vn_trim (&s, &n);
  if (n == 0)
    return 0;
  if (n > 5 && !memcmp (s, "Theo ", 5))
    {
      s += 5;
      n -= 5;
      source = theo = 1;
    }
  if (vn_cue_whole (VN_CUE_OUTLET, s, n) || vn_cue_word (VN_CUE_SOURCE, s, n))
    return 2;
  while (i < n)
    {
      size_t e = i;
      while (e < n && s[e] != ' ')
        e++;
      nw++;
      if (vn_cue_word (VN_CUE_NAME, s + i, e - i)
          || vn_cue_word (VN_CUE_SURNAME, s + i, e - i)
          || initials (s + i, e - i))
        nn++;
      else if (capitalized (s + i, e - i))
        {
          caps++;
          viet += viet_syllable (s + i, e - i);
        }
      else if (!source || !source_word (s + i, e - i))
        return 0;
      else if (!vn_upper_at (s + i, e - i))
        other++;        /* infonet, phys.org */
      else
        caps++;         /* VietnamNet, DTrends */
      i = skip_spaces (s, n, e);
    }
  if (nw > (source ? 10 : 6))
    return 0;
  /* A source part may have a word in lower case (infonet, Bộ Tư pháp):
     after "Theo", a third of them; a part that only follows a source
     (Naver/News), none unless it is one word. */
  if (source && other && nw > 1 && (!theo || other * 3 > nw))
    return 0;
  *names += nn;
  *words += nw;
  if (source)
    return 2;
  if (nn == nw || (nw <= 4 && nn * 2 >= nw && nn + viet == nw))
    return 1;
  (void) other;
  return nn + caps == nw ? 3 : 0;
}

enum vn_byline
vn_byline_kind (const char *s, size_t n, struct vn_buf *why)
{
  size_t i, start, k;
  int source = 0, author = 0, maybe = 0, names = 0, words = 0;
  int total = 0, prev_source = 0;

  vn_trim (&s, &n);
  if (n == 0 || n > 120)
    return VN_BYLINE_NONE;
  if (s[n - 1] == '.' && !(n >= 2 && s[n - 2] == '.'))
    n--;
  vn_trim (&s, &n);
  if (n == 0)
    return VN_BYLINE_NONE;
  /* "Ảnh: BTC" at the end: the photographer. */
  if ((k = vn_cue_at (VN_CUE_CREDIT, s, n, 0, NULL, NULL)))
    {
      size_t t = skip_spaces (s, n, k);
      if (t < n && s[t] == ':' && credit_value (s, n, t + 1, n))
        {
          if (why)
            vn_sbuf_printf (why, "%s", "a photo credit line at the end");
          return VN_BYLINE_CREDIT;
        }
      return VN_BYLINE_NONE;
    }
  /* "(Tổng hợp)" alone, or after the names; "(Theo X)" after them. */
  if (s[0] == '(' && s[n - 1] == ')')
    {
      if (vn_cue_word (VN_CUE_SOURCE, s + 1, n - 2)
          || (n > 7 && (!memcmp (s + 1, "Theo ", 5)
                        || !memcmp (s + 1, "theo ", 5))))
        {
          if (why)
            vn_sbuf_printf (why, "%s", "a source line at the end");
          return VN_BYLINE_SOURCE;
        }
      return VN_BYLINE_NONE;
    }
  if (vn_cue_word (VN_CUE_SOURCE, s, n) || vn_cue_whole (VN_CUE_OUTLET, s, n)
      || (n > 5 && !memcmp (s, "Theo ", 5)
          && vn_cue_whole (VN_CUE_OUTLET, s + 5, n - 5)))
    {
      if (why)
        vn_sbuf_printf (why, "%s", "a source line at the end");
      return VN_BYLINE_SOURCE;
    }
  if (!vn_upper_at (s, n))
    return VN_BYLINE_NONE;
  /* Split into parts at , ; / & ( ) " - " "- " and dashes, and before a
     glued "Theo" (Minh PhươngTheo Reuters). */
  start = 0;
  i = 0;
  while (i <= n)
    {
      size_t cut = 0, next = i + 1;

      if (i == n)
        cut = 1;
      else if (strchr (",;/&()", s[i]))
        cut = 1;
      else if (s[i] == '-' && ((i > 0 && s[i - 1] == ' ')
                               || (i + 1 < n && s[i + 1] == ' ')
                               || (i + 1 < n
                                   && vn_upper_at (s + i + 1, n - i - 1))))
        cut = 1;
      else if ((unsigned char) s[i] == 0xE2 && i + 2 < n
               && (unsigned char) s[i + 1] == 0x80
               && ((unsigned char) s[i + 2] == 0x93
                   || (unsigned char) s[i + 2] == 0x94))
        {
          cut = 1;
          next = i + 3;
        }
      else if (i > start && ((n - i > 5 && !memcmp (s + i, "Theo ", 5)
                               && (word_char_before (s, n, i)
                                   || s[i - 1] == ' '))
                              || (n - i >= strlen ("Tổng hợp")
                                  && !memcmp (s + i, "Tổng hợp",
                                              strlen ("Tổng hợp"))
                                  && word_char_before (s, n, i))))
        {
          cut = 1;
          next = i;
        }
      if (cut && i > start)
        {
          size_t len = i - start;
          const char *p = s + start;
          int r;

          vn_trim (&p, &len);
          if (len)
            {
              /* After a source, the parts are sources too: Naver/News. */
              r = byline_part (p, len, prev_source, &names, &words);
              if (r == 0)
                return VN_BYLINE_NONE;
              if (r == 2)
                source = prev_source = 1;
              else if (r == 1)
                author = 1;
              else
                maybe = 1;
              total++;
            }
        }
      if (cut)
        {
          start = next;
          i = next == i ? i + 4 : next;
          continue;
        }
      vn_word_char_at (s, n, i, &k);
      i += k;
    }
  if (total == 0 || total > 6)
    return VN_BYLINE_NONE;
  if (maybe)
    {
      if (why)
        vn_sbuf_printf (why, "short and capitalized, but only %d of %d words "
                       "are names", names, words);
      return VN_BYLINE_MAYBE;
    }
  if (author)
    {
      if (why)
        {
          vn_sbuf_printf (why, "a byline at the end: %d of %d words are "
                         "names or initials", names, words);
          if (source)
            vn_sbuf_printf (why, "%s", ", with its source");
        }
      return VN_BYLINE_AUTHOR;
    }
  if (why)
    vn_sbuf_printf (why, "%s", "a source line at the end");
  return VN_BYLINE_SOURCE;
}

/* ---------------------------------------------------------------------- */
/* Residue                                                                */

/* S[0..N) without what frames a residue line: spaces, '>>', '»' and a
   final ':'. */
static void
residue_core (const char **s, size_t *n)
{
  vn_trim (s, n);
  for (;;)
    {
      if (*n && ((*s)[*n - 1] == ':' || (*s)[*n - 1] == '>'))
        (*n)--;
      else if (*n >= 2 && (unsigned char) (*s)[*n - 2] == 0xC2
               && (unsigned char) (*s)[*n - 1] == 0xBB)
        *n -= 2;
      else
        break;
      vn_trim (s, n);
    }
}

int
vn_headline_like (const char *s, size_t n)
{
  vn_trim (&s, &n);
  return n > 0 && n <= 200 && vn_upper_at (s, n) && !vn_ends_sentence (s, n)
    && s[n - 1] != ':';
}

enum vn_residue
vn_residue_kind (const char *s, size_t n)
{
  const char *p;
  size_t m, i, k;
  int digits = 0, letters = 0;

  vn_trim (&s, &n);
  if (n == 0)
    return VN_RESIDUE_NONE;
  /* ">> A headline", "» A headline" */
  if ((n > 3 && s[0] == '>' && s[1] == '>')
      || (n > 3 && (unsigned char) s[0] == 0xC2
          && (unsigned char) s[1] == 0xBB))
    {
      p = s + 2;
      m = n - 2;
      vn_trim (&p, &m);
      if (m && vn_headline_like (p, m))
        return VN_RESIDUE_LINK;
    }
  p = s;
  m = n;
  residue_core (&p, &m);
  if (m == 0)
    return VN_RESIDUE_NONE;
  if (m <= 64 && vn_cue_whole (VN_CUE_RESIDUE, p, m))
    return VN_RESIDUE_CUE;
  if (m <= 64 && vn_cue_whole (VN_CUE_RELATED, p, m))
    return VN_RESIDUE_RELATED;
  /* A number alone: a counter whose label was lost. */
  for (i = 0; i < m; i++)
    if (vn_is_digit ((unsigned char) p[i]))
      digits++;
    else if (p[i] != '.' && p[i] != ',')
      break;
  if (i == m && digits && m <= 9)
    return VN_RESIDUE_NUMBER;
  /* "1.234 lượt xem", "Bình luận (12)", "Lượt xem: 1234" */
  if (m <= 48)
    {
      char words[64];
      size_t wl = 0;
      for (i = 0; i < m; i += k)
        {
          if (vn_is_digit ((unsigned char) p[i]))
            {
              digits++;
              k = 1;
              continue;
            }
          if (vn_word_char_at (p, m, i, &k))
            {
              if (wl + k > sizeof words)
                break;
              memcpy (words + wl, p + i, k);
              wl += k;
              letters++;
            }
          else if (p[i] == ' ' && wl && words[wl - 1] != ' ')
            words[wl++] = ' ';
          else if (!strchr ("().,:[] ", p[i]))
            break;
        }
      while (wl && words[wl - 1] == ' ')
        wl--;
      if (i >= m && digits && letters
          && (vn_cue_whole (VN_CUE_COUNTER, words, wl)
              || vn_cue_whole (VN_CUE_RESIDUE, words, wl)))
        return VN_RESIDUE_COUNT;
    }
  /* "Xem thêm: A headline" (the first colon of the first 40 bytes) */
  if ((p = memchr (s, ':', n < 40 ? n : 40)) != NULL)
    {
      size_t after;
      i = (size_t) (p - s);
      after = skip_spaces (s, n, i + 1);
      if (after < n && (vn_cue_whole (VN_CUE_RELATED, s, i)
                        || vn_cue_whole (VN_CUE_RESIDUE, s, i))
          && vn_headline_like (s + after, n - after))
        return VN_RESIDUE_LINK;
    }
  /* "* Mọi ý kiến ... gửi về hộp thư: x@y.vn": a footnote to readers with
     an address to write to. */
  if (s[0] == '*' && n < 300 && memchr (s, '@', n))
    return VN_RESIDUE_NOTICE;
  /* "... Chi tiết tại đây." */
  {
    size_t e = n, lw;
    while (e && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == ' '))
      e--;
    lw = last_word (s, e);
    if (e > lw && maybe_last (fold_fnv (s + lw, e - lw)))
      for (i = e; i > 0 && e - i < 40; i--)
      if (i == 1 || (s[i - 2] == ' ' || s[i - 2] == '.' || s[i - 2] == ','))
        if (vn_cue_whole (VN_CUE_LINK, s + i - 1, e - i + 1))
          return VN_RESIDUE_PROMO;
  }
  /* "rx online": a few lower-case ASCII words that are no Vietnamese. */
  if (n <= 24)
    {
      int foreign = 0, nw = 0;
      for (i = 0; i < n; i++)
        if ((unsigned char) s[i] >= 0x80 || vn_is_upper ((unsigned char) s[i])
            || vn_is_digit ((unsigned char) s[i]))
          return VN_RESIDUE_NONE;
      for (i = 0; i < n; i = skip_spaces (s, n, k))
        {
          struct vn_syllable syl;
          k = vn_word_end (s, n, i);
          if (k == i)
            return VN_RESIDUE_NONE;
          nw++;
          if (!vn_syllable_parse (s + i, k - i, &syl) || !syl.valid)
            foreign++;
          if (k < n && s[k] != ' ')
            return VN_RESIDUE_NONE;
        }
      if (nw <= 3 && foreign)
        return VN_RESIDUE_MAYBE;
    }
  return VN_RESIDUE_NONE;
}

/* ---------------------------------------------------------------------- */
/* Repetition                                                             */

/* The next token of S[*I..N) into [*START, *END): a run of bytes between
   ASCII spaces and punctuation, without the quotes and dashes of U+00A0..
   U+00BF and U+2000..U+206F at its ends.  Return 0 at the end.  Faster
   than a walk by characters, and the same words for the text of news. */
static inline int
next_token (const unsigned char *u, size_t n, size_t *i, size_t *start,
            size_t *end)
{
  size_t a, b;

  for (;;)
    {
      a = *i;
      while (a < n && word_byte[u[a]] == 0)
        a++;
      if (a >= n)
        return 0;
      /* The end, eight bytes at a time: a loop per byte would mispredict
         its exit at every word. */
      b = a;
      for (;;)
        {
          uint64_t br;
          if (n - b < 8)
            {
              while (b < n && word_byte[u[b]] != 0)
                b++;
              break;
            }
          if ((br = vn_alnum_breaks (vn_load8 (u + b))) != 0)
            {
              b += (unsigned) __builtin_ctzll (br) / 8;
              break;
            }
          b += 8;
        }
      *i = b;
      /* Most tokens neither start nor end with punctuation of U+00A0..
         U+00BF or U+2000..U+206F. */
      if (u[a] != 0xE2 && u[a] != 0xC2 && !(b - a >= 3 && u[b - 3] == 0xE2)
          && !(b - a >= 2 && u[b - 2] == 0xC2))
        {
          *start = a;
          *end = b;
          return 1;
        }
      for (;;)
        {
          if (b - a >= 3 && u[a] == 0xE2 && (u[a + 1] & 0xFE) == 0x80)
            a += 3;
          else if (b - a >= 2 && u[a] == 0xC2 && u[a + 1] >= 0xA0)
            a += 2;
          else if (b - a >= 3 && u[b - 3] == 0xE2 && (u[b - 2] & 0xFE) == 0x80)
            b -= 3;
          else if (b - a >= 2 && u[b - 2] == 0xC2 && u[b - 1] >= 0xA0)
            b -= 2;
          else
            break;
        }
      if (b > a)
        {
          *start = a;
          *end = b;
          return 1;
        }
    }
}

/* A word's shape, 0..63: its first byte (an ASCII letter lowered; a
   Vietnamese capital has the lead byte of its small letter) and its
   length.  Two words with different shapes differ. */
static inline unsigned
shape_index (const unsigned char *p, size_t n)
{
  unsigned c = p[0] < 0x80 ? p[0] | 0x20u : p[0];
  return (c * 7 + (unsigned) n) & 63;
}

void
vn_tokens_fill (struct vn_tokens *t, const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *) s;
  size_t i = 0, a, e;

  t->text = s;
  t->len = n;
  t->n = 0;
  while (next_token (u, n, &i, &a, &e))
    {
      struct vn_token *k;
      if (t->n == t->cap)
        {
          t->cap = vn_grow (t->cap, t->n + 1);
          t->v = vn_xrealloc (t->v, t->cap * sizeof *t->v);
        }
      k = &t->v[t->n++];
      k->off = (uint32_t) a;
      k->len = (uint16_t) (e - a > 65535 ? 65535 : e - a);
      k->shape = shape_index (u + a, e - a);
      k->keyed = 0;
    }
}

size_t
vn_tokens_cues (const struct vn_tokens *t, unsigned kinds,
                struct vn_cue_hit *hits, size_t max)
{
  const char *s = t->text;
  const unsigned char *u = (const unsigned char *) s;
  size_t n = t->len, i, nh = 0, k, skip_to = 0;

  for (i = 0; i < t->n && nh < max; i++)
    {
      size_t start = t->v[i].off, len = t->v[i].len, best_len = 0;
      uint64_t h;
      int kind;

      if (start < skip_to || !maybe_prefix (u + start, len))
        continue;
      /* The word as vn_cue_at sees it: to the first character that is no
         word character. */
      len = word_end (s, start + len, start) - start;
      if (len == 0)
        continue;
      h = fnv (s + start, len);
      if (!maybe_first (h))
        continue;
      for (kind = 0; kind < VN_CUE_NKINDS && nh < max; kind++)
        {
          const struct cue *best;
          if (!(kinds >> kind & 1)
              || !(best = longest_at ((enum vn_cue_kind) kind, h, s, n,
                                      start)))
            continue;
          hits[nh].kind = (enum vn_cue_kind) kind;
          hits[nh].off = start - best->lead;
          hits[nh].len = best->len;
          hits[nh].weight = best->weight;
          hits[nh].text = best->text;
          nh++;
          if (best->len > best_len)
            best_len = best->len;
        }
      if (best_len)
        skip_to = start + best_len;
      (void) k;
    }
  return nh;
}

void
vn_tokens_free (struct vn_tokens *t)
{
  free (t->v);
  memset (t, 0, sizeof *t);
}

/* The key of token K of T, computed once. */
static inline uint64_t
token_key (struct vn_tokens *t, struct vn_token *k)
{
  if (!k->keyed)
    {
      k->key = word_key ((const unsigned char *) t->text + k->off, k->len,
                         t->len - k->off);
      k->keyed = 1;
    }
  return k->key;
}

size_t
vn_tokens_content (struct vn_tokens *t, uint64_t *words, uint64_t *shapes)
{
  size_t nw = 0, i, j;

  *shapes = 0;
  for (i = 0; i < t->n && nw < VN_MAX_CONTENT; i++)
    {
      struct vn_token *k = &t->v[i];
      uint64_t h;
      if (vn_is_digit ((unsigned char) t->text[k->off]))
        continue;
      h = token_key (t, k);
      if (stop_word (k->len, h))
        continue;
      words[nw++] = h;
      *shapes |= UINT64_C (1) << k->shape;
    }
  for (i = 1; i < nw; i++)
    {
      uint64_t x = words[i];
      for (j = i; j > 0 && words[j - 1] > x; j--)
        words[j] = words[j - 1];
      words[j] = x;
    }
  for (i = 0, j = 0; i < nw; i++)
    if (j == 0 || words[i] != words[j - 1])
      words[j++] = words[i];
  return j;
}

int
vn_tokens_overlap (const uint64_t *words, size_t nw, uint64_t shapes,
                   struct vn_tokens *t)
{
  uint64_t seen = 0;
  size_t i;
  int hits = 0;

  if (nw < 2)
    return 0;
  for (i = 0; i < t->n; i++)
    {
      struct vn_token *k = &t->v[i];
      size_t lo = 0, hi = nw;
      uint64_t h;

      if (!(shapes >> k->shape & 1))
        continue;
      h = token_key (t, k);
      while (lo < hi)
        {
          size_t mid = (lo + hi) / 2;
          if (words[mid] < h)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < nw && words[lo] == h && !(seen >> lo & 1))
        {
          seen |= UINT64_C (1) << lo;
          hits++;
        }
    }
  return hits * 100 / (int) nw;
}

int
vn_overlap (const char *s, size_t n, const struct vn_line *const *other,
            size_t k, size_t *which)
{
  struct vn_tokens self = { 0 }, them = { 0 };
  uint64_t words[VN_MAX_CONTENT], shapes;
  size_t nw, i;
  int best = 0, o;

  vn_tokens_fill (&self, s, n);
  nw = vn_tokens_content (&self, words, &shapes);
  for (i = 0; i < k; i++)
    {
      vn_tokens_fill (&them, other[i]->text, other[i]->len);
      if ((o = vn_tokens_overlap (words, nw, shapes, &them)) > best)
        {
          best = o;
          if (which)
            *which = i;
        }
    }
  vn_tokens_free (&self);
  vn_tokens_free (&them);
  return best;
}

/* ---------------------------------------------------------------------- */
/* Options and explanations                                               */

static int explain;

const struct vn_fixer_option vn_structure_options[] = {
  {"cues", 1, "FILE",
   "add the cues of FILE to the lists compiled in (one KIND<TAB>PHRASE"
   "[<TAB>WEIGHT] a line, as in data/structure-cues.tsv; a cue listed again "
   "takes its new weight); may be repeated"},
  {"explain", 0, NULL,
   "for every line removed or changed, print the evidence that decided it "
   "on standard error as FILE:LINE: RULE: evidence"},
  {NULL, 0, NULL, NULL}
};

void *
vn_structure_create (void)
{
  vn_cues_acquire ();
  return vn_xcalloc (1, sizeof (struct vn_structure_state));
}

void
vn_structure_destroy (void *state)
{
  struct vn_structure_state *st = state;

  free (st->text);
  vn_buf_free (&st->why);
  vn_buf_free (&st->scratch);
  free (st);
  vn_cues_release ();
}

size_t
vn_text_lines (const struct vn_line *lines, size_t n, size_t **index,
               size_t *cap)
{
  size_t i, nt = 0;

  if (n > *cap)
    {
      *cap = vn_grow (*cap, n);
      *index = vn_xrealloc (*index, *cap * sizeof **index);
    }
  for (i = 0; i < n; i++)
    {
      const char *s = lines[i].text;
      size_t len = lines[i].len;
      vn_trim (&s, &len);
      if (len)
        (*index)[nt++] = i;
    }
  return nt;
}

int
vn_structure_fixer_option (void *state, const char *name, const char *arg)
{
  (void) state;
  return vn_structure_set_option (name, arg);
}

int
vn_structure_set_option (const char *name, const char *arg)
{
  if (!strcmp (name, "explain"))
    {
      explain = 1;
      return 0;
    }
  if (!strcmp (name, "cues"))
    return vn_cues_load_file (arg);
  return -1;
}

int
vn_structure_reasons (const struct vn_edits *e)
{
  return !e->terse || explain;
}

void
vn_structure_explain (const struct vn_doc *doc, const struct vn_line *ln,
                      const struct vn_rule *rule, const char *reason)
{
  if (explain)
    fprintf (stderr, "%s: %s:%llu: %s: %s\n", vn_program_name, doc->name,
             (unsigned long long) ln->lineno, rule->code, reason);
}

/* The edit of E that deletes the line LN whole, or NULL. */
static const struct vn_edit *
deletes (const struct vn_edits *e, const struct vn_line *ln)
{
  size_t i;

  for (i = 0; i < e->n; i++)
    if (e->v[i].fix && e->v[i].off == 0
        && e->v[i].len == ln->len + ln->eol_len && e->v[i].repl_len == 0)
      return &e->v[i];
  return NULL;
}

void
vn_structure_finish (const struct vn_doc *doc, const struct vn_line *lines,
                     size_t n, struct vn_edits *out)
{
  const struct vn_edit *d;
  size_t k;

  /* A JSON string that lost its last lines ends where the last kept line's
     text does, as it ended with no line end before (a file gets one). */
  if (!doc->jsonl || n == 0 || lines[n - 1].eol_len
      || !(d = deletes (&out[n - 1], &lines[n - 1])))
    return;
  for (k = n - 1; k > 0 && deletes (&out[k - 1], &lines[k - 1]); k--)
    ;
  if (k > 0 && lines[k - 1].eol_len)
    vn_edits_add (&out[k - 1], lines[k - 1].len, lines[k - 1].eol_len, "", 0,
                  d->rule, "line end before the removed last "
                  "line removed (the document had none)");
}

void
vn_structure_fix (const struct vn_doc *doc, const struct vn_line *ln,
                  struct vn_edits *out, size_t off, size_t len,
                  const char *repl, const struct vn_rule *rule,
                  const char *reason)
{
  vn_edits_add (out, off, len, repl, strlen (repl), rule, "%s", reason);
  vn_structure_explain (doc, ln, rule, reason);
}

void
vn_structure_delete (const struct vn_doc *doc, const struct vn_line *ln,
                     struct vn_edits *out, const struct vn_rule *rule,
                     const char *reason)
{
  vn_structure_fix (doc, ln, out, 0, ln->len + ln->eol_len, "", rule, reason);
}

/* ---------------------------------------------------------------------- */
/* Source tags                                                            */

/* The dash after a source tag at S[I]: its end (spaces after included),
   or 0 when none follows. */
static size_t
tag_dash (const char *s, size_t n, size_t i)
{
  while (i < n && s[i] == ' ')
    i++;
  if (i < n && s[i] == '-')
    i++;
  else if (i + 2 < n && (unsigned char) s[i] == 0xE2
           && (unsigned char) s[i + 1] == 0x80
           && ((unsigned char) s[i + 2] == 0x93
               || (unsigned char) s[i + 2] == 0x94))
    i += 3;
  else
    return 0;
  if (i >= n || s[i] != ' ')
    return 0;
  while (i < n && s[i] == ' ')
    i++;
  return i;
}

/* Whether S[0..N) can name an outlet in a tag: a listed outlet, a site
   (VTV.vn), or in brackets (ACRONYM) also an acronym of two to six
   capitals (CAO, PLO, TTXVN): "EU - Mỹ" opens a sentence. */
static int
tag_name (const char *s, size_t n, int bracketed)
{
  size_t i, caps = 0;

  if (n == 0 || n > 40)
    return 0;
  if (vn_cue_whole (VN_CUE_OUTLET, s, n))
    return 1;
  for (i = 0; i < n && (vn_is_upper ((unsigned char) s[i])
                        || vn_is_digit ((unsigned char) s[i])); i++)
    caps += vn_is_upper ((unsigned char) s[i]) != 0;
  if (caps < 2 || i > 6)
    return 0;
  if (i == n)
    return bracketed;
  /* VTV.vn, VOV.VN, Zing.vn */
  return (n - i == 3 || n - i == 7)
    && (!memcmp (s + i, ".vn", 3) || !memcmp (s + i, ".VN", 3)
        || !memcmp (s + i, ".com.vn", 7));
}

size_t
vn_source_tag (const char *s, size_t n)
{
  size_t i, end;

  if (n > 2 && s[0] == '(')
    {
      const char *close = memchr (s, ')', n < 42 ? n : 42);
      if (!close || !tag_name (s + 1, (size_t) (close - s - 1), 1))
        return 0;
      i = (size_t) (close - s) + 1;
      end = tag_dash (s, n, i);
      if (!end)
        {
          end = i;
          while (end < n && s[end] == ' ')
            end++;
          if (end == i)
            return 0;
        }
    }
  else
    {
      for (i = 0; i < n && i < 40 && s[i] != ' ' && s[i] != '-'; i++)
        ;
      if (!tag_name (s, i, 0) || !(end = tag_dash (s, n, i)))
        return 0;
    }
  /* A sentence follows, opening with a capital (or a digit, a quote). */
  if (end >= n || !(vn_upper_at (s + end, n - end)
                    || vn_is_digit ((unsigned char) s[end]) || s[end] == '"'
                    || (unsigned char) s[end] == 0xE2))
    return 0;
  return end;
}
