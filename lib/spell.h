/* spell.h -- spelling candidates for a Vietnamese word: the words that the
   slips writers really make would have turned into it */
#ifndef VN_SPELL_H
#define VN_SPELL_H

#include <stddef.h>
#include <stdint.h>
#include "ngram.h"

/* A candidate: a word of the n-gram table, and what the slip from it
   costs, in tenths of a power of ten (10: one in ten such words would be
   typed so; the smaller the likelier). */
struct vn_spell_cand
{
  uint32_t id;
  int cost;
};

enum
{
  VN_SPELL_MAX = 64,    /* candidates kept at most */
  /* Costs of the slips. */
  VN_SPELL_HOI_NGA = 10,        /* hỏi for ngã or back: sẳn, hửu */
  VN_SPELL_DOUBLED = 10,        /* a letter typed twice: thươngg */
  VN_SPELL_TONE = 15,           /* another tone: trưc, xêp */
  VN_SPELL_ONSET = 15,          /* s/x, ch/tr, d/gi/r, l/n, d/đ...: xứ lý */
  VN_SPELL_HAT = 15,            /* a hat, breve or horn added or lost */
  VN_SPELL_FINAL = 20,          /* n/ng, c/t, ch/t, nh/n...: chiêng */
  VN_SPELL_SWAP = 20,           /* two letters in the wrong order: xúât */
  VN_SPELL_TWO = 30,            /* two slips: a letter and the tone */
  VN_SPELL_OTHER = 30           /* any letter added, dropped or replaced
                                   (only with VN_SPELL_WIDE) */
};

/* Flags of vn_spell_candidates. */
enum
{
  VN_SPELL_WIDE = 1,    /* also any one letter added, dropped or replaced:
                           for a word that is no Vietnamese syllable */
  VN_SPELL_DOUBLES = 2, /* only a letter typed twice undone, or a hat,
                           breve or horn added or lost (thươngg, đựoc) */
  VN_SPELL_TONES = 4    /* only another tone */
};

/* Fill OUT (VN_SPELL_MAX entries) with the known words (count of 3 or
   more, or a real syllable of the syllable list) one slip away from the
   word W[0..N) (lower case, NFC, old tone style; it may be no syllable at
   all, as in thươngg), each once at its lowest cost; never W itself nor a
   spelling variant of it that differs only in i for y (sĩ, sỹ).  Return
   how many. */
size_t vn_spell_candidates (const struct vn_ngram *m, const char *w,
                            size_t n, int flags, struct vn_spell_cand *out);

/* Whether the word W[0..N) (lower case, NFC, old style) is a known word
   with one i written y or one y written i (lỳ for lì, sỹ for sĩ): an
   accepted variant, not a misspelling. */
int vn_spell_iy_variant (const struct vn_ngram *m, const char *w, size_t n);

#endif
