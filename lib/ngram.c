/* ngram.c -- the syllable and pair counts of data/ngrams.tsv, looked up in
   the hash tables that lib/gen-ngram-table lays out at build time (so a
   filter starts with nothing to build: the pages it needs are read in as
   it touches them) */
#include <config.h>

#include <math.h>
#include <string.h>
#include "ngram.h"
#include "ngram-hash.h"
#include "ngram-table.h"

/* How much the smoothing trusts a first word's own pairs against the
   share of the second word in all text: as if each first word had been
   seen BACKOFF more times, followed by words in their usual shares. */
#define BACKOFF 100.0

/* One table, compiled in; the struct is only a handle, so that another
   table (read from a file, say) could stand behind the same calls. */
struct vn_ngram
{
  int unused;
};

static const struct vn_ngram model;

const struct vn_ngram *
vn_ngram_default (void)
{
  return &model;
}

uint32_t
vn_ngram_id (const struct vn_ngram *m, const char *w, size_t n)
{
  uint32_t h = vn_ngram_hash_word (w, n) & (NGRAM_WORD_SLOTS - 1), id;

  (void) m;
  while ((id = ngram_word_slot[h]) != 0)
    {
      const char *s = ngram_words + ngram_word_at[id];
      if (strncmp (s, w, n) == 0 && s[n] == '\0')
        return id;
      h = (h + 1) & (NGRAM_WORD_SLOTS - 1);
    }
  return 0;
}

uint32_t
vn_ngram_size (const struct vn_ngram *m)
{
  (void) m;
  return NGRAM_WORDS;
}

const char *
vn_ngram_word (const struct vn_ngram *m, uint32_t id)
{
  (void) m;
  return id && id <= NGRAM_WORDS ? ngram_words + ngram_word_at[id] : "";
}

uint32_t
vn_ngram_count (const struct vn_ngram *m, uint32_t id)
{
  (void) m;
  return id && id <= NGRAM_WORDS ? ngram_word_counts[id - 1] & 0x7FFFFFFF : 0;
}

int
vn_ngram_known (const struct vn_ngram *m, uint32_t id)
{
  (void) m;
  return id && id <= NGRAM_WORDS && (ngram_word_counts[id - 1] >> 31);
}

/* The slot of the pair A B, or -1. */
static inline int32_t
pair_slot (uint32_t a, uint32_t b)
{
  uint32_t key, h;

  if (!a || !b || a > NGRAM_WORDS || b > NGRAM_WORDS)
    return -1;
  key = a << 16 | b;
  for (h = vn_ngram_hash_pair (key) & (NGRAM_PAIR_SLOTS - 1);;
       h = (h + 1) & (NGRAM_PAIR_SLOTS - 1))
    {
      if (ngram_pair_key[h] == key)
        return (int32_t) h;
      if (ngram_pair_key[h] == 0)
        return -1;
    }
}

uint32_t
vn_ngram_pair (const struct vn_ngram *m, uint32_t a, uint32_t b)
{
  int32_t h = pair_slot (a, b);
  uint32_t v;

  (void) m;
  if (h < 0)
    return 0;
  v = ngram_pair_value[h];
  return (v & 0x7FFF) | (v & 0x8000 ? VN_NGRAM_DICT : 0);
}

int
vn_ngram_seen (const struct vn_ngram *m, uint32_t a, uint32_t b)
{
  (void) m;
  return pair_slot (a, b) >= 0;
}

void
vn_ngram_prefetch (const struct vn_ngram *m, uint32_t a, uint32_t b)
{
  (void) m;
  if (a && b)
    __builtin_prefetch (&ngram_pair_key[vn_ngram_hash_pair (a << 16 | b)
                                        & (NGRAM_PAIR_SLOTS - 1)]);
}

uint64_t
vn_ngram_total (const struct vn_ngram *m)
{
  (void) m;
  return NGRAM_TOTAL;
}

double
vn_ngram_logp_with (const struct vn_ngram *m, uint32_t a, uint32_t x,
                    uint32_t v)
{
  double px = (vn_ngram_count (m, x) + 0.5) / (double) NGRAM_TOTAL;
  double pair;

  if (!a)
    return log10 (px);
  pair = (double) (v & 0xFFFF) + ((v & VN_NGRAM_DICT) ? 1.0 : 0.0);
  return log10 ((pair + BACKOFF * px) / (vn_ngram_count (m, a) + BACKOFF));
}

double
vn_ngram_logp (const struct vn_ngram *m, uint32_t a, uint32_t x)
{
  return vn_ngram_logp_with (m, a, x, vn_ngram_pair (m, a, x));
}
