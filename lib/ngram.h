/* ngram.h -- the syllable and pair counts vn-typos judges words by: how
   often each word and each pair of words occurs in clean Vietnamese news
   (data/ngrams.tsv, compiled in) */
#ifndef VN_NGRAM_H
#define VN_NGRAM_H

#include <stddef.h>
#include <stdint.h>

/* What the table knows of a pair: its count, and whether a dictionary
   lists it as a word. */
#define VN_NGRAM_DICT UINT32_C (0x80000000)

struct vn_ngram;

/* The compiled-in table (its hash tables laid out at build time: nothing
   to build, free or lock; the same table for every caller). */
const struct vn_ngram *vn_ngram_default (void);

/* The number (from 1) of the word W[0..N), which must be lower case, NFC
   and in the old tone style; 0 when the table does not have it. */
uint32_t vn_ngram_id (const struct vn_ngram *m, const char *w, size_t n);

/* How many words the table has (numbered 1 to that). */
uint32_t vn_ngram_size (const struct vn_ngram *m);

/* The word numbered ID (NUL-ended), its count, and whether a syllable list
   names it a real syllable (however rare in the text counted). */
const char *vn_ngram_word (const struct vn_ngram *m, uint32_t id);
uint32_t vn_ngram_count (const struct vn_ngram *m, uint32_t id);
int vn_ngram_known (const struct vn_ngram *m, uint32_t id);

/* The count of the pair A B (0 when unseen or either is 0; at most
   32,767), with VN_NGRAM_DICT or'ed in for a dictionary word. */
uint32_t vn_ngram_pair (const struct vn_ngram *m, uint32_t a, uint32_t b);

/* Whether the pair A B was seen at all (or is a dictionary word): the
   same as vn_ngram_pair != 0, and cheaper. */
int vn_ngram_seen (const struct vn_ngram *m, uint32_t a, uint32_t b);

/* Start bringing the slot of the pair A B into the cache, for a
   vn_ngram_pair a little later (a line's pairs are looked up after all
   its words are read, so that their cache misses overlap). */
void vn_ngram_prefetch (const struct vn_ngram *m, uint32_t a, uint32_t b);

/* Words counted in all. */
uint64_t vn_ngram_total (const struct vn_ngram *m);

/* log10 P(X | A), smoothed: the pair count (one more for a dictionary
   pair) interpolated with X's share of all words; A = 0 gives log10 P(X)
   alone.  X may be 0 (a word never seen: half a count). */
double vn_ngram_logp (const struct vn_ngram *m, uint32_t a, uint32_t x);

/* The same with V, the vn_ngram_pair of A and X, looked up already. */
double vn_ngram_logp_with (const struct vn_ngram *m, uint32_t a, uint32_t x,
                           uint32_t v);

#endif
