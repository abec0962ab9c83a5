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

/* Can the code point CP be part of a word?  Latin letters with their
   marks, and the Greek and Cyrillic blocks so that a word in those scripts
   stays one word (and is then no syllable).  Digits and punctuation end a
   word: "H5N1" is no word to rewrite. */
static int
word_char (uint32_t cp)
{
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
    || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
    || (cp >= 0x300 && cp <= 0x36F)     /* combining marks (NFD text) */
    || (cp >= 0x370 && cp <= 0x52F)     /* Greek, Cyrillic */
    || (cp >= 0x1E00 && cp <= 0x1EFF);  /* Latin Extended Additional */
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

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
      struct vn_edits *out)
{
  const struct tones *st = state;
  const char *t = ln->text;
  size_t n = ln->len, i = 0, start = 0;
  int in_word = 0, ascii = 1;

  (void) doc;
  while (i < n)
    {
      unsigned char c = (unsigned char) t[i];
      uint32_t cp;
      size_t k = 1;
      int wc;

      if (c < 0x80)
        wc = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      else
        {
          k = vn_utf8_decode (t + i, n - i, &cp);
          /* Bytes kept by --invalid=keep end a word. */
          wc = k && word_char (cp);
          if (!k)
            k = 1;
        }
      if (wc && !in_word)
        {
          in_word = 1;
          start = i;
          ascii = 1;
        }
      else if (!wc && in_word)
        {
          in_word = 0;
          /* A word of ASCII letters has no tone mark to move. */
          if (!ascii)
            word (st, t, start, i - start, out);
        }
      if (wc && c >= 0x80)
        ascii = 0;
      i += k;
    }
  if (in_word && !ascii)
    word (st, t, start, n - start, out);
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
