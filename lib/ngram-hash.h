/* ngram-hash.h -- the two hash functions of the n-gram tables, shared by
   lib/gen-ngram-table.c, which lays the tables out at build time, and
   lib/ngram.c, which looks words and pairs up in them */
#ifndef VN_NGRAM_HASH_H
#define VN_NGRAM_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over the bytes of a word: words are short, and this mixes well
   enough for them. */
static inline uint32_t
vn_ngram_hash_word (const char *s, size_t n)
{
  uint32_t h = UINT32_C (2166136261);
  size_t i;

  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char) s[i]) * UINT32_C (16777619);
  return h;
}

/* A pair key FIRST << 16 | SECOND, mixed (Fibonacci hashing, high bits
   folded down). */
static inline uint32_t
vn_ngram_hash_pair (uint32_t k)
{
  uint32_t h = k * UINT32_C (0x9E3779B1);
  return h ^ (h >> 16);
}

#endif
