/* test-utf8.c -- unit tests of UTF-8 validation, decoding and encoding,
   the fast validator checked against a plain reference on random input */
#include <config.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "utf8.h"

/* Reference: decode by the definition (RFC 3629), one character at a time. */
static size_t
ref_prefix (const unsigned char *s, size_t n)
{
  size_t i = 0;
  while (i < n)
    {
      uint32_t cp, min;
      size_t k, j;
      if (s[i] < 0x80)
        {
          i++;
          continue;
        }
      if ((s[i] & 0xE0) == 0xC0)
        k = 2, cp = s[i] & 0x1F, min = 0x80;
      else if ((s[i] & 0xF0) == 0xE0)
        k = 3, cp = s[i] & 0x0F, min = 0x800;
      else if ((s[i] & 0xF8) == 0xF0)
        k = 4, cp = s[i] & 0x07, min = 0x10000;
      else
        return i;
      if (i + k > n)
        return i;
      for (j = 1; j < k; j++)
        {
          if ((s[i + j] & 0xC0) != 0x80)
            return i;
          cp = cp << 6 | (s[i + j] & 0x3F);
        }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return i;
      i += k;
    }
  return n;
}

int
main (void)
{
  static const char *pieces[] = {
    "a", " ", "Vi\xe1\xbb\x87t", "\xc4\x91", "\xe2\x80\x93", "\xf0\x9f\x98\x80",
    "\xed\x9f\xbf", "\xee\x80\x80", "\xf4\x8f\xbf\xbf",
    /* invalid ones */
    "\xc3", "\xe1\xbb", "\x80", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xf5\x80", "\xff", "\xe0\x9f\xbf", "\xf0\x8f\xbf\xbf"
  };
  enum { NPIECES = sizeof pieces / sizeof pieces[0], NVALID = 9 };
  unsigned char buf[400];
  size_t i, k, n;
  int agree = 1, decoded = 1;
  char out[4];
  uint32_t cp;

  srand (12345);
  for (i = 0; i < 200000; i++)
    {
      n = 0;
      /* Mostly valid text, sometimes one bad piece, at any position and
         length, so that blocks of the fast path end everywhere. */
      while (n < 300)
        {
          int p = rand () % 100 < 97 ? rand () % NVALID : rand () % NPIECES;
          size_t len = strlen (pieces[p]);
          memcpy (buf + n, pieces[p], len);
          n += len;
        }
      n = (size_t) rand () % n;
      if (vn_utf8_valid_prefix ((char *) buf, n) != ref_prefix (buf, n))
        {
          agree = 0;
          break;
        }
    }
  ok (agree, "fast validator agrees with the reference on 200000 random texts");

  for (i = 0; i < 200000; i++)
    {
      for (k = 0; k < 8; k++)
        buf[k] = (unsigned char) rand ();
      if (vn_utf8_valid_prefix ((char *) buf, 8) != ref_prefix (buf, 8))
        {
          agree = 0;
          break;
        }
    }
  ok (agree, "and on 200000 random byte strings");

  /* Long strings of random bytes, most of them high, and long valid texts
     with one byte changed: the 32-byte blocks of the vector path meet
     every kind of error, at every offset, across block ends too. */
  for (i = 0; i < 200000 && agree; i++)
    {
      n = 64 + (size_t) rand () % 200;
      if (i % 2)
        for (k = 0; k < n; k++)
          buf[k] = (unsigned char) (rand () % 8 ? 0x80 + rand () % 0x80
                                    : rand () % 0x80);
      else
        {
          size_t m = 0;
          while (m < n)
            {
              const char *piece = pieces[rand () % NVALID];
              memcpy (buf + m, piece, strlen (piece));
              m += strlen (piece);
            }
          buf[rand () % n] = (unsigned char) rand ();
        }
      agree = vn_utf8_valid_prefix ((char *) buf, n) == ref_prefix (buf, n);
    }
  ok (agree, "and on 200000 long strings, random or with one byte changed");

  for (cp = 0; cp <= 0x10FFFF; cp++)
    {
      if (cp >= 0xD800 && cp <= 0xDFFF)
        continue;
      k = vn_utf8_encode (cp, out);
      uint32_t back;
      if (vn_utf8_decode (out, k, &back) != k || back != cp
          || vn_utf8_valid_prefix (out, k) != k)
        {
          decoded = 0;
          break;
        }
    }
  ok (decoded, "every scalar value encodes, validates and decodes back");

  ok (vn_utf8_invalid_len ("\xe1\xbb" "a", 3) == 2, "truncated sequence: one maximal subpart");
  ok (vn_utf8_invalid_len ("\xed\xa0\x80", 3) == 1, "surrogate lead: one byte at a time");
  ok (vn_utf8_invalid_len ("\xf0\x9f\x98", 3) == 3, "three bytes of a four-byte sequence");
  ok (vn_utf8_invalid_len ("\xff", 1) == 1, "FF alone");
  ok (vn_utf8_count ("Vi\xe1\xbb\x87t", 6) == 4, "count characters");
  ok (vn_utf8_count ("\x80\x80X\xc3", 4) == 4,
      "stray continuation bytes count one each");
  ok (vn_utf8_count ("\xed\xa0\x80", 3) == 3,
      "a surrogate's bytes count one each, as three U+FFFD would");
  ok (vn_utf8_count ("a\xe1\xbb", 3) == 2,
      "a truncated sequence counts once");
  ok (vn_utf8_decode ("\xc3", 1, &cp) == 0, "decode refuses a truncated sequence");
  return tap_done ();
}
