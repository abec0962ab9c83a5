/* utf8.h -- UTF-8 validation, decoding and encoding */
#ifndef VN_UTF8_H
#define VN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define VN_REPLACEMENT 0xFFFDu

/* Length of the longest prefix of S[0..N) that is valid UTF-8 (no surrogates,
   no overlong forms, nothing above U+10FFFF).  N when all of it is valid. */
size_t vn_utf8_valid_prefix (const char *s, size_t n);

/* At an invalid position, the length (1..3) of the "maximal subpart" that
   Unicode (chapter 3, U+FFFD substitution) replaces with one U+FFFD. */
size_t vn_utf8_invalid_len (const char *s, size_t n);

/* Decode the valid character at S (N > 0 bytes available): its code point in
   *CP and its length, or 0 when the bytes there are not valid UTF-8. */
size_t vn_utf8_decode (const char *s, size_t n, uint32_t *cp);

/* Encode CP (a Unicode scalar value) into OUT; return its length 1..4. */
size_t vn_utf8_encode (uint32_t cp, char out[4]);

/* Number of characters in S[0..N), for columns in messages; each maximal
   invalid subpart counts as one, as the U+FFFD that replaces it would. */
size_t vn_utf8_count (const char *s, size_t n);

#endif
