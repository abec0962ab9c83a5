/* scan.h -- text read eight bytes at a time: where words end, and the
   16-byte keys under which vn-tones and vn-typos remember words */
#ifndef VN_SCAN_H
#define VN_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define VN_ONES UINT64_C (0x0101010101010101)
#define VN_HIGH (VN_ONES * 0x80)

/* The eight bytes at P, the first in the lowest bits on any machine. */
static inline uint64_t
vn_load8 (const unsigned char *p)
{
  return (uint64_t) p[0] | (uint64_t) p[1] << 8 | (uint64_t) p[2] << 16
    | (uint64_t) p[3] << 24 | (uint64_t) p[4] << 32 | (uint64_t) p[5] << 40
    | (uint64_t) p[6] << 48 | (uint64_t) p[7] << 56;
}

/* The high bit of each byte of V that is ASCII but no letter: a space,
   punctuation, a digit.  Bytes are compared eight at a time: lowered with
   0x20, a byte is a letter when adding 0x1F carries it to 0x80 or more
   ('a' and up) and adding 0x05 does not ('z' and down); with the high bit
   masked off, no sum carries into the next byte. */
static inline uint64_t
vn_ascii_breaks (uint64_t v)
{
  uint64_t x = (v | VN_ONES * 0x20) & ~VN_HIGH;
  uint64_t letter = (x + VN_ONES * 0x1F) & ~(x + VN_ONES * 0x05);

  return ~v & ~letter & VN_HIGH;
}

/* The high bit of each byte of V that is ASCII but neither a letter nor a
   digit (as vn_ascii_breaks, with the digits taken out: with the high bit
   masked off, a byte is a digit when adding 0x50 carries it to 0x80 or
   more ('0' and up) and adding 0x46 does not ('9' and down)). */
static inline uint64_t
vn_alnum_breaks (uint64_t v)
{
  uint64_t y = v & ~VN_HIGH;
  uint64_t digit = (y + VN_ONES * 0x50) & ~(y + VN_ONES * 0x46);

  return vn_ascii_breaks (v) & ~digit;
}

/* Whether C is ASCII but no letter: what tokens are split at.  Every byte
   of UTF-8 beyond ASCII stays in the token, letters and punctuation alike
   (“ ” – … are in tokens; the fixer that cares looks at them). */
static inline int
vn_is_break (unsigned char c)
{
  return c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The start of the next token at or after P, or END: most words are one
   space apart, and that is tested first. */
static inline const unsigned char *
vn_token_start (const unsigned char *p, const unsigned char *end)
{
  if (p + 1 < end && *p == ' ' && !vn_is_break (p[1]))
    return p + 1;
  while (p < end && vn_is_break (*p))
    p++;
  return p;
}

/* The end of the token that starts at P (P < END, *P no break).  *HIGH
   gets the OR of its bytes, whose high bits say whether it is all ASCII.
   The end is found eight bytes at a time: a loop per byte would mispredict
   its exit at every word. */
static inline const unsigned char *
vn_token_end (const unsigned char *p, const unsigned char *end,
              uint64_t *high)
{
  uint64_t v, b, h = 0;

  for (;;)
    {
      if (end - p < 8)
        {
          while (p < end && !vn_is_break (*p))
            h |= *p++;
          break;
        }
      v = vn_load8 (p);
      b = vn_ascii_breaks (v);
      if (b)
        {
          unsigned len = (unsigned) __builtin_ctzll (b) / 8;
          h |= v & ((UINT64_C (1) << (8 * len)) - 1);
          p += len;
          break;
        }
      h |= v;
      p += 8;
    }
  *high = h;
  return p;
}

/* The longest word that has a key. */
enum { VN_WORD_KEY_MAX = 15 };

/* The key of the word P[0..N) (N at most VN_WORD_KEY_MAX) into *LO, *HI: its
   bytes, zero-padded, its length in the last byte; AVAIL bytes from P may
   be read.  They are read eight at a time (past the word when the text
   goes on: masked off), as the bytes were just scanned and a copy into a
   buffer would stall on them.  Return a hash of the key for a table of
   2^BITS slots. */
static inline uint64_t
vn_word_key (const unsigned char *p, size_t n, size_t avail, unsigned bits,
             uint64_t *lo, uint64_t *hi)
{
  if (avail >= 16)
    {
      *lo = vn_load8 (p);
      *hi = vn_load8 (p + 8);
    }
  else
    {
      unsigned char b[16] = { 0 };
      memcpy (b, p, n);
      *lo = vn_load8 (b);
      *hi = vn_load8 (b + 8);
    }
  if (n < 8)
    {
      *lo &= (UINT64_C (1) << (8 * n)) - 1;
      *hi = 0;
    }
  else
    *hi &= (UINT64_C (1) << (8 * (n - 8))) - 1;
  *hi |= (uint64_t) n << 56;
  return ((*lo ^ *hi * UINT64_C (0x9E3779B97F4A7C15))
          * UINT64_C (0xBF58476D1CE4E5B9)) >> (64 - bits);
}

#endif
