/* recode.c -- the vn-recode fixer: legacy Vietnamese charsets and mojibake
   to UTF-8 (CLEAN-TEXT.md section 1)

   Two parts.  An input decoder (struct vn_decoder) sees the first bytes of
   each document, decides what charset it is in (or takes -f), and decodes
   its lines before the reader validates them as UTF-8.  A line fixer
   repairs, in UTF-8 documents, the lines or spans that went through
   Windows-1252 or Latin-1 on their way (mojibake), where the repaired text
   is clearly Vietnamese and the text as it is clearly is not.  Both decide
   with the syllable parser: text in the right charset reads as Vietnamese
   syllables, text in a wrong one does not. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode.h"
#include "diag.h"
#include "fixer.h"
#include "recode.h"
#include "sse.h"
#include "syllable.h"
#include "utf8.h"

static const struct vn_rule rules[] = {
  {"L101", "document converted from a legacy charset to UTF-8"},
  {"L102", "UTF-8 read as Windows-1252 or Latin-1 repaired (Viá»‡t -> Việt)"},
  {"L103", "UTF-8 read as Windows-1252 or Latin-1 twice repaired"},
  {"L104", "TCVN3 bytes shown as Windows-1252 repaired (Vµ ®»ng -> Và đằng)"},
  {"L105", "VNI bytes shown as Windows-1252 repaired (Vaø ñaèng -> Và đằng)"},
  {"L190", "looks like a legacy charset or mojibake, not sure: left as is"},
  {NULL, NULL}
};
enum { L101, L102, L103, L104, L105, L190 };

static const struct vn_fixer_option options[] = {
  {"from-code", 1, "CHARSET",
   "the charset of the input: auto (the default: decide for each document), "
   "UTF-8, TCVN3 (also TCVN5712-1, ABC), VNI, VISCII, VPS, VIQR or CP1258 "
   "(WINDOWS-1258)"},
  {"detect", 0, NULL,
   "write no text; print the charset of each document and how sure that "
   "is, as FILE: CHARSET (confidence X.XX), and the mojibake found in a "
   "UTF-8 one (a --doc-sep document is FILE#N, a --jsonl record "
   "FILE:LINE)"},
  {NULL, 0, NULL, NULL}
};

static const struct vn_fixer_alias aliases[] = {
  {'f', "from-code"},
  {0, NULL}
};

static const char *const moji_names[VN_MOJI_COUNT] = {
  [VN_MOJI_NONE] = "none",
  [VN_MOJI_UTF8] = "UTF-8-as-CP1252",
  [VN_MOJI_UTF8_TWICE] = "UTF-8-as-CP1252-twice",
  [VN_MOJI_TCVN3] = "TCVN3-as-CP1252",
  [VN_MOJI_VNI] = "VNI-as-CP1252",
};

const char *
vn_mojibake_name (enum vn_mojibake kind)
{
  return moji_names[kind];
}

/* ---------------------------------------------------------------------- */
/* Words                                                                  */

/* A letter of a word, for the syllable test: Latin letters with their
   marks, and the Latin-1 signs that mojibake is made of (µ ª º), so that
   "Hµ" is one word (and no syllable). */
static int
is_word_cp (uint32_t cp)
{
  if (cp < 0x80)
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA)
    return 1;
  if (cp >= 0xC0 && cp <= 0x24F)
    return cp != 0xD7 && cp != 0xF7;
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

enum { W_NONE, W_VALID, W_INVALID };

/* Whether S[0..N) reads as Vietnamese: W_VALID when it has a word with a
   non-ASCII letter and every such word is a valid syllable, W_INVALID when
   one is not, W_NONE when it has none (ASCII words say nothing: they are
   the same in every reading).  *NWORDS counts the words looked at. */
static int
reads_vietnamese (const char *s, size_t n, size_t *nwords)
{
  size_t i = 0, start = 0, k;
  int in_word = 0, high = 0, verdict = W_NONE;
  uint32_t cp;

  while (i <= n)
    {
      int letter = 0;
      k = 1;
      if (i < n)
        {
          k = vn_utf8_decode (s + i, n - i, &cp);
          if (k == 0)
            {
              k = 1;
              cp = 0xFFFD;
            }
          letter = is_word_cp (cp);
        }
      if (letter && !in_word)
        {
          in_word = 1;
          start = i;
          high = 0;
        }
      if (letter && cp >= 0x80)
        high = 1;
      if (!letter && in_word)
        {
          struct vn_syllable syl;
          in_word = 0;
          if (high)
            {
              if (nwords)
                ++*nwords;
              if (vn_syllable_parse (s + start, i - start, &syl) && syl.valid)
                {
                  if (verdict == W_NONE)
                    verdict = W_VALID;
                }
              else
                verdict = W_INVALID;
            }
        }
      i += k;
    }
  return verdict;
}

/* ---------------------------------------------------------------------- */
/* Mojibake                                                               */

/* Windows-1252 bytes of the UTF-8 S[0..N) into OUT; 0 when a character
   has no byte there. */
static int
to_cp1252 (const char *s, size_t n, struct vn_buf *out)
{
  size_t i = 0;

  vn_buf_clear (out);
  while (i < n)
    {
      uint32_t cp;
      size_t k = vn_utf8_decode (s + i, n - i, &cp);
      int b = k ? vn_cp1252_byte (cp) : -1;
      if (b < 0)
        return 0;
      vn_buf_putc (out, (char) b);
      i += k;
    }
  return 1;
}

/* A letter only Vietnamese uses: ă đ ĩ ũ ơ ư and U+1EA0..U+1EF9. */
static int
vietnamese_only (uint32_t cp)
{
  return cp == 0x102 || cp == 0x103 || cp == 0x110 || cp == 0x111
    || cp == 0x128 || cp == 0x129 || cp == 0x168 || cp == 0x169
    || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0
    || (cp >= 0x1EA0 && cp <= 0x1EF9);
}

/* One pass of the UTF-8 repair over the bytes B[0..N): each valid
   multi-byte UTF-8 sequence becomes its character, every other byte the
   Windows-1252 character it was shown as.  Return how many sequences were
   decoded; *STRONG counts those that chance hardly makes: of three bytes
   or more (U+0800 and up: "á»‡", "â€œ"), or a letter only Vietnamese
   uses ("Æ°" ư). */
static size_t
utf8_pass (const char *b, size_t n, struct vn_buf *out, size_t *strong)
{
  size_t i = 0, count = 0;

  vn_buf_clear (out);
  while (i < n)
    {
      unsigned char c = (unsigned char) b[i];
      uint32_t cp;
      size_t k = c >= 0xC2 ? vn_utf8_decode (b + i, n - i, &cp) : 0;
      char u8[4];

      if (k >= 2)
        {
          vn_buf_append (out, b + i, k);
          count++;
          if (k >= 3 || vietnamese_only (cp))
            ++*strong;
          i += k;
          continue;
        }
      vn_buf_append (out, u8, vn_utf8_encode (vn_cp1252_char (c), u8));
      i++;
    }
  return count;
}

/* Lines with none of these characters have no mojibake and are passed at
   once: any byte C2 (U+0080..U+00BF: the continuation bytes of UTF-8 and
   most of TCVN3 shown as Latin-1), a Latin-1 letter that is no Vietnamese
   letter (Ä Å Æ ø ü...: lead bytes of UTF-8, VNI's marks), or Ã, â or á
   before a Windows-1252 sign ("Ã€", "â€œ").  C3_SUSPECT says which
   U+00C0..U+00FF are no Vietnamese letter. */
static const unsigned char c3_suspect[64] = {
  /* À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï */
  0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1,
  /* Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß */
  1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
  /* à á â ã ä å æ ç è é ê ë ì í î ï */
  0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1,
  /* ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ */
  1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
};

/* The character at S[I] (a C2 or C3 byte, with at least I + 1 < N) is a
   suspect. */
static inline int
suspect_at (const unsigned char *s, size_t i, size_t n)
{
  if (s[i] == 0xC2 || c3_suspect[s[i + 1] & 0x3F])
    return 1;
  return (s[i + 1] == 0x83 || s[i + 1] == 0xA1 || s[i + 1] == 0xA2)
    && i + 2 < n && (s[i + 2] == 0xE2 || s[i + 2] == 0xC5
                     || s[i + 2] == 0xC6 || s[i + 2] == 0xCB);
}

/* The scalar tail of the scans below, from I. */
static int
suspect_tail (const unsigned char *s, size_t i, size_t n)
{
  for (; i + 1 < n; i++)
    if ((s[i] & 0xFE) == 0xC2 && suspect_at (s, i, n))
      return 1;
  return 0;
}

#if defined __GNUC__ && (defined __x86_64__ || defined __i386__) \
  && !defined VN_NO_SIMD
# include <tmmintrin.h>
# define HAVE_SSSE3_SCAN 1

/* Whether this CPU has SSSE3, asked before main as lib/utf8.c asks for
   AVX2, so that no thread sees it unset. */
static int have_ssse3;

__attribute__ ((constructor)) static void
cpu_init (void)
{
  __builtin_cpu_init ();
  have_ssse3 = __builtin_cpu_supports ("ssse3") != 0;
}

/* With SSSE3, a byte's low five bits look up whether it is a suspect
   second byte in two shuffles (C3_SUSPECT, as two sixteen-byte halves),
   and the whole test is a dozen instructions for sixteen bytes. */
__attribute__ ((target ("ssse3"))) static int
suspect_ssse3 (const unsigned char *s, size_t n)
{
  const __m128i c2 = _mm_set1_epi8 ((char) 0xC2);
  const __m128i c3 = _mm_set1_epi8 ((char) 0xC3), low4 = _mm_set1_epi8 (0x0F);
  const __m128i bit4 = _mm_set1_epi8 (0x10), zero = _mm_setzero_si128 ();
  /* Low five bits 0-15 and 16-31: suspect (FF) or not; 1-3 (á, â, Ã)
     are marked 01 for the test with the byte after. */
  const __m128i lo = _mm_setr_epi8 (0, 1, 1, 1, -1, -1, -1, -1, 0, 0, 0, -1,
                                    0, 0, -1, -1);
  const __m128i hi = _mm_setr_epi8 (-1, -1, 0, 0, 0, 0, -1, -1, -1, 0, 0, -1,
                                    -1, 0, -1, -1);
  size_t i = 0;

  for (; i + 18 <= n; i += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (s + i));
      __m128i x, y, t, sus, any;
      /* No branch but the loop's: in Vietnamese text half the blocks have
         a C3, and a test that is right half the time costs more than the
         work it would save. */
      x = _mm_loadu_si128 ((const __m128i *) (s + i + 1));
      t = _mm_cmpeq_epi8 (_mm_and_si128 (x, bit4), zero);
      x = _mm_and_si128 (x, low4);
      t = _mm_or_si128 (_mm_and_si128 (t, _mm_shuffle_epi8 (lo, x)),
                        _mm_andnot_si128 (t, _mm_shuffle_epi8 (hi, x)));
      sus = _mm_cmpeq_epi8 (t, _mm_set1_epi8 (-1));
      y = _mm_loadu_si128 ((const __m128i *) (s + i + 2));
      y = _mm_or_si128 (_mm_or_si128 (vn_sse_eq (y, 0xE2),
                                      vn_sse_eq (y, 0xC5)),
                        _mm_or_si128 (vn_sse_eq (y, 0xC6),
                                      vn_sse_eq (y, 0xCB)));
      sus = _mm_or_si128 (sus, _mm_and_si128 (vn_sse_eq (t, 1),
                                              y));
      any = _mm_or_si128 (_mm_and_si128 (_mm_cmpeq_epi8 (v, c3), sus),
                          _mm_cmpeq_epi8 (v, c2));
      if (_mm_movemask_epi8 (any))
        return 1;
    }
  return suspect_tail (s, i, n);
}
#endif

static int
suspect (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t i = 0;

#ifdef HAVE_SSSE3_SCAN
  if (have_ssse3)
    return suspect_ssse3 (s, n);
#endif

#ifdef __SSE2__
  /* Sixteen bytes at a time, without a branch per byte: in Vietnamese text
     one byte in twenty-odd is C3 (à, á, ê...).  A second byte after C3 is
     suspect by its low five bits alone (the small letters are the capitals
     plus 0x20): 4-7, 11, 14-17, 22-24, 27-28, 30-31 (C3_SUSPECT). */
  const __m128i c3 = _mm_set1_epi8 ((char) 0xC3), c2 = _mm_set1_epi8 ((char) 0xC2);
  const __m128i low5 = _mm_set1_epi8 (0x1F);
  for (; i + 18 <= n; i += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (s + i));
      __m128i x, y, sus, any;
      x = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) (s + i + 1)),
                         low5);
      sus = _mm_or_si128 (_mm_or_si128 (vn_sse_in_range (x, 4, 7), vn_sse_in_range (x, 14, 17)),
                          _mm_or_si128 (vn_sse_in_range (x, 22, 24), vn_sse_in_range (x, 27, 28)));
      sus = _mm_or_si128 (sus, _mm_or_si128 (vn_sse_eq (x, 11),
                                             vn_sse_in_range (x, 30, 31)));
      /* Ã, á, â (low five bits 3, 1, 2) before E2, C5, C6 or CB. */
      y = _mm_loadu_si128 ((const __m128i *) (s + i + 2));
      y = _mm_or_si128 (_mm_or_si128 (vn_sse_eq (y, 0xE2),
                                      vn_sse_eq (y, 0xC5)),
                        _mm_or_si128 (vn_sse_eq (y, 0xC6),
                                      vn_sse_eq (y, 0xCB)));
      sus = _mm_or_si128 (sus, _mm_and_si128 (vn_sse_in_range (x, 1, 3), y));
      any = _mm_or_si128 (_mm_and_si128 (_mm_cmpeq_epi8 (v, c3), sus),
                          _mm_cmpeq_epi8 (v, c2));
      if (_mm_movemask_epi8 (any))
        return 1;
    }
#else
  /* Eight bytes at a time: the bytes that are C2 or C3, exactly (x is
     zero in them; adding 7F to the low seven bits of a byte carries into
     its top bit unless they are all zero). */
  const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
  for (; i + 9 <= n; i += 8)
    {
      uint64_t w, x, hits;
      memcpy (&w, s + i, 8);
      if (!(w & 0x8080808080808080ull))
        continue;
      x = (w ^ (0xC2 * ones)) & (0xFE * ones);
      hits = ~(((x & low7) + low7) | x) & ~low7;
      while (hits)
        {
# ifdef WORDS_BIGENDIAN
          size_t j = (size_t) __builtin_clzll (hits) / 8;
          hits &= ~(0x8000000000000000ull >> (8 * j));
# else
          size_t j = (size_t) __builtin_ctzll (hits) / 8;
          hits &= hits - 1;
# endif
          if (suspect_at (s, i + j, n))
            return 1;
        }
    }
#endif
  return suspect_tail (s, i, n);
}

/* What a reading of a token did: fixed it (G), broke a word that read as
   Vietnamese (B), read Vietnamese both ways (A), neither (N); S: a UTF-8
   repair by a sequence chance does not make, whatever the words read as
   (a sign, a name glued to the next word).  C_SAME: it changed nothing,
   or does not apply. */
enum { C_SAME, C_G, C_B, C_A, C_N, C_S, NCLASSES };

enum { K_U, K_T, K_V, NKINDS };

/* The reading KIND of the token T[0..N) (its Windows-1252 bytes in
   B[0..BN)), into OUT.  Return its class (C_G...).  *TWICE: the UTF-8
   repair took more than one pass. */
static int
reading (int kind, const char *t, size_t n, const char *b, size_t bn,
         int orig, struct vn_buf *out, struct vn_buf *tmp, int *twice)
{
  static struct vn_decode_errors err;
  size_t strong = 0;
  int r;

  *twice = 0;
  if (kind == K_U)
    {
      int pass;
      if (!utf8_pass (b, bn, out, &strong))
        return C_SAME;
      /* Through Windows-1252 twice (or three times): the repaired text is
         mojibake again. */
      for (pass = 1; pass < 3 && to_cp1252 (out->p, out->len, tmp); pass++)
        {
          struct vn_buf again = { 0 };
          size_t strong2 = 0;
          int more = utf8_pass (tmp->p, tmp->len, &again, &strong2) > 0;
          if (more)
            {
              vn_buf_clear (out);
              vn_buf_append (out, again.p, again.len);
              strong = strong2;
              *twice = 1;
            }
          vn_buf_free (&again);
          if (!more)
            break;
        }
    }
  else
    {
      vn_buf_clear (out);
      err.n = 0;
      vn_decode (kind == K_T ? VN_CS_TCVN3 : VN_CS_VNI, b, bn, out, &err);
      if (err.n)
        return C_SAME;
    }
  if (out->len == n && !memcmp (out->p, t, n))
    return C_SAME;
  /* A sequence chance does not make outweighs how the token reads as it
     is ("Viá»‡t" has the syllable "Viá" in it). */
  if (kind == K_U && strong)
    return C_S;
  r = reads_vietnamese (out->p, out->len, NULL);
  if (orig != W_VALID && r == W_VALID)
    return C_G;
  if (orig == W_VALID)
    return r == W_VALID ? C_A : C_B;
  return C_N;
}

/* The next token of S[0..N) from *I (ASCII blanks between tokens): its
   offset and length; 0 at the end. */
static int
next_token (const char *s, size_t n, size_t *i, size_t *off, size_t *len)
{
  size_t j = *i;

  while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\v'
                   || s[j] == '\f'))
    j++;
  if (j >= n)
    return 0;
  *off = j;
  while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\v' && s[j] != '\f')
    j++;
  *len = j - *off;
  *i = j;
  return 1;
}

static int
has_high (const char *s, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if ((unsigned char) s[i] >= 0x80)
      return 1;
  return 0;
}

static void
add_span (struct vn_moji *m, size_t off, size_t len, size_t repl_off,
          enum vn_mojibake kind, int sure)
{
  struct vn_moji_span *sp;

  if (m->n == m->cap)
    {
      m->cap = vn_grow (m->cap, m->n + 1);
      m->v = vn_xrealloc (m->v, m->cap * sizeof *m->v);
    }
  sp = &m->v[m->n++];
  sp->off = off;
  sp->len = len;
  sp->repl_off = repl_off;
  sp->repl_len = m->repl.len - repl_off;
  sp->kind = kind;
  sp->sure = sure;
}

void
vn_moji_free (struct vn_moji *m)
{
  size_t i;

  free (m->v);
  vn_buf_free (&m->repl);
  for (i = 0; i < sizeof m->scratch / sizeof m->scratch[0]; i++)
    vn_buf_free (&m->scratch[i]);
  memset (m, 0, sizeof *m);
}

size_t
vn_mojibake_line (const char *s, size_t n, struct vn_moji *m)
{
  struct vn_buf *b = &m->scratch[0], *out = &m->scratch[1],
    *tmp = &m->scratch[2];
  size_t t[NKINDS][NCLASSES];
  size_t i = 0, off, len, clean = 0, note_off = 0, note_len = 0;
  size_t span_end = 0, nfix = 0;
  int kind, pick = -1, note = -1, open = 0, twice;
  enum vn_mojibake span_kind = VN_MOJI_NONE;

  m->n = 0;
  vn_buf_clear (&m->repl);
  if (!suspect (s, n))
    return 0;

  /* Tally what each reading does to the tokens. */
  memset (t, 0, sizeof t);
  while (next_token (s, n, &i, &off, &len))
    {
      int orig;
      if (!has_high (s + off, len))
        continue;
      orig = reads_vietnamese (s + off, len, NULL);
      if (!to_cp1252 (s + off, len, b))
        {
          /* A character mojibake cannot make (ạ, ư, đ...): in a word that
             reads as Vietnamese, that is clean text. */
          clean += orig == W_VALID;
          continue;
        }
      for (kind = 0; kind < NKINDS; kind++)
        t[kind][reading (kind, s + off, len, b->p, b->len, orig, out, tmp,
                         &twice)]++;
    }

  /* Whole lines of TCVN3 or VNI shown as Windows-1252: at least two
     words fixed, none broken, more fixed than read as Vietnamese either
     way (or that stay clean), and no fewer fixed than left unreadable. */
  for (kind = K_T; kind <= K_V; kind++)
    {
      const size_t *k = t[kind];
      int plausible = k[C_G] >= 1 && k[C_B] == 0
        && k[C_G] > k[C_A] + clean && k[C_G] >= k[C_N];
      if (plausible && k[C_G] >= 2 && (pick < 0 || k[C_G] > t[pick][C_G]))
        pick = kind;
      else if (plausible && (note < 0 || k[C_G] > t[note][C_G]))
        note = kind;
    }
  /* UTF-8 through Windows-1252: chance does not make valid UTF-8 of
     Latin-1 letters and signs, so one word fixed, one sequence that is
     strong on its own, or two tokens repaired at all are enough; and
     every token it changes is repaired ("Ã´xy": "Ã" alone reads as ã). */
  if ((t[K_U][C_G] + t[K_U][C_S] >= 1
       || t[K_U][C_G] + t[K_U][C_S] + t[K_U][C_A] + t[K_U][C_B]
       + t[K_U][C_N] >= 2)
      && (pick < 0 || t[K_U][C_G] + t[K_U][C_S] >= t[pick][C_G]))
    pick = K_U;
  if (pick >= 0)
    note = -1;
  if (pick < 0 && note < 0)
    return 0;

  /* Apply the reading picked to every token it changes but those it
     would break (or find the first word for the note): adjacent fixed
     tokens with only ASCII between them make one span. */
  i = 0;
  while (next_token (s, n, &i, &off, &len))
    {
      int orig, cls;
      size_t at;

      if (!has_high (s + off, len))
        continue;
      orig = reads_vietnamese (s + off, len, NULL);
      cls = to_cp1252 (s + off, len, b)
        ? reading (pick >= 0 ? pick : note, s + off, len, b->p, b->len,
                   orig, out, tmp, &twice) : C_SAME;
      if (pick < 0)
        {
          if (cls == C_G)
            {
              note_off = off;
              note_len = len;
              break;
            }
          continue;
        }
      if (cls == C_SAME || (cls == C_B && pick != K_U))
        {
          open = 0;             /* a token left as it is ends the span */
          continue;
        }
      if (open)
        {
          /* Extend the span over the ASCII gap and this token. */
          struct vn_moji_span *sp = &m->v[m->n - 1];
          vn_buf_append (&m->repl, s + span_end, off - span_end);
          vn_buf_append (&m->repl, out->p, out->len);
          sp->len = off + len - sp->off;
          sp->repl_len = m->repl.len - sp->repl_off;
          if (twice)
            sp->kind = VN_MOJI_UTF8_TWICE;
        }
      else
        {
          at = m->repl.len;
          vn_buf_append (&m->repl, out->p, out->len);
          span_kind = pick == K_U ? (twice ? VN_MOJI_UTF8_TWICE
                                     : VN_MOJI_UTF8)
            : pick == K_T ? VN_MOJI_TCVN3 : VN_MOJI_VNI;
          add_span (m, off, len, at, span_kind, 1);
          open = 1;
          nfix++;
        }
      span_end = off + len;
    }
  if (pick < 0 && note_len)
    add_span (m, note_off, note_len, m->repl.len,
              note == K_T ? VN_MOJI_TCVN3 : VN_MOJI_VNI, 0);
  return nfix;
}

/* ---------------------------------------------------------------------- */
/* Detection                                                              */

enum { MAX_WORDS = 3000 };

/* The legacy charsets told apart by how their reading of the words with
   bytes above 0x7F parses. */
static const enum vn_charset legacy[] = {
  VN_CS_TCVN3, VN_CS_VNI, VN_CS_VISCII, VN_CS_VPS, VN_CS_CP1258
};
enum { NLEGACY = sizeof legacy / sizeof legacy[0] };

static int
word_byte (unsigned char c)
{
  return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
    || (c >= 0x01 && c < 0x20 && c != '\t' && c != '\n' && c != '\r');
}

/* Log-likelihood of a word's reading: a word in the right charset reads
   as Vietnamese nearly always, in a wrong one hardly ever. */
static const double LOG_VALID = -0.0513, LOG_INVALID = -2.9957,
  LOG_NONE = -0.6931, LOG_ERROR = -4.6052;

static void
detect_legacy (const char *s, size_t n, struct vn_verdict *v)
{
  static struct vn_decode_errors err;
  struct vn_buf w = { 0 };
  double ll[NLEGACY] = { 0 }, total = 0, best_ll;
  size_t valid[NLEGACY] = { 0 }, i = 0, words = 0;
  int k, best = -1;

  while (i < n && words < MAX_WORDS)
    {
      size_t start;
      int high = 0;

      while (i < n && !word_byte ((unsigned char) s[i]))
        i++;
      start = i;
      for (; i < n && word_byte ((unsigned char) s[i]); i++)
        if ((unsigned char) s[i] >= 0x80 || (unsigned char) s[i] < 0x20)
          high = 1;
      if (!high)
        continue;
      words++;
      for (k = 0; k < NLEGACY; k++)
        {
          const char *why;
          int r;
          if (!vn_charset_available (legacy[k], &why))
            {
              ll[k] = -INFINITY;
              continue;
            }
          vn_buf_clear (&w);
          err.n = 0;
          vn_decode (legacy[k], s + start, i - start, &w, &err);
          r = reads_vietnamese (w.p, w.len, NULL);
          ll[k] += r == W_VALID ? LOG_VALID : r == W_NONE ? LOG_NONE
            : LOG_INVALID;
          ll[k] += (double) err.n * LOG_ERROR;
          valid[k] += r == W_VALID;
        }
    }
  vn_buf_free (&w);
  v->evidence = words;
  for (k = 0; k < NLEGACY; k++)
    if (best < 0 || ll[k] > ll[best])
      best = k;
  best_ll = ll[best];
  for (k = 0; k < NLEGACY; k++)
    if (ll[k] > -INFINITY)
      total += exp (ll[k] - best_ll);
  v->best = legacy[best];
  v->confidence = words ? 1 / total : 0;
  /* Converting is right when most words read as Vietnamese and no other
     charset comes near; otherwise the bytes are read as UTF-8 (and the
     invalid ones replaced): nothing is guessed. */
  v->sure = words && valid[best] * 2 > words && v->confidence >= 0.5;
  v->cs = v->sure ? legacy[best] : VN_CS_UTF8;
}

/* Valid UTF-8: VIQR when words spelt with VIQR marks are too many for
   chance.  Under VIQR about half the words carry a mark only VIQR writes
   that way; in other text, hardly one in two hundred. */
static void
detect_viqr (const char *s, size_t n, struct vn_verdict *v)
{
  size_t words, converted, strong, i, high = 0, marks = 0;
  double d;

  /* Every word VIQR alone would spell (a strong one) has a mark (^ ( +
     ' ` ? ~ .) or a dd: when the lead bytes of UTF-8 outnumber those, they
     outnumber the strong words too, and the costly walk is not needed
     (it is for nearly every Vietnamese text in UTF-8). */
  i = 0;
#ifdef __SSE2__
  /* Sixteen bytes at a time: this runs over every UTF-8 document.  The
     counts are kept a byte per lane (a match is -1, subtracted) and summed
     every 255 blocks, before a lane can overflow: SSE2 has no popcount,
     and a build for any x86-64 calls a function for each. */
  __m128i acc_marks = _mm_setzero_si128 (), acc_high = _mm_setzero_si128 ();
  unsigned blocks = 0;
  for (; i + 16 <= n; i += 16)
    {
      __m128i c = _mm_loadu_si128 ((const __m128i *) (s + i));
      __m128i m = _mm_or_si128 (vn_sse_eq (c, '^'),
                                vn_sse_eq (c, '('));
      m = _mm_or_si128 (m, vn_sse_eq (c, '+'));
      m = _mm_or_si128 (m, vn_sse_eq (c, '\''));
      m = _mm_or_si128 (m, vn_sse_eq (c, '`'));
      m = _mm_or_si128 (m, vn_sse_eq (c, '?'));
      m = _mm_or_si128 (m, vn_sse_eq (c, '~'));
      m = _mm_or_si128 (m, vn_sse_eq (c, '.'));
      m = _mm_or_si128 (m, _mm_cmpeq_epi8 (_mm_or_si128 (c,
                                                         _mm_set1_epi8 (0x20)),
                                           _mm_set1_epi8 ('d')));
      /* C0..FF are -64..-1 as signed bytes. */
      __m128i lead = _mm_cmpgt_epi8 (c, _mm_set1_epi8 (-65));
      lead = _mm_and_si128 (lead, _mm_cmplt_epi8 (c, _mm_setzero_si128 ()));
      acc_marks = _mm_sub_epi8 (acc_marks, m);
      acc_high = _mm_sub_epi8 (acc_high, lead);
      if (++blocks == 255 || i + 32 > n)
        {
          __m128i sm = _mm_sad_epu8 (acc_marks, _mm_setzero_si128 ());
          __m128i sh = _mm_sad_epu8 (acc_high, _mm_setzero_si128 ());
          marks += (size_t) _mm_cvtsi128_si32 (sm)
            + (size_t) _mm_extract_epi16 (sm, 4);
          high += (size_t) _mm_cvtsi128_si32 (sh)
            + (size_t) _mm_extract_epi16 (sh, 4);
          acc_marks = acc_high = _mm_setzero_si128 ();
          blocks = 0;
        }
    }
#endif
  for (; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      high += c >= 0xC0;
      marks += c == '^' || c == '(' || c == '+' || c == '\'' || c == '`'
        || c == '?' || c == '~' || c == '.' || (c | 0x20) == 'd';
    }
  if (high > marks)
    return;
  vn_viqr_evidence (s, n, &words, &converted, &strong);
  if (strong == 0 || high > strong)
    return;
  d = (double) strong * (log (0.5) - log (0.005))
    + (double) (words - strong) * (log (0.5) - log (0.995));
  if (d <= 0)
    return;
  v->cs = VN_CS_VIQR;
  v->evidence = strong;
  v->confidence = d > 30 ? 1 : 1 / (1 + exp (-d));
}

void
vn_detect (const char *s, size_t n, int complete, int mojibake,
           struct vn_verdict *v)
{
  size_t valid, i, multi = 0, bad = 0;

  memset (v, 0, sizeof *v);
  v->cs = VN_CS_UTF8;
  v->best = VN_CS_UTF8;
  v->confidence = 1;
  v->sure = 1;
  if (!complete)
    {
      /* The last line may be cut anywhere, even inside a character. */
      const char *nl = n ? memrchr (s, '\n', n) : NULL;
      if (nl)
        n = (size_t) (nl - s) + 1;
    }
  valid = vn_utf8_valid_prefix (s, n);
  if (valid < n)
    {
      /* Some UTF-8 with a few stray bytes, or a legacy charset? */
      for (i = 0; i < n;)
        {
          size_t k = vn_utf8_valid_prefix (s + i, n - i);
          size_t j;
          for (j = i; j < i + k; j++)
            multi += ((unsigned char) s[j] & 0xC0) == 0xC0;
          i += k;
          if (i < n)
            {
              bad++;
              i += vn_utf8_invalid_len (s + i, n - i);
            }
        }
      if (multi < 4 * bad)
        {
          detect_legacy (s, n, v);
          return;
        }
      v->confidence = (double) multi / (double) (multi + bad);
    }
  else
    detect_viqr (s, n, v);
  if (mojibake && v->cs == VN_CS_UTF8)
    {
      struct vn_moji m = { 0 };
      size_t start = 0;
      while (start < n)
        {
          const char *nl = memchr (s + start, '\n', n - start);
          size_t end = nl ? (size_t) (nl - s) : n, j;
          v->lines++;
          vn_mojibake_line (s + start, end - start, &m);
          for (j = 0; j < m.n; j++)
            if (m.v[j].sure)
              {
                v->moji_lines[m.v[j].kind]++;
                break;
              }
          start = end + 1;
        }
      vn_moji_free (&m);
    }
}

/* ---------------------------------------------------------------------- */
/* The fixer                                                              */

struct recode
{
  int forced;                   /* -f named a charset */
  enum vn_charset from;
  int detect;

  /* The document at hand. */
  const struct vn_doc *doc;
  enum vn_charset cs;           /* its lines are decoded from CS */
  int pending;                  /* L101 or L190 still to report */
  int pending_fix;
  char reason[160];
  struct vn_moji moji;
};

static void *
create (void)
{
  struct recode *st = vn_xcalloc (1, sizeof *st);
  st->cs = VN_CS_UTF8;
  return st;
}

static void
destroy (void *state)
{
  struct recode *st = state;
  vn_moji_free (&st->moji);
  free (st);
}

static int
set_option (void *state, const char *name, const char *arg)
{
  struct recode *st = state;
  const char *why;
  int cs;

  if (!strcmp (name, "detect"))
    {
      st->detect = 1;
      return 0;
    }
  if (!strcasecmp (arg, "auto"))
    {
      st->forced = 0;
      return 0;
    }
  cs = vn_charset_parse (arg);
  if (cs < 0)
    {
      vn_error (0, 0, "unknown charset '%s' for --from-code (valid: auto, "
                "UTF-8, TCVN3, VNI, VISCII, VPS, VIQR, CP1258)", arg);
      return -1;
    }
  if (!vn_charset_available ((enum vn_charset) cs, &why))
    {
      vn_error (0, 0, "%s: %s", arg, why);
      return -1;
    }
  st->forced = 1;
  st->from = (enum vn_charset) cs;
  return 0;
}

static const char *
report_only (void *state)
{
  const struct recode *st = state;
  return st->detect ? "--detect" : NULL;
}

/* Two decimals, rounded down: 0.999 is not shown as sure. */
static double
shown (double confidence)
{
  return floor (confidence * 100) / 100;
}

/* --detect: one line for the document. */
static void
print_verdict (const struct recode *st, const struct vn_verdict *v)
{
  const struct vn_doc *doc = st->doc;
  FILE *f = doc->report ? doc->report : stdout;
  size_t k, most = 0;

  if (doc->jsonl)
    fprintf (f, "%s:%llu: ", doc->name, (unsigned long long) doc->lineno);
  else if (doc->split)
    fprintf (f, "%s#%llu: ", doc->name, (unsigned long long) doc->index);
  else
    fprintf (f, "%s: ", doc->name);
  if (!v->sure)
    fprintf (f, "unknown (not UTF-8; likeliest %s, confidence %.2f)",
             vn_charset_name (v->best), shown (v->confidence));
  else
    fprintf (f, "%s (confidence %.2f)", vn_charset_name (v->cs),
             shown (v->confidence));
  for (k = 1; k < VN_MOJI_COUNT; k++)
    if (v->moji_lines[k] > v->moji_lines[most])
      most = k;
  if (most)
    fprintf (f, ", mojibake %s in %zu of %zu lines", moji_names[most],
             v->moji_lines[most], v->lines);
  putc ('\n', f);
}

static void
begin_doc (void *state, const struct vn_doc *doc)
{
  struct recode *st = state;

  st->doc = doc;
  st->cs = VN_CS_UTF8;
  st->pending = 0;
  if (doc->jsonl && st->forced && st->from != VN_CS_UTF8)
    vn_error (VN_EXIT_ERROR, 0, "--from-code=%s cannot be used with --jsonl: "
              "a JSON text is UTF-8 (the default, -f auto, repairs the "
              "mojibake in it)", vn_charset_name (st->from));
  if (st->detect && doc->jsonl)
    {
      /* A JSON string is UTF-8 (and its escapes are decoded): only
         mojibake can be wrong with it. */
      struct vn_verdict v;
      size_t n = doc->text_len < VN_DECODE_AHEAD ? doc->text_len
        : VN_DECODE_AHEAD;
      vn_detect (doc->text ? doc->text : "", n, n == doc->text_len, 1, &v);
      v.cs = VN_CS_UTF8;
      v.sure = 1;
      v.confidence = 1;
      print_verdict (st, &v);
    }
}

static int
decode_begin (void *state, const char *ahead, size_t n, int complete)
{
  struct recode *st = state;
  struct vn_verdict v;

  if (st->detect)
    {
      vn_detect (ahead, n, complete, 1, &v);
      print_verdict (st, &v);
      return 1;                 /* the text is not wanted: see decode_line */
    }
  if (st->forced)
    {
      st->cs = st->from;
      if (st->cs == VN_CS_UTF8)
        return 0;
      st->pending = 1;
      st->pending_fix = 1;
      snprintf (st->reason, sizeof st->reason,
                "document converted from %s (as --from-code says) to UTF-8",
                vn_charset_name (st->cs));
      return 1;
    }
  vn_detect (ahead, n, complete, 0, &v);
  st->cs = v.cs;
  if (v.sure && v.cs != VN_CS_UTF8)
    {
      st->pending = 1;
      st->pending_fix = 1;
      snprintf (st->reason, sizeof st->reason,
                "document is %s (confidence %.2f): converted to UTF-8",
                vn_charset_name (v.cs), shown (v.confidence));
      return 1;
    }
  if (!v.sure)
    {
      st->pending = 1;
      st->pending_fix = 0;
      snprintf (st->reason, sizeof st->reason,
                "document is not UTF-8, and no legacy charset fits it well "
                "(likeliest %s, confidence %.2f): read as UTF-8",
                vn_charset_name (v.best), shown (v.confidence));
    }
  return 0;
}

static void
decode_line (void *state, const char *in, size_t n, struct vn_buf *out,
             struct vn_decode_errors *err)
{
  const struct recode *st = state;

  /* --detect writes no text: its lines need neither decoding nor
     validation (and their invalid bytes no report); but a --doc-sep line
     must still be seen, so a line that is UTF-8 is passed as it is. */
  if (!st->detect)
    vn_decode (st->cs, in, n, out, err);
  else if (vn_utf8_valid_prefix (in, n) == n)
    vn_buf_append (out, in, n);
}

static const char *
decode_charset (void *state)
{
  const struct recode *st = state;
  return vn_charset_name (st->cs);
}

static const struct vn_decoder decoder = {
  .begin = decode_begin,
  .line = decode_line,
  .charset = decode_charset,
};

/* At most about 40 bytes of S[0..N), cut at a character, with "..." when
   cut, into a reason. */
static int
clip (const char *s, size_t n)
{
  size_t k = n;
  if (k > 40)
    {
      k = 40;
      while (k > 0 && ((unsigned char) s[k] & 0xC0) == 0x80)
        k--;
    }
  return (int) k;
}

static void
recode_line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
             struct vn_edits *out)
{
  struct recode *st = state;
  size_t i;

  (void) doc;
  if (st->pending)
    {
      if (st->pending_fix)
        vn_edits_add (out, 0, 0, "", 0, &rules[L101], "%s", st->reason);
      else
        vn_edits_note (out, 0, 0, &rules[L190], "%s", st->reason);
      st->pending = 0;
    }
  /* Decoded text has no mojibake to repair; --detect writes no text. */
  if (st->cs != VN_CS_UTF8 || st->detect)
    return;
  if (!vn_mojibake_line (ln->text, ln->len, &st->moji)
      && st->moji.n == 0)
    return;
  for (i = 0; i < st->moji.n; i++)
    {
      const struct vn_moji_span *sp = &st->moji.v[i];
      const char *was = ln->text + sp->off;
      const char *now = st->moji.repl.p + sp->repl_off;
      int kw = clip (was, sp->len), kn = clip (now, sp->repl_len);
      static const char *const how[VN_MOJI_COUNT] = {
        [VN_MOJI_UTF8] = "UTF-8 read as Windows-1252",
        [VN_MOJI_UTF8_TWICE] = "UTF-8 read as Windows-1252 twice",
        [VN_MOJI_TCVN3] = "TCVN3 shown as Windows-1252",
        [VN_MOJI_VNI] = "VNI shown as Windows-1252",
      };
      static const int rule[VN_MOJI_COUNT] = {
        [VN_MOJI_UTF8] = L102, [VN_MOJI_UTF8_TWICE] = L103,
        [VN_MOJI_TCVN3] = L104, [VN_MOJI_VNI] = L105,
      };

      if (sp->sure)
        vn_edits_add (out, sp->off, sp->len, now, sp->repl_len,
                      &rules[rule[sp->kind]], "'%.*s%s' is %s: '%.*s%s'", kw,
                      was, (size_t) kw < sp->len ? "..." : "",
                      how[sp->kind], kn, now,
                      (size_t) kn < sp->repl_len ? "..." : "");
      else
        {
          /* A note shows what the repair would give. */
          struct vn_buf *b = &st->moji.scratch[0], *o = &st->moji.scratch[3];
          static struct vn_decode_errors err;
          err.n = 0;
          vn_buf_clear (o);
          if (to_cp1252 (was, sp->len, b))
            vn_decode (sp->kind == VN_MOJI_TCVN3 ? VN_CS_TCVN3 : VN_CS_VNI,
                       b->p, b->len, o, &err);
          vn_edits_note (out, sp->off, sp->len, &rules[L190],
                         "'%.*s' may be %s ('%.*s'), but the line is too "
                         "short to tell: left as is", kw, was, how[sp->kind],
                         o->len ? clip (o->p, o->len) : 0,
                         o->len ? o->p : "");
        }
    }
}

const struct vn_fixer vn_fixer_recode = {
  .name = "recode",
  .filter = "vn-recode",
  .summary = "legacy charsets (TCVN3, VNI, VISCII, VPS, VIQR, CP1258) and "
    "mojibake to UTF-8",
  .rules = rules,
  .options = options,
  .aliases = aliases,
  .create = create,
  .destroy = destroy,
  .set_option = set_option,
  .begin_doc = begin_doc,
  .line = recode_line,
  .decoder = &decoder,
  .report_only = report_only,
};
