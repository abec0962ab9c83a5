/* ngram.c -- the syllable and pair counts of data/ngrams.tsv, in two
   open-addressing hash tables built from the compiled-in arrays */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "ngram.h"
#include "ngram-table.h"

/* How much the smoothing trusts a first word's own pairs against the
   share of the second word in all text: as if each first word had been
   seen BACKOFF more times, followed by words in their usual shares. */
#define BACKOFF 100.0

struct pair_slot
{
  uint32_t key;         /* FIRST << 16 | SECOND; 0 is an empty slot */
  uint32_t value;
};

struct vn_ngram
{
  const char *word[NGRAM_WORDS + 1];    /* by number; [0] unused */
  uint16_t *word_slot;                  /* word hash: numbers, 0 empty */
  uint32_t word_mask;
  struct pair_slot *pair_slot;
  uint32_t pair_mask;
};

static struct vn_ngram model;
static int model_built;

/* FNV-1a: the words are short, and this mixes well enough for them. */
static uint32_t
hash_bytes (const char *s, size_t n)
{
  uint32_t h = UINT32_C (2166136261);
  size_t i;

  for (i = 0; i < n; i++)
    h = (h ^ (unsigned char) s[i]) * UINT32_C (16777619);
  return h;
}

static uint32_t
hash_key (uint32_t k)
{
  return (k * UINT32_C (0x9E3779B1)) ^ (k >> 15);
}

/* The least power of two that is at least twice N. */
static uint32_t
table_size (uint32_t n)
{
  uint32_t s = 1;

  while (s < 2 * n)
    s <<= 1;
  return s;
}

static void
build (void)
{
  struct vn_ngram *m = &model;
  const char *p = ngram_words;
  uint32_t i, size;

  size = table_size (NGRAM_WORDS);
  m->word_mask = size - 1;
  m->word_slot = vn_xcalloc (size, sizeof *m->word_slot);
  for (i = 1; i <= NGRAM_WORDS; i++)
    {
      size_t n = strlen (p);
      uint32_t h = hash_bytes (p, n) & m->word_mask;

      m->word[i] = p;
      while (m->word_slot[h])
        h = (h + 1) & m->word_mask;
      m->word_slot[h] = (uint16_t) i;
      p += n + 1;
    }
  size = table_size (NGRAM_PAIRS);
  m->pair_mask = size - 1;
  m->pair_slot = vn_xcalloc (size, sizeof *m->pair_slot);
  for (i = 0; i < NGRAM_PAIRS; i++)
    {
      uint32_t h = hash_key (ngram_pairs[i][0]) & m->pair_mask;

      while (m->pair_slot[h].key)
        h = (h + 1) & m->pair_mask;
      m->pair_slot[h].key = ngram_pairs[i][0];
      m->pair_slot[h].value = ngram_pairs[i][1];
    }
}

const struct vn_ngram *
vn_ngram_default (void)
{
  if (!model_built)
    {
      build ();
      model_built = 1;
    }
  return &model;
}

uint32_t
vn_ngram_id (const struct vn_ngram *m, const char *w, size_t n)
{
  uint32_t h = hash_bytes (w, n) & m->word_mask, id;

  while ((id = m->word_slot[h]) != 0)
    {
      const char *s = m->word[id];
      if (strncmp (s, w, n) == 0 && s[n] == '\0')
        return id;
      h = (h + 1) & m->word_mask;
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
  return id && id <= NGRAM_WORDS ? m->word[id] : "";
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

uint32_t
vn_ngram_pair (const struct vn_ngram *m, uint32_t a, uint32_t b)
{
  uint32_t key, h;

  if (!a || !b)
    return 0;
  key = a << 16 | b;
  h = hash_key (key) & m->pair_mask;
  for (;;)
    {
      const struct pair_slot *s = &m->pair_slot[h];
      if (s->key == key)
        return s->value;
      if (s->key == 0)
        return 0;
      h = (h + 1) & m->pair_mask;
    }
}

uint64_t
vn_ngram_total (const struct vn_ngram *m)
{
  (void) m;
  return NGRAM_TOTAL;
}

double
vn_ngram_logp (const struct vn_ngram *m, uint32_t a, uint32_t x)
{
  double px = (vn_ngram_count (m, x) + 0.5) / (double) NGRAM_TOTAL;
  uint32_t v;
  double pair;

  if (!a)
    return log10 (px);
  v = vn_ngram_pair (m, a, x);
  pair = (double) (v & 0xFFFF) + ((v & VN_NGRAM_DICT) ? 1.0 : 0.0);
  return log10 ((pair + BACKOFF * px) / (vn_ngram_count (m, a) + BACKOFF));
}
