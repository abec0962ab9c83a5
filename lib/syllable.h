/* syllable.h -- the Vietnamese syllable: parse a word into onset, rime and
   tone, say whether it is phonotactically valid, and write it back with the
   tone mark where the old or the new style puts it */
#ifndef VN_SYLLABLE_H
#define VN_SYLLABLE_H

#include <stddef.h>
#include <stdint.h>

/* The six tones, by the mark that writes them. */
enum vn_tone
{
  VN_TONE_NONE,         /* ngang: no mark */
  VN_TONE_GRAVE,        /* huyền: à */
  VN_TONE_ACUTE,        /* sắc: á */
  VN_TONE_HOOK,         /* hỏi: ả */
  VN_TONE_TILDE,        /* ngã: ã */
  VN_TONE_DOT           /* nặng: ạ */
};

/* Where a tone mark goes in the rimes oa, oe, uy (and only there, without
   a final consonant): old "hòa, khỏe, thủy", new "hoà, khoẻ, thuỷ". */
enum vn_tone_style
{
  VN_STYLE_OLD,         /* dấu cũ: what Vietnamese news uses, the default */
  VN_STYLE_NEW          /* dấu mới */
};

/* Letters in a syllable: the longest real ones have 7 (nghiêng). */
#define VN_SYL_MAX 10

/* A parsed syllable.  LETTER[] holds each letter without its tone mark but
   with its other diacritics, lower case, as a code point (a ă â b c d đ e ê
   g h i k l m n o ô ơ p q r s t u ư v x y); UPPER[] says which letters were
   upper case.  The letters are ONSET_LEN of onset (the u of qu and the i of
   gi included), then the rime: an optional glide (the o or u of oa, oe, uy,
   uê, uâ, uơ...), the vowel nucleus, and CODA_LEN letters of final (c ch m
   n ng nh p t, or the semivowel i y o u). */
struct vn_syllable
{
  uint32_t letter[VN_SYL_MAX];
  unsigned char upper[VN_SYL_MAX];
  size_t n;                     /* letters */
  size_t onset_len;
  size_t coda_len;
  enum vn_tone tone;
  int tone_at;                  /* the letter that carried the mark in the
                                   input, or -1 for none */
  int marks;                    /* tone marks seen: 2 or more means doubled */
  int mixed;                    /* two or more marks of different tones (then
                                   TONE is the first one's, and which was
                                   meant cannot be known) */
  int valid;                    /* onset, rime, tone and spelling all fit,
                                   with at most one mark, wherever it is */
};

/* Parse the word W[0..N) (UTF-8, precomposed or decomposed, any case).
   Return 1 and fill *SYL when it is made only of Vietnamese letters (with
   at most their marks) and splits into an onset and a known rime: a
   Vietnamese syllable, perhaps with its mark misplaced or doubled (SYL->valid
   then says whether everything else fits).  Return 0 for anything else,
   which must never be rewritten: English and other foreign words, letters
   f j w z, digits, acronyms that are no syllable (HĐND, TPHCM), mixed case
   such as iPhone. */
int vn_syllable_parse (const char *w, size_t n, struct vn_syllable *syl);

/* Decode the word W[0..N) into its letters, as vn_syllable_parse does but
   without asking for an onset and a rime: LETTERS[] (at least 7) gets each
   letter lower case without its tone, *UPPER a bit for each upper-case
   one, *TONE the tone.  Return the number of letters, or 0 when W has
   anything but Vietnamese letters and their marks, more than 7 letters or
   two different tone marks.  Spelling correction starts from these. */
size_t vn_syllable_letters (const char *w, size_t n, uint32_t *letters,
                            unsigned *upper, enum vn_tone *tone);

/* The letter that carries the tone mark in STYLE (-1 for VN_TONE_NONE). */
int vn_syllable_tone_index (const struct vn_syllable *syl,
                            enum vn_tone_style style);

/* Write SYL as NFC UTF-8 into OUT (at least VN_SYL_MAX * 4 bytes), its one
   tone mark on the letter STYLE puts it on, each letter in its parsed case.
   Return the length. */
size_t vn_syllable_compose (const struct vn_syllable *syl,
                            enum vn_tone_style style, char *out);

#endif
