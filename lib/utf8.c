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

size_t
vn_utf8_valid_prefix (const char *str, size_t n)
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
