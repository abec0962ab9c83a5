/* tones.c -- the vn-tones fixer: tone marks on the vowel the chosen style
   puts them on (CLEAN-TEXT.md section 5) */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "fixer.h"
#include "syllable.h"
#include "utf8.h"

static const struct vn_rule rules[] = {
  {"T101", "tone mark placed in the chosen style (hoà -> hòa)"},
  {"T102", "misplaced tone mark moved (lựơng -> lượng)"},
  {"T103", "doubled tone mark removed"},
  {"T190", "two different tone marks in one syllable, left as is"},
  {NULL, NULL}
};
enum { T101, T102, T103, T190 };

static const struct vn_fixer_option options[] = {
  {"style", 1, "STYLE",
   "where oa, oe, uy without a final take the mark: old (hòa, khỏe, thủy; "
   "the default, as Vietnamese news writes) or new (hoà, khoẻ, thuỷ)"},
  {NULL, 0, NULL, NULL}
};

struct tones
{
  enum vn_tone_style style;
};

static void *
create (void)
{
  struct tones *st = vn_xcalloc (1, sizeof *st);
  st->style = VN_STYLE_OLD;
  return st;
}

static int
set_option (void *state, const char *name, const char *arg)
{
  struct tones *st = state;

  if (strcmp (name, "style"))
    return -1;
  if (!strcmp (arg, "old"))
    st->style = VN_STYLE_OLD;
  else if (!strcmp (arg, "new"))
    st->style = VN_STYLE_NEW;
  else
    {
      vn_error (0, 0, "invalid argument '%s' for --style (valid: old, new)",
                arg);
      return -1;
    }
  return 0;
}

/* Look at the word T[0..N) and propose what it needs. */
static void
word (const struct tones *st, const char *t, size_t off, size_t n,
      struct vn_edits *out)
{
  struct vn_syllable syl, check;
  char fixed[VN_SYL_MAX * 4];
  size_t k;
  int want, other;

  if (!vn_syllable_parse (t + off, n, &syl) || syl.marks == 0)
    return;
  if (syl.mixed)
    {
      vn_edits_note (out, off, n, &rules[T190],
                     "'%.*s' has two different tone marks: left as is",
                     (int) n, t + off);
      return;
    }
  want = vn_syllable_tone_index (&syl, st->style);
  if (syl.marks == 1 && want == syl.tone_at)
    return;
  /* The rimes ooc, oong are loans and minority names (voọc, Sóong Cọ),
     spelled with the mark on either o in real text: leave them. */
  if (syl.marks == 1 && syl.letter[syl.onset_len] == 'o'
      && syl.onset_len + 1 < syl.n && syl.letter[syl.onset_len + 1] == 'o'
      && (size_t) syl.tone_at >= syl.onset_len
      && (size_t) syl.tone_at <= syl.onset_len + 1)
    return;
  k = vn_syllable_compose (&syl, st->style, fixed);
  /* Precision first: only a result that is a valid syllable is written. */
  if (!vn_syllable_parse (fixed, k, &check) || !check.valid
      || (k == n && memcmp (fixed, t + off, n) == 0))
    return;
  other = vn_syllable_tone_index (&syl, st->style == VN_STYLE_OLD
                                  ? VN_STYLE_NEW : VN_STYLE_OLD);
  if (syl.marks > 1)
    vn_edits_add (out, off, n, fixed, k, &rules[T103],
                  "doubled tone mark: '%.*s' -> '%.*s'", (int) n, t + off,
                  (int) k, fixed);
  else if (other == syl.tone_at)
    vn_edits_add (out, off, n, fixed, k, &rules[T101],
                  "'%.*s' in the %s style: '%.*s'", (int) n, t + off,
                  st->style == VN_STYLE_OLD ? "old" : "new", (int) k, fixed);
  else
    vn_edits_add (out, off, n, fixed, k, &rules[T102],
                  "misplaced tone mark: '%.*s' -> '%.*s'", (int) n, t + off,
                  (int) k, fixed);
}

/* Byte classes for the word scan.  A UTF-8 lead byte says enough: Latin
   letters with marks are C3..C9 (U+00C0..U+027F), combining marks CC CD,
   Greek and Cyrillic CE..D4 (kept in a word so that it fails to parse),
   Latin Extended Additional E1 (ạ..ỹ); C2 (« ° no-break space) and E2
   (“ ” – …) are punctuation.  Continuation bytes go with their lead. */
enum
{
  WORD = 1,             /* part of a word */
  VOWEL = 2,            /* maybe a vowel letter (any marked Latin letter
                           counts: đ too, which only costs a parse) */
  MARKED = 4,           /* a non-ASCII letter: the word may carry a mark */
  COMB = 8,             /* a combining mark: NFD text */
  CONT = 16             /* a continuation byte */
};

static unsigned char byte_class[256];

/* Filled before main, like the UTF-8 automaton. */
__attribute__ ((constructor)) static void
byte_class_init (void)
{
  int c;

  for (c = 'a'; c <= 'z'; c++)
    byte_class[c] = byte_class[c - 'a' + 'A'] = WORD;
  for (c = 0; c < 6; c++)
    {
      byte_class[(unsigned char) "aeiouy"[c]] |= VOWEL;
      byte_class[(unsigned char) "AEIOUY"[c]] |= VOWEL;
    }
  for (c = 0x80; c <= 0xBF; c++)
    byte_class[c] = CONT;
  for (c = 0xC3; c <= 0xC9; c++)
    byte_class[c] = WORD | VOWEL | MARKED;
  byte_class[0xCC] = byte_class[0xCD] = WORD | COMB;
  for (c = 0xCE; c <= 0xD4; c++)
    byte_class[c] = WORD;
  byte_class[0xE1] = WORD | VOWEL | MARKED;
}

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
      struct vn_edits *out)
{
  const struct tones *st = state;
  const unsigned char *t = (const unsigned char *) ln->text;
  size_t n = ln->len, i, start = 0;
  int in_word = 0, vowels = 0, flags = 0;

  (void) doc;
  for (i = 0; i <= n; i++)
    {
      unsigned k = i < n ? byte_class[t[i]] : 0;

      if (k & CONT)
        continue;
      if (k & WORD)
        {
          if (!in_word)
            {
              in_word = 1;
              start = i;
              vowels = flags = 0;
            }
          vowels += (k & VOWEL) != 0;
          flags |= k;
        }
      else if (in_word)
        {
          in_word = 0;
          /* Only a word with a combining mark, or with a marked letter and
             two vowels or more, can have its tone mark in the wrong place:
             with one vowel the mark has nowhere else to be. */
          if ((flags & COMB) || ((flags & MARKED) && vowels >= 2))
            word (st, ln->text, start, i - start, out);
        }
    }
}

static void
destroy (void *state)
{
  free (state);
}

const struct vn_fixer vn_fixer_tones = {
  .name = "tones",
  .filter = "vn-tones",
  .summary = "tone marks on the right vowel, in the old (default) or new "
    "style",
  .rules = rules,
  .options = options,
  .create = create,
  .destroy = destroy,
  .set_option = set_option,
  .line = line,
};
