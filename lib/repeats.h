/* repeats.h -- the word data of vn-repeats: what the dictionaries and the
   news corpus say of a pair of Vietnamese syllables */
#ifndef VN_REPEATS_H
#define VN_REPEATS_H

#include <stddef.h>
#include "syllable.h"

/* What the data say of a pair of syllables X Y (data/SOURCES.md); the
   values are the bits lib/gen-repeat-table.awk writes. */
enum
{
  VN_PAIR_WORD = 1,             /* X Y is a word (data/compounds.txt) */
  VN_PAIR_BEGINS = 2,           /* a longer word begins with X Y */
  VN_PAIR_ENDS = 4,             /* a longer word ends with X Y */
  VN_PAIR_PHRASE = 8,           /* X often begins a phrase before Y
                                   (data/phrase-starts.txt) */
  VN_PAIR_DOUBLE = 16,          /* X X, Y being X, is reduplication
                                   (data/reduplicatives.txt) */
  VN_PAIR_PHRASE2 = 32          /* X Y X Y is reduplication (same file) */
};

/* How a word is written. */
enum vn_casing
{
  VN_CASE_LOWER,                /* như */
  VN_CASE_TITLE,                /* Như: the first letter only */
  VN_CASE_OTHER                 /* NHƯ, nhƯ */
};

/* Room for a key. */
#define VN_KEY_MAX (VN_SYL_MAX * 4)

/* The key of the word W[0..N): the syllable in lower case, NFC, with its
   tone mark in the old style (so "Hoà", "hòa" and a decomposed "hòa" have
   the same key), written to KEY (VN_KEY_MAX bytes).  Return its length, or
   0 when W is no Vietnamese syllable.  *CASING, unless CASING is NULL,
   says how W was written. */
size_t vn_syllable_key (const char *w, size_t n, char *key,
                        enum vn_casing *casing);

/* The VN_PAIR_ flags of the pair of keys A[0..AN) B[0..BN), 0 for a pair
   the data do not name. */
unsigned vn_pair_flags (const char *a, size_t an, const char *b, size_t bn);

/* The fast test of the line scan (exposed for the unit test): whether the
   words A[0..AN) and B[0..BN) are the same bytes but for the case of the
   first letter.  Words spelt otherwise (NFD against NFC, two tone styles)
   are not alike: the filters that run before vn-repeats make them so. */
int vn_repeats_alike (const char *a, size_t an, const char *b, size_t bn);

#endif
