/* utf8.c -- UTF-8 validation, decoding and encoding (RFC 3629) */
#include <config.h>

#include <string.h>
#include "utf8.h"

/* Length of the valid sequence at S, or 0.  Follows Table 3-7 of the Unicode
   Standard (well-formed byte sequences), which rules out overlong forms,
   surrogates and code points above U+10FFFF by the range of the 2nd byte. */
static size_t
seq_len (const unsigned char *s, size_t n)
{
  unsigned char c = s[0];

  if (c < 0x80)
    return 1;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0)
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0)
    {
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
      unsigned char hi = c == 0xED ? 0x9F : 0xBF;
      return n >= 3 && s[1] >= lo && s[1] <= hi
        && (s[2] & 0xC0) == 0x80 ? 3 : 0;
    }
  if (c < 0xF5)
    {
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
      unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
      return n >= 4 && s[1] >= lo && s[1] <= hi
        && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 ? 4 : 0;
    }
  return 0;
}

/* The fast validator is a shift-based DFA: each byte's table entry holds,
   for every state, the next state, and a state is its own bit offset into
   the entry, so one step is a load, a shift and a mask with no branch.
   ERROR is offset 0, whose field is 0 in every entry: once there, the
   automaton stays there, and a whole block can be checked at its end. */
enum
{
  ERROR = 0, ACCEPT = 6, TAIL1 = 12, TAIL2 = 18, TAIL3 = 24,
  E0_2 = 30,            /* after E0: A0..BF, then one more */
  ED_2 = 36,            /* after ED: 80..9F (no surrogates), then one more */
  F0_3 = 42,            /* after F0: 90..BF, then two more */
  F4_3 = 48             /* after F4: 80..8F (no more than U+10FFFF) */
};

static uint64_t dfa[256];

static void
dfa_set (int lo, int hi, int from, int to)
{
  int b;
  for (b = lo; b <= hi; b++)
    dfa[b] |= (uint64_t) to << from;
}

/* Filled before main, so that no thread can see it half made. */
__attribute__ ((constructor)) static void
dfa_init (void)
{
  dfa_set (0x00, 0x7F, ACCEPT, ACCEPT);
  /* Continuation bytes, by the three ranges the special leads accept. */
  dfa_set (0x80, 0xBF, TAIL1, ACCEPT);
  dfa_set (0x80, 0xBF, TAIL2, TAIL1);
  dfa_set (0x80, 0xBF, TAIL3, TAIL2);
  dfa_set (0xA0, 0xBF, E0_2, TAIL1);
  dfa_set (0x80, 0x9F, ED_2, TAIL1);
  dfa_set (0x90, 0xBF, F0_3, TAIL2);
  dfa_set (0x80, 0x8F, F4_3, TAIL2);
  /* Lead bytes (C0, C1 and F5..FF lead nowhere). */
  dfa_set (0xC2, 0xDF, ACCEPT, TAIL1);
  dfa_set (0xE0, 0xE0, ACCEPT, E0_2);
  dfa_set (0xE1, 0xEC, ACCEPT, TAIL2);
  dfa_set (0xED, 0xED, ACCEPT, ED_2);
  dfa_set (0xEE, 0xEF, ACCEPT, TAIL2);
  dfa_set (0xF0, 0xF0, ACCEPT, F0_3);
  dfa_set (0xF1, 0xF3, ACCEPT, TAIL3);
  dfa_set (0xF4, 0xF4, ACCEPT, F4_3);
}

/* The exact, slower walk: where the first invalid sequence starts. */
static size_t
slow_prefix (const unsigned char *s, size_t n, size_t i)
{
  while (i < n)
    {
      size_t k = seq_len (s + i, n - i);
      if (!k)
        return i;
      i += k;
    }
  return n;
}

static size_t
dfa_prefix (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  uint64_t st = ACCEPT;
  size_t i = 0, safe = 0;       /* s[0..safe) is known to be valid */
  enum { BLOCK = 32 };

  while (i + BLOCK <= n)
    {
      uint64_t w;
      size_t k;

      /* Runs of ASCII between sequences go eight bytes at a time. */
      if (st == ACCEPT)
        {
          memcpy (&w, s + i, 8);
          if (!(w & 0x8080808080808080ull))
            {
              i += 8;
              safe = i;
              continue;
            }
        }
      for (k = 0; k < BLOCK; k++)
        st = dfa[s[i + k]] >> st & 63;
      i += BLOCK;
      if (st == ERROR)
        return slow_prefix (s, n, safe);
      if (st == ACCEPT)
        safe = i;
    }
  for (; i < n; i++)
    st = dfa[s[i]] >> st & 63;
  return st == ACCEPT ? n : slow_prefix (s, n, safe);
}

#if defined __x86_64__ && defined __GNUC__ && !defined VN_NO_SIMD
#include <immintrin.h>

/* Validation 32 bytes at a time with AVX2, after Keiser and Lemire,
   "Validating UTF-8 in less than one instruction per byte" (2021): every
   error is visible in a byte, the byte before it and their high and low
   nibbles, so three 16-entry table lookups (one shuffle each), ANDed,
   flag it; a continuation byte that must be the third or fourth of a
   sequence is checked against the leads two and three bytes back.  Text
   with a Vietnamese letter every few bytes defeats the ASCII fast path of
   the DFA, and this is several times faster there.  Only the verdict
   comes from here: where a block holds an error, the DFA walk finds it. */

/* One bit per kind of error, as the paper names them. */
enum
{
  TOO_SHORT = 1 << 0,   /* a lead not followed by enough continuations */
  TOO_LONG = 1 << 1,    /* a continuation after ASCII */
  OVERLONG_3 = 1 << 2,  /* E0 80..9F */
  TOO_LARGE = 1 << 3,   /* F4 90.., F5.. */
  SURROGATE = 1 << 4,   /* ED A0..BF */
  OVERLONG_2 = 1 << 5,  /* C0, C1 */
  TOO_LARGE_1000 = 1 << 6,
  OVERLONG_4 = 1 << 6,  /* F0 80..8F */
  TWO_CONTS = 1 << 7,   /* two continuations in a row */
  CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS
};

#define T16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
  _mm256_setr_epi8 (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, \
                    a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)

/* The 32 bytes of CUR shifted by K bytes, the last K of PREV coming in. */
#define PREV(cur, prev, k) \
  _mm256_alignr_epi8 (cur, _mm256_permute2x128_si256 (prev, cur, 0x21), \
                      16 - (k))

__attribute__ ((target ("avx2"))) static size_t
avx2_prefix (const unsigned char *s, size_t n)
{
  const __m256i b1_high = T16 (
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
    TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
  const __m256i b1_low = T16 (
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY, CARRY,
    CARRY | TOO_LARGE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000);
  const __m256i b2_high = T16 (
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000
    | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
  const __m256i nib = _mm256_set1_epi8 (0x0F);
  /* A lead in the last three bytes that its sequence cannot fit after. */
  const __m256i last_max = _mm256_setr_epi8 (
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    (char) (0xF0 - 1), (char) (0xE0 - 1), (char) (0xC0 - 1));
  __m256i prev = _mm256_setzero_si256 ();
  size_t i = 0, safe = 0;       /* s[0..safe) is valid and complete */

  for (; i + 32 <= n; i += 32)
    {
      __m256i cur = _mm256_loadu_si256 ((const __m256i *) (s + i));
      __m256i err, complete;

      if (_mm256_movemask_epi8 (cur) == 0)
        {
          /* ASCII: valid if the block before ended its last sequence. */
          if (safe != i)
            break;
          safe = i + 32;
          prev = cur;
          continue;
        }
      {
        __m256i p1 = PREV (cur, prev, 1);
        __m256i sc = _mm256_and_si256 (
          _mm256_and_si256 (
            _mm256_shuffle_epi8 (b1_high,
                                 _mm256_and_si256 (_mm256_srli_epi16 (p1, 4),
                                                   nib)),
            _mm256_shuffle_epi8 (b1_low, _mm256_and_si256 (p1, nib))),
          _mm256_shuffle_epi8 (b2_high,
                               _mm256_and_si256 (_mm256_srli_epi16 (cur, 4),
                                                 nib)));
        __m256i third = _mm256_subs_epu8 (PREV (cur, prev, 2),
                                          _mm256_set1_epi8 (0xE0 - 0x80));
        __m256i fourth = _mm256_subs_epu8 (PREV (cur, prev, 3),
                                           _mm256_set1_epi8 (0xF0 - 0x80));
        __m256i must23 = _mm256_and_si256 (_mm256_or_si256 (third, fourth),
                                           _mm256_set1_epi8 ((char) 0x80));
        err = _mm256_xor_si256 (must23, sc);
      }
      if (!_mm256_testz_si256 (err, err))
        break;
      complete = _mm256_cmpeq_epi8 (_mm256_max_epu8 (cur, last_max),
                                    last_max);
      if (_mm256_movemask_epi8 (complete) == -1)
        safe = i + 32;
      prev = cur;
    }
  /* The rest, and any block with an error, from the last clean end. */
  return safe + dfa_prefix ((const char *) s + safe, n - safe);
}

/* Whether this CPU has AVX2, asked before main (as the DFA is made), so
   that no thread sees it unset. */
static int have_avx2;

__attribute__ ((constructor)) static void
cpu_init (void)
{
  __builtin_cpu_init ();
  have_avx2 = __builtin_cpu_supports ("avx2") != 0;
}
#endif

size_t
vn_utf8_valid_prefix (const char *str, size_t n)
{
#if defined __x86_64__ && defined __GNUC__ && !defined VN_NO_SIMD
  /* Short strings are not worth the set-up. */
  if (n >= 64 && have_avx2)
    return avx2_prefix ((const unsigned char *) str, n);
#endif
  return dfa_prefix (str, n);
}

size_t
vn_utf8_invalid_len (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  unsigned char c = s[0], lo = 0x80, hi = 0xBF;
  size_t need, i;

  /* A maximal subpart is the longest prefix of a well-formed sequence: the
     lead byte and the continuation bytes that were still acceptable. */
  if (c >= 0xC2 && c < 0xE0)
    need = 2;
  else if (c >= 0xE0 && c < 0xF0)
    {
      need = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c < 0xF5)
    {
      need = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 1;
  for (i = 1; i < need && i < n; i++)
    {
      if (s[i] < lo || s[i] > hi)
        break;
      lo = 0x80;
      hi = 0xBF;
    }
  return i;
}

size_t
vn_utf8_decode (const char *str, size_t n, uint32_t *cp)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t k = seq_len (s, n);

  switch (k)
    {
    case 1:
      *cp = s[0];
      break;
    case 2:
      *cp = (uint32_t) (s[0] & 0x1F) << 6 | (s[1] & 0x3F);
      break;
    case 3:
      *cp = (uint32_t) (s[0] & 0x0F) << 12 | (uint32_t) (s[1] & 0x3F) << 6
        | (s[2] & 0x3F);
      break;
    case 4:
      *cp = (uint32_t) (s[0] & 0x07) << 18 | (uint32_t) (s[1] & 0x3F) << 12
        | (uint32_t) (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
      break;
    }
  return k;
}

size_t
vn_utf8_encode (uint32_t cp, char out[4])
{
  if (cp < 0x80)
    {
      out[0] = (char) cp;
      return 1;
    }
  if (cp < 0x800)
    {
      out[0] = (char) (0xC0 | cp >> 6);
      out[1] = (char) (0x80 | (cp & 0x3F));
      return 2;
    }
  if (cp < 0x10000)
    {
      out[0] = (char) (0xE0 | cp >> 12);
      out[1] = (char) (0x80 | (cp >> 6 & 0x3F));
      out[2] = (char) (0x80 | (cp & 0x3F));
      return 3;
    }
  out[0] = (char) (0xF0 | cp >> 18);
  out[1] = (char) (0x80 | (cp >> 12 & 0x3F));
  out[2] = (char) (0x80 | (cp >> 6 & 0x3F));
  out[3] = (char) (0x80 | (cp & 0x3F));
  return 4;
}

size_t
vn_utf8_count (const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *) str;
  size_t count = 0, i = 0;

  while (i < n)
    {
      size_t v = vn_utf8_valid_prefix (str + i, n - i), end = i + v;
      for (; i < end; i++)
        count += (s[i] & 0xC0) != 0x80;
      if (i < n)
        {
          /* One character per maximal subpart: what --invalid=replace
             turns it into. */
          i += vn_utf8_invalid_len (str + i, n - i);
          count++;
        }
    }
  return count;
}
