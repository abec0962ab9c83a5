/* spell.c -- spelling candidates: the slips of Vietnamese writers (tone
   marks, hỏi/ngã, s/x, ch/tr, d/gi/r, l/n, a missing hat, breve or horn,
   n/ng and c/t finals, doubled letters, swapped letters) undone one at a
   time, each result kept when it is a known word */
#include <config.h>

#include <string.h>
#include "spell.h"
#include "syllable.h"
#include "utf8.h"

enum { MAXL = 8 };              /* letters: 7, and one typed twice */
#define DD 0x111                /* đ */

/* A word being built: its letters (lower case code points) and tone. */
struct form
{
  uint32_t l[MAXL + 1];
  size_t k;
  enum vn_tone tone;
};

struct gen
{
  const struct vn_ngram *m;
  struct form orig;
  struct vn_spell_cand *out;
  size_t n;
  uint32_t self;
};

/* Onsets that writers confuse, each group a set of spellings of sounds
   that many speakers merge, or that one slip of the finger turns into
   each other.  0x111 is đ. */
static const uint32_t onset_groups[][4][4] = {
  { {'s'}, {'x'} },
  { {'c', 'h'}, {'t', 'r'} },
  { {'d'}, {'g', 'i'}, {'r'}, {'v'} },
  { {'l'}, {'n'} },
  { {'d'}, {DD} },
  { {'c'}, {'k'}, {'q'} },
  { {'g'}, {'g', 'h'} },
  { {'n', 'g'}, {'n', 'g', 'h'} },
  { {'t'}, {'t', 'h'} },
  { {'t', 'r'}, {'t'} },
  { {'h'}, {'k', 'h'} },
  { {'c', 'h'}, {'c'} },
  { {'n', 'h'}, {'n'} },
  { {'p', 'h'}, {'p'} }
};

/* Finals that writers confuse (southern n/ng, c/t merge and the like). */
static const uint32_t final_pairs[][2][3] = {
  { {'n', 'g'}, {'n'} }, { {'c'}, {'t'} }, { {'n', 'h'}, {'n'} },
  { {'c', 'h'}, {'t'} }, { {'n', 'h'}, {'n', 'g'} }, { {'c', 'h'}, {'c'} },
  { {'m'}, {'n'} }, { {'p'}, {'t'} }, { {'i'}, {'y'} }, { {'u'}, {'o'} }
};

/* The vowels a hat, breve or horn (or its loss) turns each vowel into. */
static const uint32_t vowel_twins[][3] = {
  { 'a', 0x103, 0xE2 }, { 0x103, 'a', 0xE2 }, { 0xE2, 'a', 0x103 },
  { 'e', 0xEA }, { 0xEA, 'e' },
  { 'o', 0xF4, 0x1A1 }, { 0xF4, 'o', 0x1A1 }, { 0x1A1, 'o', 0xF4 },
  { 'u', 0x1B0 }, { 0x1B0, 'u' }
};

static const uint32_t alphabet[] = {
  'a', 0x103, 0xE2, 'b', 'c', 'd', DD, 'e', 0xEA, 'g', 'h', 'i', 'k', 'l',
  'm', 'n', 'o', 0xF4, 0x1A1, 'p', 'q', 'r', 's', 't', 'u', 0x1B0, 'v', 'x',
  'y'
};

static size_t
len0 (const uint32_t *s, size_t max)
{
  size_t i = 0;

  while (i < max && s[i])
    i++;
  return i;
}

static int
is_vowel (uint32_t c)
{
  switch (c)
    {
    case 'a': case 0x103: case 0xE2: case 'e': case 0xEA: case 'i':
    case 'o': case 0xF4: case 0x1A1: case 'u': case 0x1B0: case 'y':
      return 1;
    default:
      return 0;
    }
}

/* Whether A and B differ only in i for y at some places (sĩ, sỹ; lí, lý):
   variants both accepted, never a correction. */
static int
iy_variant (const struct form *a, const struct form *b)
{
  size_t i;
  int differ = 0;

  if (a->k != b->k || a->tone != b->tone)
    return 0;
  for (i = 0; i < a->k; i++)
    if (a->l[i] != b->l[i])
      {
        if (!((a->l[i] == 'i' && b->l[i] == 'y')
              || (a->l[i] == 'y' && b->l[i] == 'i')))
          return 0;
        differ = 1;
      }
  return differ;
}

/* Keep F as a candidate at COST when it is a known word. */
static void
try (struct gen *g, const struct form *f, int cost)
{
  char plain[MAXL * 4], word[VN_SYL_MAX * 4];
  struct vn_syllable syl;
  size_t i, len = 0;
  uint32_t id, count;

  if (f->k == 0 || f->k > 7 || iy_variant (f, &g->orig))
    return;
  for (i = 0; i < f->k; i++)
    len += vn_utf8_encode (f->l[i], plain + len);
  if (!vn_syllable_parse (plain, len, &syl))
    return;
  syl.tone = f->tone;
  syl.marks = f->tone != VN_TONE_NONE;
  len = vn_syllable_compose (&syl, VN_STYLE_OLD, word);
  if (!vn_syllable_parse (word, len, &syl) || !syl.valid)
    return;
  id = vn_ngram_id (g->m, word, len);
  if (!id || id == g->self)
    return;
  count = vn_ngram_count (g->m, id);
  if (count < 3 && !vn_ngram_known (g->m, id))
    return;
  for (i = 0; i < g->n; i++)
    if (g->out[i].id == id)
      {
        if (cost < g->out[i].cost)
          g->out[i].cost = cost;
        return;
      }
  if (g->n < VN_SPELL_MAX)
    {
      g->out[g->n].id = id;
      g->out[g->n].cost = cost;
      g->n++;
    }
}

/* F with each other tone: hỏi/ngã cheaply, the others at COST. */
static void
tones (struct gen *g, const struct form *f, int base, int cost)
{
  struct form t = *f;
  int v;

  for (v = VN_TONE_NONE; v <= VN_TONE_DOT; v++)
    {
      if ((enum vn_tone) v == f->tone)
        continue;
      t.tone = (enum vn_tone) v;
      try (g, &t, base + ((v == VN_TONE_HOOK && f->tone == VN_TONE_TILDE)
                          || (v == VN_TONE_TILDE && f->tone == VN_TONE_HOOK)
                          ? VN_SPELL_HOI_NGA : cost));
    }
}

/* F with a hat, breve or horn added to, taken from or changed on one
   vowel after the onset (ON letters); with TONES, also with each other
   tone (a slip of the finger on the same key often loses both). */
static void
hats (struct gen *g, const struct form *f, size_t on, int with_tones)
{
  struct form t;
  size_t i, a, j;

  for (i = on; i < f->k; i++)
    for (a = 0; a < sizeof vowel_twins / sizeof vowel_twins[0]; a++)
      if (vowel_twins[a][0] == f->l[i])
        for (j = 1; j < 3 && vowel_twins[a][j]; j++)
          {
            t = *f;
            t.l[i] = vowel_twins[a][j];
            try (g, &t, VN_SPELL_HAT);
            if (with_tones)
              tones (g, &t, VN_SPELL_HAT, VN_SPELL_TONE);
          }
}

/* F with LEN letters from AT replaced by the letters REPL[0..RLEN). */
static int
splice (const struct form *f, size_t at, size_t len, const uint32_t *repl,
        size_t rlen, struct form *out)
{
  if (f->k - len + rlen > MAXL || at + len > f->k)
    return 0;
  *out = *f;
  if (rlen)
    memcpy (out->l + at, repl, rlen * sizeof *repl);
  memcpy (out->l + at + rlen, f->l + at + len,
          (f->k - at - len) * sizeof *f->l);
  out->k = f->k - len + rlen;
  return 1;
}

/* The onset of F: its letters before the first vowel, except that gi and
   qu keep their i and u when another vowel follows (giữa, quốc). */
static size_t
onset_len (const struct form *f)
{
  size_t i = 0;

  while (i < f->k && !is_vowel (f->l[i]))
    i++;
  if (i < f->k && i + 1 < f->k && is_vowel (f->l[i + 1])
      && ((i == 1 && f->l[0] == 'g' && f->l[1] == 'i')
          || (i == 1 && f->l[0] == 'q' && f->l[1] == 'u')))
    i++;
  return i;
}

size_t
vn_spell_candidates (const struct vn_ngram *m, const char *w, size_t n,
                     int flags, struct vn_spell_cand *out)
{
  struct gen g;
  struct form *f = &g.orig, t;
  unsigned upper;
  size_t i, j, on, a;

  g.m = m;
  g.out = out;
  g.n = 0;
  memset (f, 0, sizeof *f);
  f->k = vn_syllable_letters (w, n, f->l, &upper, &f->tone);
  if (f->k == 0)
    return 0;
  g.self = vn_ngram_id (m, w, n);
  on = onset_len (f);

  if (flags & VN_SPELL_DOUBLES)
    {
      for (i = 0; i + 1 < f->k; i++)
        if (f->l[i] == f->l[i + 1] && splice (f, i, 1, NULL, 0, &t))
          try (&g, &t, VN_SPELL_DOUBLED);
      hats (&g, f, on, 0);
      return g.n;
    }

  /* The tone alone. */
  tones (&g, f, 0, VN_SPELL_TONE);
  if (flags & VN_SPELL_TONES)
    return g.n;

  /* The onset, with the tone as it is or another. */
  for (i = 0; i < sizeof onset_groups / sizeof onset_groups[0]; i++)
    for (a = 0; a < 4 && onset_groups[i][a][0]; a++)
      {
        const uint32_t *from = onset_groups[i][a];
        size_t flen = len0 (from, 4);
        if (flen != on || memcmp (f->l, from, flen * sizeof *from))
          continue;
        for (j = 0; j < 4 && onset_groups[i][j][0]; j++)
          if (j != a && splice (f, 0, flen, onset_groups[i][j],
                                len0 (onset_groups[i][j], 4), &t))
            {
              try (&g, &t, VN_SPELL_ONSET);
              tones (&g, &t, VN_SPELL_ONSET, VN_SPELL_TONE);
            }
      }

  hats (&g, f, on, 1);

  /* The final. */
  for (i = 0; i < sizeof final_pairs / sizeof final_pairs[0]; i++)
    for (a = 0; a < 2; a++)
      {
        const uint32_t *from = final_pairs[i][a], *to = final_pairs[i][!a];
        size_t flen = len0 (from, 3);
        if (flen >= f->k - on
            || memcmp (f->l + f->k - flen, from, flen * sizeof *from))
          continue;
        if (splice (f, f->k - flen, flen, to, len0 (to, 3), &t))
          try (&g, &t, VN_SPELL_FINAL);
      }

  /* A letter typed twice; two letters swapped. */
  for (i = 0; i + 1 < f->k; i++)
    {
      if (f->l[i] == f->l[i + 1] && splice (f, i, 1, NULL, 0, &t))
        try (&g, &t, VN_SPELL_DOUBLED);
      t = *f;
      t.l[i] = f->l[i + 1];
      t.l[i + 1] = f->l[i];
      if (t.l[i] != t.l[i + 1])
        try (&g, &t, VN_SPELL_SWAP);
    }

  /* Any one letter, for a word that is no syllable at all. */
  if (flags & VN_SPELL_WIDE)
    for (i = 0; i <= f->k; i++)
      {
        if (i < f->k && splice (f, i, 1, NULL, 0, &t))
          try (&g, &t, VN_SPELL_OTHER);
        for (j = 0; j < sizeof alphabet / sizeof alphabet[0]; j++)
          {
            if (splice (f, i, 0, &alphabet[j], 1, &t))
              try (&g, &t, VN_SPELL_OTHER);
            if (i < f->k && alphabet[j] != f->l[i]
                && splice (f, i, 1, &alphabet[j], 1, &t))
              try (&g, &t, VN_SPELL_OTHER);
          }
      }
  return g.n;
}

int
vn_spell_iy_variant (const struct vn_ngram *m, const char *w, size_t n)
{
  struct gen g;
  struct form *f = &g.orig, t;
  unsigned upper;
  size_t i;

  g.m = m;
  g.out = NULL;
  memset (f, 0, sizeof *f);
  f->k = vn_syllable_letters (w, n, f->l, &upper, &f->tone);
  for (i = 0; i < f->k; i++)
    if (f->l[i] == 'i' || f->l[i] == 'y')
      {
        char plain[MAXL * 4], word[VN_SYL_MAX * 4];
        struct vn_syllable syl;
        size_t j, len = 0;
        uint32_t id;

        t = *f;
        t.l[i] = f->l[i] == 'i' ? 'y' : 'i';
        for (j = 0; j < t.k; j++)
          len += vn_utf8_encode (t.l[j], plain + len);
        if (!vn_syllable_parse (plain, len, &syl))
          continue;
        syl.tone = t.tone;
        syl.marks = t.tone != VN_TONE_NONE;
        len = vn_syllable_compose (&syl, VN_STYLE_OLD, word);
        id = vn_ngram_id (m, word, len);
        if (id && (vn_ngram_known (m, id) || vn_ngram_count (m, id) >= 3))
          return 1;
      }
  return 0;
}
