/* tones.c -- the vn-tones fixer: tone marks on the vowel the chosen style
   puts them on (CLEAN-TEXT.md section 5) */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "fixer.h"
#include "scan.h"
#include "syllable.h"

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

/* Words that were found to need nothing, so that the next time they
   cost a lookup instead of a parse: news text repeats a few thousand words
   (của, người, được...) and parsing them is most of this filter's work.
   A word of up to 15 bytes is its key, zero-padded, with its length in the
   last byte; the table has sets of two slots, the word found last first,
   and a new word replaces the older one.  It changes only the speed, never
   the output. */
enum { SEEN_BITS = 13, SEEN_MAX = VN_WORD_KEY_MAX };
struct seen
{
  uint64_t lo, hi;
};

struct tones
{
  enum vn_tone_style style;
  struct seen seen[1 << SEEN_BITS];
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

/* Look at the word T[0..N) and propose what it needs.  Return 1 when it
   needs nothing and has nothing to report. */
static int
word (const struct tones *st, const char *t, size_t off, size_t n,
      struct vn_edits *out)
{
  struct vn_syllable syl, check;
  char fixed[VN_SYL_MAX * 4];
  size_t k;
  int want, other;

  if (!vn_syllable_parse (t + off, n, &syl) || syl.marks == 0)
    return 1;
  if (syl.mixed)
    {
      vn_edits_note (out, off, n, &rules[T190],
                     "'%.*s' has two different tone marks: left as is",
                     (int) n, t + off);
      return 0;
    }
  want = vn_syllable_tone_index (&syl, st->style);
  if (syl.marks == 1 && want == syl.tone_at)
    return 1;
  /* The rimes ooc, oong are loans and minority names (voọc, Sóong Cọ),
     spelled with the mark on either o in real text: leave them. */
  if (syl.marks == 1 && syl.letter[syl.onset_len] == 'o'
      && syl.onset_len + 1 < syl.n && syl.letter[syl.onset_len + 1] == 'o'
      && (size_t) syl.tone_at >= syl.onset_len
      && (size_t) syl.tone_at <= syl.onset_len + 1)
    return 1;
  k = vn_syllable_compose (&syl, st->style, fixed);
  /* Precision first: only a result that is a valid syllable is written. */
  if (!vn_syllable_parse (fixed, k, &check) || !check.valid
      || (k == n && memcmp (fixed, t + off, n) == 0))
    return 1;
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
  return 0;
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

/* Look at the words in T[FROM..TO) by the byte classes, and propose what
   they need.  Return 1 when none needs anything or has anything to
   report. */
static int
words (const struct tones *st, const char *t, size_t from, size_t to,
       struct vn_edits *out)
{
  const unsigned char *s = (const unsigned char *) t;
  size_t i = from, start;
  unsigned k, flags, vowels;
  int settled = 1;

  for (;;)
    {
      while (i < to && !(byte_class[s[i]] & WORD))
        i++;
      if (i == to)
        return settled;
      start = i;
      flags = vowels = 0;
      do
        {
          k = byte_class[s[i++]];
          flags |= k;
          vowels += (k & VOWEL) != 0;
        }
      while (i < to && (byte_class[s[i]] & (WORD | CONT)));
      /* Only a word with a combining mark, or with a marked letter and two
         vowels or more, can have its tone mark in the wrong place: with
         one vowel the mark has nowhere else to be. */
      if ((flags & COMB) || ((flags & MARKED) && vowels >= 2))
        settled &= word (st, t, start, i - start, out);
    }
}

/* Look at the token T[FROM..TO) of a line of LEN bytes, through the
   table of tokens seen before. */
static void
token (struct tones *st, const char *t, size_t from, size_t to, size_t len,
       struct vn_edits *out)
{
  const unsigned char *p = (const unsigned char *) t + from;
  size_t n = to - from;
  struct seen k, *slot;

  if (n > SEEN_MAX)
    {
      words (st, t, from, to, out);
      return;
    }
  slot = &st->seen[2 * vn_word_key (p, n, len - from, SEEN_BITS - 1, &k.lo,
                                     &k.hi)];
  if (slot[0].lo == k.lo && slot[0].hi == k.hi)
    return;
  if (slot[1].lo == k.lo && slot[1].hi == k.hi)
    {
      slot[1] = slot[0];
      slot[0] = k;
      return;
    }
  if (words (st, t, from, to, out))
    {
      slot[1] = slot[0];
      slot[0] = k;
    }
}

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
      struct vn_edits *out)
{
  struct tones *st = state;
  const unsigned char *t = (const unsigned char *) ln->text;
  const unsigned char *p = t, *end = t + ln->len, *start;
  uint64_t high;

  (void) doc;
  /* The line splits at ASCII that is no letter into tokens (words, with
     the quotes and dashes that UTF-8 writes in more than one byte still
     on them).  A token all ASCII has no mark to move; the others go
     through the table of tokens seen, and only new ones are split into
     words by the byte classes and parsed. */
  for (;;)
    {
      p = vn_token_start (p, end);
      if (p == end)
        return;
      start = p;
      p = vn_token_end (p, end, &high);
      if (high & VN_HIGH)
        token (st, ln->text, start - t, p - t, ln->len, out);
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
