/* typos.c -- the vn-typos fixer: misspelled syllables, listed misspellings,
   real words the context rejects, stray capitals (CLEAN-TEXT.md section 5) */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "fixer.h"
#include "ngram.h"
#include "ngram-hash.h"
#include "scan.h"
#include "spell.h"
#include "syllable.h"
#include "utf8.h"
#include "typo-list.h"

static const struct vn_rule rules[] = {
  {"Y101", "no such syllable: corrected as the context shows (trưc tiếp -> "
   "trực tiếp)"},
  {"Y102", "listed misspelling fixed (data/typos.tsv or --typos: nổ lực -> "
   "nỗ lực)"},
  {"Y103", "real word the context rejects: corrected (hó khăn -> khó "
   "khăn)"},
  {"Y104", "stray capital inside a word lowered (khaI -> khai)"},
  {"Y190", "note: no such syllable, and no sure correction: left as is"},
  {"Y191", "note: word the context doubts, left as is"},
  {NULL, NULL}
};
enum { Y101, Y102, Y103, Y104, Y190, Y191 };

static const struct vn_fixer_option options[] = {
  {"typos", 1, "FILE",
   "also fix the misspellings listed in FILE (one a line: WRONG<TAB>RIGHT, "
   "and optionally <TAB>CONDITIONS such as 'not-before:số,danh "
   "not-after:tìm'; the format of data/typos.tsv); may be repeated"},
  {"no-list", 0, NULL, "do not use the built-in list of misspellings"},
  {"no-context", 0, NULL,
   "fix listed misspellings and stray capitals only: no correction by "
   "the n-gram model (Y101, Y103)"},
  {NULL, 0, NULL, NULL}
};

/* The decisions, in powers of ten of likelihood: a word's score is
   log10 P(word | left) + log10 P(right | word) from the n-gram table, less
   the cost of the slip for a candidate (lib/spell.h).  Set on text the
   table was not counted from (README.md: "vn-typos: how it decides").
   - A real word is replaced when no pair with either neighbour was ever
     seen, the best candidate scores REAL_FIX more (REAL_RARE more for a
     word seen fewer than RARE times; ONE_SIDE more again with a neighbour
     on one side only), and the candidate was seen SUPPORT times or more
     next to a neighbour; REAL_NOTE more only makes a note (Y191).
   - A word that is no syllable is replaced when the best candidate scores
     NON_FIX more than the next one and was seen next to a neighbour, or,
     for a slip of the common kinds, NON_ALONE more without that. */
#define REAL_FIX 5.0
#define REAL_RARE 4.5
#define ONE_SIDE 1.0
#define REAL_NOTE 3.0
#define NON_FIX 1.0
#define NON_ALONE 3.0
enum { SUPPORT = 5 };

/* A real word seen fewer times than this in the counted text is rare
   (known from a dictionary or seen a few times): less evidence replaces it. */
enum { RARE = 5 };

/* What a word is, as far as its own bytes tell. */
enum kind
{
  K_OTHER,              /* not Vietnamese: foreign, acronym, number... */
  K_KNOWN,              /* a syllable that Vietnamese uses */
  K_NONWORD,            /* parses, but no such syllable (trưc, khần) */
  K_BROKEN,             /* Vietnamese letters that make no syllable
                           (thươngg, trănm) */
  K_STRAY               /* lower case with a stray capital (khaI) */
};

enum wcase { C_LOWER, C_TITLE, C_UPPER, C_MIXED };

enum { CANON_MAX = 40 };

struct info
{
  int32_t listed;               /* the last list entry that starts with this
                                   word, or -1 */
  uint32_t lid;                 /* its number for the list: the n-gram
                                   number, or one given to a word of the
                                   list that the table lacks, or 0 */
  uint16_t id;                  /* n-gram number of its canonical form (lower
                                   case, NFC, old style), or 0 */
  unsigned char kind;
  unsigned char wcase : 4, ascii : 1;
  unsigned char quiet : 2;      /* which seen pairs leave nothing to do
                                   with the word: Q_LEFT and Q_RIGHT (set in
                                   the token cache, by set_quiet) */
};

/* A misspelling of the list: WORDS words, each wrong and right (canonical
   forms), and the words that may not stand before or after it. */
struct listed
{
  int32_t next;                 /* the entry before it with the same first
                                   word, or -1 */
  size_t words;
  char *wrong[4], *right[4];
  char **not_before, **not_after;
  size_t n_before, n_after;
  /* The n-gram numbers of the words (0 for one the table lacks), set when
     the list is indexed. */
  uint32_t wrong_id[4], *before_id, *after_id;
  uint32_t wrong_lid[4];        /* list numbers of the wrong words */
};

/* Token cache: the info of words seen before, in sets of two slots (one
   cache line), the word used last first.  A word of up to 15 bytes is its
   key, zero-padded, with its length in the last byte (as in lib/tones.c).
   It changes only the speed, never the output: news repeats a few
   thousand words, and classifying one costs a parse and a lookup.  A
   common word and a name that share a set no longer push each other out:
   on 100 MB of news (17.5 million words) the two ways classify 226,000
   words, one way in as many slots 643,000. */
enum { CACHE_BITS = 14, CACHE_WAYS = 2, CACHE_KEY = 24 };
struct cache_slot
{
  uint64_t lo, hi;              /* hi == 0: empty */
  struct info info;
};

/* Candidates of words that are no syllable, by their canonical form. */
enum { NONWORD_BITS = 8 };
struct nonword_slot
{
  unsigned char len, flags, n;
  char key[CACHE_KEY];
  struct vn_spell_cand v[VN_SPELL_MAX];
};

/* A word of the line being looked at. */
struct tok
{
  size_t off, len;
  int joined;                   /* only spaces since the previous word */
  struct info info;
  struct cache_slot *slot;      /* its set in the token cache, or NULL */
  uint64_t lo, hi;              /* its key there */
  int left, right;              /* whether the pair with the word before
                                   and after was seen, when only spaces
                                   stand between (else 0; 0 without the
                                   model) */
};

struct cands
{
  int done;
  size_t n;
  struct vn_spell_cand *v;
};

struct typos
{
  const struct vn_ngram *m;
  int use_list, use_context;
  struct listed *list;
  size_t nlist, caplist;
  int32_t *index;               /* hash of first words: the last entry
                                   with each, -1 for an empty slot */
  struct lpair                  /* two-word entries by the list numbers of
                                   their words: the last entry */
  {
    uint64_t key;               /* FIRST << 32 | SECOND; 0 empty */
    int32_t entry;
  } *lpairs;
  uint32_t lpair_mask;
  unsigned char *lfirst;        /* bit LID: a two-word entry starts with
                                   the word of that list number */
  unsigned char *lfirst_seen;   /* the same for entries whose wrong pair
                                   the n-gram table has: only those can
                                   match where the pair was seen */
  const char **extra;           /* words of the list the table lacks, by
                                   hash; their list numbers follow the
                                   table's in order */
  uint32_t *extra_lid, extra_mask, nextra;
  struct chain                  /* by entry: what is checked first, kept
                                   small so that it stays in the cache */
  {
    int32_t next;               /* as in struct listed */
    uint32_t second;            /* n-gram number of the second wrong word
                                   (0: one word only, or a word the table
                                   lacks) */
    uint32_t words;
  } *chain;
  uint32_t index_mask;
  int indexed;                  /* INDEX is up to date with LIST */
  struct cache_slot *cache;     /* aligned to a cache line, in CACHE_MEM */
  void *cache_mem;
  struct nonword_slot *nonwords;
  struct tok *toks;
  size_t ntoks, captoks;
  size_t len;                   /* of the line they are in */
  struct cands *cands;          /* by n-gram number: candidates, made when
                                   first needed */
};

/* ---------------------------------------------------------------------
   Words: case, canonical form, kind. */

/* The lower case of the Vietnamese (or ASCII) letter CP; CP otherwise. */
static uint32_t
lower_cp (uint32_t cp)
{
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
    return cp + 0x20;
  if (cp == 0x102 || cp == 0x110 || cp == 0x128 || cp == 0x168
      || cp == 0x1A0 || cp == 0x1AF)
    return cp + 1;
  if (cp >= 0x1EA0 && cp <= 0x1EF9 && !(cp & 1))
    return cp + 1;
  return cp;
}

static uint32_t
upper_cp (uint32_t cp)
{
  if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7))
    return cp - 0x20;
  if (cp == 0x103 || cp == 0x111 || cp == 0x129 || cp == 0x169
      || cp == 0x1A1 || cp == 0x1B0)
    return cp - 1;
  if (cp >= 0x1EA0 && cp <= 0x1EF9 && (cp & 1))
    return cp - 1;
  return cp;
}

/* W[0..N) with every letter lowered into OUT (N bytes at most, as the
   letters concerned keep their length); return the length. */
static size_t
lower_bytes (const char *w, size_t n, char *out)
{
  size_t i = 0, len = 0;

  while (i < n)
    {
      uint32_t cp;
      size_t k = vn_utf8_decode (w + i, n - i, &cp);
      if (k == 0)
        k = 1, cp = (unsigned char) w[i];
      len += vn_utf8_encode (lower_cp (cp), out + len);
      i += k;
    }
  return len;
}

/* The canonical form of a syllable: lower case, NFC, old style. */
static size_t
canon_syllable (struct vn_syllable *syl, char *out)
{
  size_t j;

  for (j = 0; j < VN_SYL_MAX; j++)
    syl->upper[j] = 0;
  return vn_syllable_compose (syl, VN_STYLE_OLD, out);
}

static int
is_vowel_cp (uint32_t c)
{
  return c == 'a' || c == 0x103 || c == 0xE2 || c == 'e' || c == 0xEA
    || c == 'i' || c == 'o' || c == 0xF4 || c == 0x1A1 || c == 'u'
    || c == 0x1B0 || c == 'y';
}

/* Whether the words A[0..AN) and B differ in their tone alone. */
static int
tone_only (const char *a, size_t an, const char *b)
{
  uint32_t la[VN_SYL_MAX], lb[VN_SYL_MAX];
  unsigned ua, ub;
  enum vn_tone ta, tb;
  size_t ka = vn_syllable_letters (a, an, la, &ua, &ta);
  size_t kb = vn_syllable_letters (b, strlen (b), lb, &ub, &tb);

  return ka && ka == kb && !memcmp (la, lb, ka * sizeof *la);
}

/* Whether the syllable numbered ID is one Vietnamese really uses. */
static int
is_known (const struct vn_ngram *m, uint32_t id)
{
  return id && (vn_ngram_known (m, id) || vn_ngram_count (m, id) >= 3);
}

static uint32_t
hash_str (const char *s, size_t n)
{
  return vn_ngram_hash_word (s, n);
}

/* The last list entry whose first wrong word is W[0..N), or -1. */
static int32_t
list_lookup (const struct typos *st, const char *w, size_t n)
{
  uint32_t h;
  int32_t k;

  if (!st->index)
    return -1;
  for (h = hash_str (w, n) & st->index_mask; (k = st->index[h]) >= 0;
       h = (h + 1) & st->index_mask)
    {
      const char *f = st->list[k].wrong[0];
      if (strncmp (f, w, n) == 0 && f[n] == '\0')
        return k;
    }
  return -1;
}

/* Index the list by first words: each entry chained to the one before it
   with the same first word, the last in the hash table. */
static uint32_t
size_of (size_t n)
{
  uint32_t size = 1;

  while (size < 2 * n)
    size <<= 1;
  return size;
}

/* The list number of the word W[0..N) that the table lacks, or 0; with
   ADD, give it one when it has none. */
static uint32_t
extra_lid (struct typos *st, const char *w, size_t n, int add)
{
  uint32_t h;

  if (!st->extra)
    return 0;
  for (h = hash_str (w, n) & st->extra_mask; st->extra[h];
       h = (h + 1) & st->extra_mask)
    if (strncmp (st->extra[h], w, n) == 0 && st->extra[h][n] == '\0')
      return st->extra_lid[h];
  if (!add)
    return 0;
  st->extra[h] = w;
  st->extra_lid[h] = vn_ngram_size (st->m) + ++st->nextra;
  return st->extra_lid[h];
}

/* The list number of a word with n-gram number ID and canonical form
   W[0..N). */
static uint32_t
list_number (const struct typos *st, uint32_t id, const char *w, size_t n)
{
  return id ? id : extra_lid ((struct typos *) st, w, n, 0);
}

/* Free the index of the list (build_index makes it again). */
static void
free_index (struct typos *st)
{
  free (st->index);
  free (st->chain);
  free (st->lpairs);
  free (st->lfirst);
  free (st->lfirst_seen);
  free (st->extra);
  free (st->extra_lid);
  st->index = NULL;
  st->chain = NULL;
  st->lpairs = NULL;
  st->lfirst = st->lfirst_seen = NULL;
  st->extra = NULL;
  st->extra_lid = NULL;
  st->nextra = 0;
}

static void
build_index (struct typos *st)
{
  uint32_t size;
  size_t k;

  free_index (st);
  st->indexed = 1;
  if (st->nlist == 0)
    return;
  st->chain = vn_xmalloc (st->nlist * sizeof *st->chain);
  st->lpairs = vn_xcalloc (size_of (st->nlist), sizeof *st->lpairs);
  st->lpair_mask = size_of (st->nlist) - 1;
  st->extra = vn_xcalloc (size_of (4 * st->nlist), sizeof *st->extra);
  st->extra_lid = vn_xcalloc (size_of (4 * st->nlist), sizeof *st->extra_lid);
  st->extra_mask = size_of (4 * st->nlist) - 1;
  st->lfirst = vn_xcalloc ((vn_ngram_size (st->m) + 4 * st->nlist) / 8 + 1,
                           1);
  st->lfirst_seen = vn_xcalloc ((vn_ngram_size (st->m) + 4 * st->nlist) / 8
                                + 1, 1);
  size = size_of (st->nlist);
  st->index = vn_xmalloc (size * sizeof *st->index);
  memset (st->index, 0xFF, size * sizeof *st->index);
  st->index_mask = size - 1;
  for (k = 0; k < st->nlist; k++)
    {
      struct listed *e = &st->list[k];
      const char *f = e->wrong[0];
      size_t n = strlen (f), j;
      int32_t prev;
      uint32_t h;

      for (j = 0; j < e->words; j++)
        {
          e->wrong_id[j] = vn_ngram_id (st->m, e->wrong[j],
                                        strlen (e->wrong[j]));
          e->wrong_lid[j] = e->wrong_id[j] ? e->wrong_id[j]
            : extra_lid (st, e->wrong[j], strlen (e->wrong[j]), 1);
        }
      free (e->before_id);
      free (e->after_id);
      e->before_id = vn_xcalloc (e->n_before + 1, sizeof *e->before_id);
      e->after_id = vn_xcalloc (e->n_after + 1, sizeof *e->after_id);
      for (j = 0; j < e->n_before; j++)
        e->before_id[j] = vn_ngram_id (st->m, e->not_before[j],
                                       strlen (e->not_before[j]));
      for (j = 0; j < e->n_after; j++)
        e->after_id[j] = vn_ngram_id (st->m, e->not_after[j],
                                      strlen (e->not_after[j]));
      if (e->words == 2)
        {
          uint64_t key = (uint64_t) e->wrong_lid[0] << 32 | e->wrong_lid[1];
          for (h = vn_ngram_hash_pair ((uint32_t) (key ^ key >> 29)) & st->lpair_mask;
               st->lpairs[h].key && st->lpairs[h].key != key;
               h = (h + 1) & st->lpair_mask)
            ;
          st->lpairs[h].key = key;
          st->lpairs[h].entry = (int32_t) k;
          st->lfirst[e->wrong_lid[0] / 8] |= 1u << (e->wrong_lid[0] % 8);
          if (vn_ngram_pair (st->m, e->wrong_id[0], e->wrong_id[1]))
            st->lfirst_seen[e->wrong_lid[0] / 8] |= 1u << (e->wrong_lid[0]
                                                           % 8);
          continue;
        }
      prev = list_lookup (st, f, n);
      st->list[k].next = prev;
      if (prev >= 0)
        {
          for (h = hash_str (f, n) & st->index_mask; st->index[h] != prev;
               h = (h + 1) & st->index_mask)
            ;
        }
      else
        for (h = hash_str (f, n) & st->index_mask; st->index[h] >= 0;
             h = (h + 1) & st->index_mask)
          ;
      st->index[h] = (int32_t) k;
      st->chain[k].next = prev;
      st->chain[k].words = (uint32_t) e->words;
      st->chain[k].second = e->words > 1 ? e->wrong_id[1] : 0;
    }
}

/* What the word W[0..N) is, into *IN; its canonical form into CANON
   (CANON_MAX bytes; for K_STRAY the word lowered, as the fix writes it),
   and the length of that into *CANON_LEN. */
static void
classify (const struct typos *st, const char *w, size_t n, struct info *in,
          char *canon, size_t *canon_len)
{
  struct vn_syllable syl;
  uint32_t letters[VN_SYL_MAX];
  unsigned upper;
  enum vn_tone tone;
  size_t k, j, vowels;

  memset (in, 0, sizeof *in);
  in->listed = -1;
  *canon_len = 0;
  if (n >= CANON_MAX || n < 2)
    return;
  in->ascii = 1;
  for (j = 0; j < n; j++)
    if ((unsigned char) w[j] >= 0x80)
      in->ascii = 0;
  if (vn_syllable_parse (w, n, &syl))
    {
      int up = 0;
      if (syl.n < 2)
        return;                 /* a letter alone: an initial, a list */
      for (j = 0; j < syl.n; j++)
        up += syl.upper[j];
      in->wcase = up == 0 ? C_LOWER
        : (syl.upper[0] && up == 1 ? C_TITLE : C_UPPER);
      *canon_len = canon_syllable (&syl, canon);
      in->id = (uint16_t) vn_ngram_id (st->m, canon, *canon_len);
      /* Valid once its mark is where it belongs (a misplaced or doubled
         mark is vn-tones's to fix: đựợc is được). */
      in->kind = is_known (st->m, in->id)
        && vn_syllable_parse (canon, *canon_len, &syl) && syl.valid
        ? K_KNOWN : K_NONWORD;
      /* lỳ for lì, sỹ for sĩ: both spellings are accepted. */
      if (in->kind == K_NONWORD
          && vn_spell_iy_variant (st->m, canon, *canon_len))
        in->kind = K_OTHER;
      in->listed = list_lookup (st, canon, *canon_len);
      in->lid = list_number (st, in->id, canon, *canon_len);
      return;
    }
  k = vn_syllable_letters (w, n, letters, &upper, &tone);
  if (k < 2)
    return;
  if (upper && !(upper & 1) && k >= 2)
    {
      /* khaI, tHông: lower case, then a capital; lowered, a syllable
         that Vietnamese uses.  iPhone, eBay, mA are no syllable lowered,
         or too short to tell. */
      char low[CANON_MAX], c[VN_SYL_MAX * 4];
      size_t len = lower_bytes (w, n, low);
      if (k >= 3 && vn_syllable_parse (low, len, &syl) && syl.valid)
        {
          size_t cl = canon_syllable (&syl, c);
          uint32_t id = vn_ngram_id (st->m, c, cl);
          if (is_known (st->m, id))
            {
              in->kind = K_STRAY;
              in->wcase = C_MIXED;
              in->id = (uint16_t) id;
              memcpy (canon, low, len);
              *canon_len = len;
            }
        }
      return;
    }
  if (upper && upper != 1)
    return;
  /* No syllable, but only Vietnamese letters: a doubled or stray letter
     (thươngg, trănm), worth a try when it has a letter or mark that only
     Vietnamese writes; a plain ASCII word is more likely foreign. */
  if (in->ascii)
    return;
  /* One group of vowels: a word of two syllables written together (axít,
     ôtô, ôxy) is a loan, not a slip. */
  for (j = 0, vowels = 0; j < k; j++)
    if (is_vowel_cp (letters[j]) && (j == 0 || !is_vowel_cp (letters[j - 1])))
      vowels++;
  if (vowels != 1)
    return;
  in->wcase = upper ? C_TITLE : C_LOWER;
  *canon_len = lower_bytes (w, n, canon);
  in->kind = K_BROKEN;
  in->listed = list_lookup (st, canon, *canon_len);
  in->lid = list_number (st, 0, canon, *canon_len);
}

/* The cache key of the word T[FROM..TO) of a line of LEN bytes into *LO,
   *HI, and its set; NULL for a word too long to be cached. */
static struct cache_slot *
word_slot (const struct typos *st, const char *t, size_t from, size_t to,
           size_t len, uint64_t *lo, uint64_t *hi)
{
  if (to - from > VN_WORD_KEY_MAX)
    return NULL;
  return &st->cache[CACHE_WAYS
                    * vn_word_key ((const unsigned char *) t + from,
                                   to - from, len - from, CACHE_BITS - 1, lo,
                                   hi)];
}

/* Whether bit K of the bit set BITS (lfirst, lfirst_seen) is set. */
static inline int
has_bit (const unsigned char *bits, uint32_t k)
{
  return (bits[k / 8] >> (k % 8)) & 1;
}

/* The bits of info.quiet: a pair seen with the word before (Q_LEFT) or
   after (Q_RIGHT) leaves nothing to do with the word. */
enum { Q_LEFT = 1, Q_RIGHT = 2 };

/* Set IN->quiet.  A known word that no entry of the list starts (neither
   through its chain nor as the first of a pair) gives try_list nothing to
   find and try_real nothing to doubt next to a word it was seen with:
   both bits.  A known word that starts only listed pairs never seen in the
   counted text gives them nothing either when the pair with the word after
   it was seen: Q_RIGHT.  Most words of a line are one or the other: line()
   passes them at once. */
static void
set_quiet (const struct typos *st, struct info *in)
{
  in->quiet = 0;
  if (in->kind != K_KNOWN || in->listed >= 0)
    return;
  if (!st->lpairs || !in->lid || !has_bit (st->lfirst, in->lid))
    in->quiet = Q_LEFT | Q_RIGHT;
  else if (!has_bit (st->lfirst_seen, in->lid))
    in->quiet = Q_RIGHT;
}

/* The info of token TK of the line T, through its cache set. */
static void
tok_info (struct typos *st, const char *t, struct tok *tk)
{
  char canon[CANON_MAX];
  size_t clen;
  struct cache_slot *set = tk->slot;

  if (!set)
    {
      classify (st, t + tk->off, tk->len, &tk->info, canon, &clen);
      set_quiet (st, &tk->info);
      return;
    }
  if (set[0].lo != tk->lo || set[0].hi != tk->hi)
    {
      struct cache_slot other = set[1];
      set[1] = set[0];
      if (other.lo == tk->lo && other.hi == tk->hi)
        set[0] = other;
      else
        {
          classify (st, t + tk->off, tk->len, &set[0].info, canon, &clen);
          set_quiet (st, &set[0].info);
          set[0].lo = tk->lo;
          set[0].hi = tk->hi;
        }
    }
  tk->info = set[0].info;
}

/* The canonical form of token TK of the line T into BUF (CANON_MAX
   bytes); return its length. */
static size_t
canon_of (const struct typos *st, const char *t, const struct tok *tk,
          char *buf)
{
  struct info tmp;
  size_t len;

  classify (st, t + tk->off, tk->len, &tmp, buf, &len);
  return len;
}

/* Whether token TK is the canonical word W, whose n-gram number is ID:
   by the number when W has one (no other word has it), else by the bytes
   of a word that has none. */
static int
tok_is (const struct typos *st, const char *t, const struct tok *tk,
        const char *w, uint32_t id)
{
  char buf[CANON_MAX];
  size_t len;

  if (id || tk->info.id)
    return id == tk->info.id;
  len = canon_of (st, t, tk, buf);
  return strlen (w) == len && memcmp (w, buf, len) == 0;
}

/* ---------------------------------------------------------------------
   The list of misspellings. */

/* The canonical form of the word W[0..N) of a list, or NULL. */
static char *
canon_word (const char *w, size_t n)
{
  struct vn_syllable syl;
  char buf[CANON_MAX * 2];
  size_t len;

  if (n == 0 || n >= CANON_MAX)
    return NULL;
  if (vn_syllable_parse (w, n, &syl))
    len = canon_syllable (&syl, buf);
  else
    len = lower_bytes (w, n, buf);
  buf[len] = '\0';
  return vn_xstrdup (buf);
}

/* Split S at spaces into at most MAX canonical words; return how many, or
   -1 when there are more or one is no word. */
static int
split_words (const char *s, char **out, int max)
{
  int n = 0;

  while (*s)
    {
      const char *e;
      while (*s == ' ')
        s++;
      if (!*s)
        break;
      e = strchr (s, ' ');
      if (!e)
        e = s + strlen (s);
      if (n == max || !(out[n] = canon_word (s, (size_t) (e - s))))
        return -1;
      n++;
      s = e;
    }
  return n;
}

/* Read the comma-separated words of LIST into *V, *N. */
static int
cond_words (const char *list, char ***v, size_t *n)
{
  const char *s = list;

  while (*s)
    {
      const char *e = strchr (s, ',');
      char *w;
      if (!e)
        e = s + strlen (s);
      if (!(w = canon_word (s, (size_t) (e - s))))
        return -1;
      *v = vn_xrealloc (*v, (*n + 1) * sizeof **v);
      (*v)[(*n)++] = w;
      s = *e ? e + 1 : e;
    }
  return 0;
}

/* Free the list entries FROM..TO. */
static void
free_entries (struct listed *list, size_t from, size_t to)
{
  size_t i, j;

  for (i = from; i < to; i++)
    {
      struct listed *e = &list[i];
      for (j = 0; j < e->words; j++)
        {
          free (e->wrong[j]);
          free (e->right[j]);
        }
      for (j = 0; j < e->n_before; j++)
        free (e->not_before[j]);
      for (j = 0; j < e->n_after; j++)
        free (e->not_after[j]);
      free (e->not_before);
      free (e->not_after);
      free (e->before_id);
      free (e->after_id);
    }
}

/* Add the row LINE (no line end) of a list; return NULL or why it is
   not one. */
static const char *
add_row (struct typos *st, char *line)
{
  char *f[4] = { NULL };
  struct listed e;
  char *p = line, *c;
  const char *why = NULL;
  int nf = 0, a, b;
  size_t j;

  if (*line == '#' || *line == '\0')
    return NULL;
  while (nf < 4)
    {
      f[nf++] = p;
      p = strchr (p, '\t');
      if (!p)
        break;
      *p++ = '\0';
    }
  if (nf < 2)
    return "expected WRONG<TAB>RIGHT[<TAB>CONDITIONS]";
  memset (&e, 0, sizeof e);
  a = split_words (f[0], e.wrong, 4);
  b = split_words (f[1], e.right, 4);
  if (a <= 0 || b <= 0)
    why = "WRONG and RIGHT must be one to four words of letters";
  else if (a != b)
    why = "WRONG and RIGHT must have as many words";
  else
    {
      e.words = (size_t) a;
      for (a = 0; a < b; a++)
        if (strcmp (e.wrong[a], e.right[a]))
          break;
      if (a == b)
        why = "WRONG and RIGHT are the same";
    }
  if (!why && nf >= 3 && strcmp (f[2], "-") && *f[2])
    for (c = strtok (f[2], " "); c && !why; c = strtok (NULL, " "))
      if (!(strncmp (c, "not-before:", 11) == 0
            ? cond_words (c + 11, &e.not_before, &e.n_before) == 0
            : strncmp (c, "not-after:", 10) == 0
            && cond_words (c + 10, &e.not_after, &e.n_after) == 0))
        why = "a condition is not-before:WORD,... or not-after:WORD,...";
  if (why)
    {
      /* What was made of the row before it failed. */
      for (j = 0; j < 4; j++)
        {
          free (e.wrong[j]);
          free (e.right[j]);
        }
      e.words = 0;
      free_entries (&e, 0, 1);
      return why;
    }
  if (st->nlist == st->caplist)
    {
      st->caplist = vn_grow (st->caplist, st->nlist + 1);
      st->list = vn_xrealloc (st->list, st->caplist * sizeof *st->list);
    }
  st->list[st->nlist++] = e;
  return NULL;
}

static int
read_list (struct typos *st, const char *path)
{
  FILE *fp = fopen (path, "r");
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t len;
  int rc = 0;

  if (!fp)
    {
      vn_error (0, errno, "--typos: %s", path);
      return -1;
    }
  while ((len = getline (&line, &cap, fp)) >= 0)
    {
      const char *why;
      lineno++;
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if ((why = add_row (st, line)) != NULL)
        {
          vn_error (0, 0, "--typos: %s:%zu: %s", path, lineno, why);
          rc = -1;
        }
    }
  if (ferror (fp))
    {
      vn_error (0, errno, "--typos: %s", path);
      rc = -1;
    }
  fclose (fp);
  free (line);
  return rc;
}

static void
builtin_list (struct typos *st)
{
  size_t i;

  for (i = 0; i < sizeof typo_rows / sizeof typo_rows[0]; i++)
    {
      char *row = vn_xstrdup (typo_rows[i]);
      const char *why = add_row (st, row);
      if (why)
        vn_error (VN_EXIT_ERROR, 0, "built-in list of misspellings, row "
                  "%zu: %s", i + 1, why);
      free (row);
    }
}

/* ---------------------------------------------------------------------
   The fixer. */

static void *
create (void)
{
  struct typos *st = vn_xcalloc (1, sizeof *st);

  st->m = vn_ngram_default ();
  st->use_list = st->use_context = 1;
  st->cache_mem = vn_xcalloc (((size_t) 1 << CACHE_BITS) + CACHE_WAYS,
                              sizeof *st->cache);
  st->cache = (struct cache_slot *) (((uintptr_t) st->cache_mem + 63)
                                     & ~(uintptr_t) 63);
  st->nonwords = vn_xcalloc ((size_t) 1 << NONWORD_BITS,
                             sizeof *st->nonwords);
  st->cands = vn_xcalloc (vn_ngram_size (st->m) + 1, sizeof *st->cands);
  builtin_list (st);
  return st;
}


static void
destroy (void *state)
{
  struct typos *st = state;
  size_t i;

  free_entries (st->list, 0, st->nlist);
  free (st->list);
  for (i = 0; i < vn_ngram_size (st->m) + 1; i++)
    free (st->cands[i].v);
  free (st->cands);
  free (st->cache_mem);
  free (st->nonwords);
  free_index (st);
  free (st->toks);
  free (st);
}

static int
set_option (void *state, const char *name, const char *arg)
{
  struct typos *st = state;

  if (!strcmp (name, "typos"))
    {
      if (read_list (st, arg) < 0)
        return -1;
    }
  else if (!strcmp (name, "no-list"))
    {
      /* The built-in rows come first: drop them, keep any --typos. */
      size_t builtin = st->use_list ? sizeof typo_rows / sizeof typo_rows[0]
        : 0, i;
      free_entries (st->list, 0, builtin);
      for (i = builtin; i < st->nlist; i++)
        st->list[i - builtin] = st->list[i];
      st->nlist -= builtin;
      st->use_list = 0;
    }
  else if (!strcmp (name, "no-context"))
    st->use_context = 0;
  else
    return -1;
  /* The index and the cache (which remembers the words that start a
     listed misspelling) are made again. */
  st->indexed = 0;
  return 0;
}

/* Whether only spaces stand in T[FROM..TO). */
static int
only_spaces (const char *t, size_t from, size_t to)
{
  if (from == to)
    return 0;
  for (; from < to; from++)
    if (t[from] != ' ')
      return 0;
  return 1;
}

/* Whether the word at OFF starts a sentence: nothing but spaces, opening
   quotes and brackets since the start of the line or the end of a
   sentence (. ! ? … :). */
static int
starts_sentence (const char *t, size_t off)
{
  const unsigned char *s = (const unsigned char *) t;
  size_t i = off;

  while (i > 0)
    {
      unsigned char c = s[i - 1];
      if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '['
          || c == '-')
        i--;
      else if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80
               && (c == 0x9C || c == 0x98 || c == 0x93 || c == 0x94))
        i -= 3;                 /* “ ‘ – — */
      else
        break;
    }
  if (i == 0)
    return 1;
  if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && s[i - 1] == 0xA6)
    return 1;                   /* … */
  return s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?'
    || s[i - 1] == ':';
}

/* Whether token TK of the line T is a capitalized word opening a sentence
   (asked only of the few words line() does not pass at once). */
static int
opens_sentence (const char *t, const struct tok *tk)
{
  return tk->info.kind != K_OTHER && tk->info.wcase == C_TITLE
    && starts_sentence (t, tk->off);
}

/* Words are the tokens of scan.h (ASCII letters and every byte beyond
   ASCII), split also at the punctuation of C2 (« ° no-break space) and E2
   (“ ” – …). */
static int
in_word (unsigned char c)
{
  return !vn_is_break (c) && c != 0xC2 && c != 0xE2;
}

/* The high bit of (at least the first of) the bytes of V that end a word:
   ASCII that is no letter, and the lead bytes C2 and E2 (a byte equal to
   them has a zero XOR; the borrow trick can flag bytes after a true one,
   never before). */
static inline uint64_t
word_breaks (uint64_t v)
{
  uint64_t a = v ^ (VN_ONES * 0xC2), e = v ^ (VN_ONES * 0xE2);

  return vn_ascii_breaks (v) | ((a - VN_ONES) & ~a & VN_HIGH)
    | ((e - VN_ONES) & ~e & VN_HIGH);
}

/* The end of the word of S[0..LEN) that goes on at I. */
static size_t
word_end (const unsigned char *s, size_t i, size_t len)
{
  for (;;)
    {
      uint64_t b;
      if (len - i < 8)
        {
          while (i < len && in_word (s[i]))
            i++;
          return i;
        }
      b = word_breaks (vn_load8 (s + i));
      if (b)
        return i + (unsigned) __builtin_ctzll (b) / 8;
      i += 8;
    }
}

/* Split T[0..LEN) into words. */
static void
tokenize (struct typos *st, const char *t, size_t len)
{
  const unsigned char *s = (const unsigned char *) t;
  size_t i = 0, prev_end = 0, k;

  st->ntoks = 0;
  st->len = len;
  while (i < len)
    {
      size_t start;
      struct tok *tk;

      i = (size_t) (vn_token_start (s + i, s + len) - s);
      if (i < len && (s[i] == 0xC2 || s[i] == 0xE2))
        {
          i += s[i] == 0xC2 ? 2 : 3;
          if (i > len)
            i = len;
          continue;
        }
      if (i == len)
        break;
      start = i;
      if (st->ntoks == st->captoks)
        {
          st->captoks = vn_grow (st->captoks, st->ntoks + 1);
          st->toks = vn_xrealloc (st->toks, st->captoks * sizeof *st->toks);
        }
      tk = &st->toks[st->ntoks++];
      /* The end of the word, eight bytes at a time (a loop per byte would
         mispredict its exit at every word). */
      i = word_end (s, i, len);
      tk->slot = word_slot (st, t, start, i, len, &tk->lo, &tk->hi);
      if (tk->slot)
        __builtin_prefetch (tk->slot);
      tk->off = start;
      tk->len = i - start;
      /* One space between words is the rule. */
      tk->joined = st->ntoks > 1
        && (start == prev_end + 1 ? t[prev_end] == ' '
            : only_spaces (t, prev_end, start));
      prev_end = i;
    }
  /* Then what each word is: the slots were fetched together, so that
     their cache misses overlap. */
  for (k = 0; k < st->ntoks; k++)
    {
      struct tok *tk = &st->toks[k];
      tok_info (st, t, tk);
      /* Whether each pair was seen (the model's business only). */
      tk->left = tk->right = 0;
      if (tk->joined && st->use_context)
        tk[-1].right = tk->left = vn_ngram_seen (st->m, tk[-1].info.id,
                                                 tk->info.id);
    }
}

/* Whether token I of the line T is joined to a word by a hyphen (a
   transliteration: tuốc-nơ-vít, Giê-su).  Asked of the few words that are
   no syllable only, so not while the line is cut up. */
static int
hyphened (const struct typos *st, const char *t, size_t i)
{
  size_t start = st->toks[i].off, end = start + st->toks[i].len;

  return (i > 0 && t[start - 1] == '-'
          && start - 1 == st->toks[i - 1].off + st->toks[i - 1].len)
    || (end + 1 < st->len && t[end] == '-'
        && !vn_is_break ((unsigned char) t[end + 1]));
}

/* The n-gram number of the word before (DIR -1) or after (DIR 1) token I
   when only spaces stand between, else 0. */
static uint32_t
neighbour (const struct typos *st, size_t i, int dir)
{
  if (dir < 0)
    return i > 0 && st->toks[i].joined ? st->toks[i - 1].info.id : 0;
  return i + 1 < st->ntoks && st->toks[i + 1].joined
    ? st->toks[i + 1].info.id : 0;
}

static double
score (const struct vn_ngram *m, uint32_t l, uint32_t x, uint32_t r)
{
  double s = vn_ngram_logp (m, l, x);
  if (r)
    s += vn_ngram_logp (m, x, r);
  return s;
}

/* The replacement for token TK: WORD in the token's case. */
static size_t
in_case (const struct tok *tk, const char *word, char *out)
{
  size_t n = strlen (word), k, u;
  uint32_t cp;

  if (tk->info.wcase != C_TITLE || (k = vn_utf8_decode (word, n, &cp)) == 0)
    {
      memcpy (out, word, n);
      return n;
    }
  u = vn_utf8_encode (upper_cp (cp), out);
  memcpy (out + u, word + k, n - k);
  return u + n - k;
}

static const struct cands *
cands_of (struct typos *st, uint32_t id)
{
  struct cands *c = &st->cands[id];
  struct vn_spell_cand v[VN_SPELL_MAX];
  const char *w;
  size_t n, i;

  if (c->done)
    return c;
  c->done = 1;
  w = vn_ngram_word (st->m, id);
  n = vn_spell_candidates (st->m, w, strlen (w), 0, v);
  /* One slip away only: a real word two slips from another (xứ, sự) is
     too often right. */
  for (i = 0; i < n; i++)
    if (v[i].cost < VN_SPELL_TWO)
      v[c->n++] = v[i];
  if (c->n)
    {
      c->v = vn_xmalloc (c->n * sizeof *c->v);
      memcpy (c->v, v, c->n * sizeof *v);
    }
  return c;
}

/* Whether the words of list entry E match the tokens from I. */
static int
list_match (const struct typos *st, const char *t, const struct listed *e,
            size_t i)
{
  size_t j;
  const struct tok *tk;

  if (i + e->words > st->ntoks)
    return 0;
  for (j = 0; j < e->words; j++)
    {
      tk = &st->toks[i + j];
      if ((j > 0 && !tk->joined) || tk->info.kind == K_OTHER
          || tk->info.wcase == C_UPPER || tk->info.wcase == C_MIXED
          || (j > 0 && tk->info.wcase != C_LOWER)
          || !tok_is (st, t, tk, e->wrong[j], e->wrong_id[j]))
        return 0;
    }
  if (st->toks[i].info.wcase == C_TITLE
      && !opens_sentence (t, &st->toks[i]))
    return 0;
  if (i + e->words < st->ntoks && st->toks[i + e->words].joined)
    {
      tk = &st->toks[i + e->words];
      for (j = 0; j < e->n_before; j++)
        if (tok_is (st, t, tk, e->not_before[j], e->before_id[j]))
          return 0;
    }
  if (i > 0 && st->toks[i].joined)
    {
      tk = &st->toks[i - 1];
      for (j = 0; j < e->n_after; j++)
        if (tok_is (st, t, tk, e->not_after[j], e->after_id[j]))
          return 0;
    }
  return 1;
}

/* The entry for the pair of words numbered A B, or -1. */
static int32_t
lpair_lookup (const struct typos *st, uint32_t a, uint32_t b)
{
  uint64_t key = (uint64_t) a << 32 | b;
  uint32_t h;

  if (!st->lpairs || !a || !b || !has_bit (st->lfirst, a))
    return -1;
  for (h = vn_ngram_hash_pair ((uint32_t) (key ^ key >> 29)) & st->lpair_mask;
       st->lpairs[h].key;
       h = (h + 1) & st->lpair_mask)
    if (st->lpairs[h].key == key)
      return st->lpairs[h].entry;
  return -1;
}

/* Fix a listed misspelling at token I; return the number of tokens it
   covers (0 for none).  The two-word entries of known words are found by
   the pair, the others through the chain of their first word; of those
   that match, the last listed wins (a --typos row over a built-in one). */
static size_t
try_list (struct typos *st, const char *t, size_t i, struct vn_edits *out)
{
  const struct listed *e;
  int32_t k, found = -1;
  size_t j;

  if (st->nlist == 0)
    return 0;
  /* Most listed pairs were never seen in the counted text (that is why
     they are listed): where the pair was seen, only the others can be. */
  if (i + 1 < st->ntoks && st->toks[i + 1].joined
      && (!st->toks[i].right
          || has_bit (st->lfirst_seen, st->toks[i].info.lid)))
    {
      k = lpair_lookup (st, st->toks[i].info.lid, st->toks[i + 1].info.lid);
      if (k >= 0 && list_match (st, t, &st->list[k], i))
        found = k;
    }
  for (k = st->toks[i].info.listed; k > found; k = st->chain[k].next)
    {
      const struct chain *c = &st->chain[k];
      /* A word the table lacks is no word the table has. */
      if (c->words > 1
          && (i + 1 >= st->ntoks || st->toks[i + 1].info.id != c->second))
        continue;
      if (list_match (st, t, &st->list[k], i))
        {
          found = k;
          break;
        }
    }
  if (found < 0)
    return 0;
  e = &st->list[found];
  for (j = 0; j < e->words; j++)
    if (strcmp (e->wrong[j], e->right[j]))
      {
        const struct tok *tk = &st->toks[i + j];
        char repl[CANON_MAX + 8];
        size_t n = in_case (tk, e->right[j], repl);
        vn_edits_add (out, tk->off, tk->len, repl, n, &rules[Y102],
                      "listed misspelling '%.*s' -> '%.*s'",
                      (int) tk->len, t + tk->off, (int) n, repl);
      }
  return e->words;
}

/* The candidates for the word that is no syllable W[0..N) (FLAGS as for
   vn_spell_candidates) into V, through a cache: such words come back
   (names, loans), and the wide search is the costliest thing here. */
static size_t
nonword_cands (struct typos *st, const char *w, size_t n, int flags,
               struct vn_spell_cand *v)
{
  struct nonword_slot *slot;

  if (n > CACHE_KEY)
    return vn_spell_candidates (st->m, w, n, flags, v);
  slot = &st->nonwords[hash_str (w, n) >> (32 - NONWORD_BITS)];
  if (slot->len != n || slot->flags != flags || memcmp (slot->key, w, n))
    {
      slot->n = (unsigned char) vn_spell_candidates (st->m, w, n, flags,
                                                     slot->v);
      slot->len = (unsigned char) n;
      slot->flags = (unsigned char) flags;
      memcpy (slot->key, w, n);
    }
  memcpy (v, slot->v, slot->n * sizeof *v);
  return slot->n;
}

/* Replace token TK of the line T by REPL[0..RN) for rule FIX when SURE,
   else note it for rule NOTE; MARGIN is what the context says, in powers
   of ten. */
static void
propose (struct vn_edits *out, const char *t, const struct tok *tk, int sure,
         int fix, int note, const char *repl, size_t rn, double margin)
{
  int n = (int) tk->len, k = (int) rn;
  const char *w = t + tk->off;

  char why[48];

  /* A margin over no other candidate is the only candidate's. */
  if (margin > 1e6)
    snprintf (why, sizeof why, "the only candidate");
  else
    snprintf (why, sizeof why, "%.1f over the next candidate", margin);
  if (fix == Y101 && sure)
    vn_edits_add (out, tk->off, tk->len, repl, rn, &rules[fix],
                  "no such syllable '%.*s': '%.*s' fits the context (%s)",
                  n, w, k, repl, why);
  else if (fix == Y101)
    vn_edits_note (out, tk->off, tk->len, &rules[note],
                   "'%.*s' is no Vietnamese syllable; perhaps '%.*s' (%s)",
                   n, w, k, repl, why);
  else if (sure)
    vn_edits_add (out, tk->off, tk->len, repl, rn, &rules[fix],
                  "'%.*s' does not fit the context; '%.*s' does "
                  "(likelier by 10^%.1f)", n, w, k, repl, margin);
  else
    vn_edits_note (out, tk->off, tk->len, &rules[note],
                   "'%.*s' hardly fits the context; perhaps '%.*s' "
                   "(likelier by 10^%.1f)", n, w, k, repl, margin);
}

/* A word that is no syllable (K_NONWORD, K_BROKEN) at token I. */
static void
try_nonword (struct typos *st, const char *t, size_t i, struct vn_edits *out)
{
  const struct tok *tk = &st->toks[i];
  struct vn_spell_cand v[VN_SPELL_MAX];
  uint32_t l = neighbour (st, i, -1), r = neighbour (st, i, 1);
  double best = -1e9, second = -1e9;
  size_t n, j, bj = 0;
  uint32_t support = 0;
  int title_inside = tk->info.wcase == C_TITLE && !opens_sentence (t, tk);
  char repl[CANON_MAX + 8], canon[CANON_MAX];
  size_t rn, clen;

  if (hyphened (st, t, i))
    return;
  /* Letters that make no syllable: only a letter typed twice or a hat
     lost is undone (thươngg, đựoc); anything else is more likely a loan
     (túyp) or two words run together (vớiý), which are no slips. */
  clen = canon_of (st, t, tk, canon);
  n = nonword_cands (st, canon, clen,
                     tk->info.kind == K_BROKEN ? VN_SPELL_DOUBLES
                     : tk->info.ascii ? VN_SPELL_TONES : VN_SPELL_WIDE, v);
  if (n == 0)
    {
      if (tk->info.kind == K_NONWORD && !tk->info.ascii)
        vn_edits_note (out, tk->off, tk->len, &rules[Y190],
                       "'%.*s' is no Vietnamese syllable, and no correction "
                       "is near", (int) tk->len, t + tk->off);
      return;
    }
  for (j = 0; j < n; j++)
    {
      double s = score (st->m, l, v[j].id, r) - v[j].cost / 10.0;
      if (s > best)
        {
          second = best;
          best = s;
          bj = j;
        }
      else if (s > second)
        second = s;
    }
  support = (vn_ngram_pair (st->m, l, v[bj].id) & 0xFFFF)
    + (vn_ngram_pair (st->m, v[bj].id, r) & 0xFFFF)
    + ((vn_ngram_pair (st->m, l, v[bj].id) | vn_ngram_pair (st->m, v[bj].id,
                                                             r))
       & VN_NGRAM_DICT ? 1 : 0);
  rn = in_case (tk, vn_ngram_word (st->m, v[bj].id), repl);
  /* A word of plain ASCII letters without a mark (chip, hip hop, Cup) is
     as likely foreign: only a tone mark may be missing, where the context
     firmly calls for it (tình hinh, Đại hoc), and it is never reported.
     A capitalized word inside a sentence is a name (Gin, Kông): reported
     only.  A candidate of any other letter needs the context's support. */
  if (tk->info.ascii && (support < SUPPORT
                         || !tone_only (canon, clen,
                                        vn_ngram_word (st->m, v[bj].id))))
    return;
  propose (out, t, tk, best - second >= NON_FIX && !title_inside
           && (support >= (v[bj].cost < VN_SPELL_OTHER ? 1u : 3u)
               || (v[bj].cost < VN_SPELL_OTHER
                   && best - second >= NON_ALONE)),
           Y101, Y190, repl, rn, best - second);
}

/* A real word at token I that its context may reject. */
static void
try_real (struct typos *st, const char *t, size_t i, struct vn_edits *out)
{
  const struct tok *tk = &st->toks[i];
  uint32_t l, r, w = tk->info.id;
  const struct cands *c;
  double here, best = -1e9;
  size_t j, bj = 0;
  uint32_t support = 0;
  char repl[CANON_MAX + 8];
  size_t rn;

  if (tk->left || tk->right)
    return;
  l = neighbour (st, i, -1);
  r = neighbour (st, i, 1);
  if (!l && !r)
    return;
  c = cands_of (st, w);
  if (c->n == 0)
    return;
  here = score (st->m, l, w, r);
  /* The candidates' pairs, fetched together so that their cache misses
     overlap, then scored. */
  for (j = 0; j < c->n; j++)
    {
      vn_ngram_prefetch (st->m, l, c->v[j].id);
      vn_ngram_prefetch (st->m, c->v[j].id, r);
    }
  for (j = 0; j < c->n; j++)
    {
      uint32_t x = c->v[j].id;
      uint32_t pl = vn_ngram_pair (st->m, l, x), pr = vn_ngram_pair (st->m, x, r);
      double s;
      /* A candidate never seen next to either neighbour is no evidence
         against the word (and scoring it is most of the cost here). */
      if (!((pl | pr) & 0xFFFF))
        continue;
      s = vn_ngram_logp_with (st->m, l, x, pl)
        + (r ? vn_ngram_logp_with (st->m, x, r, pr) : 0.0)
        - c->v[j].cost / 10.0;
      if (s > best)
        {
          best = s;
          bj = j;
          support = (pl & 0xFFFF) > (pr & 0xFFFF) ? pl & 0xFFFF : pr & 0xFFFF;
        }
    }
  if (best - here < REAL_NOTE)
    return;
  rn = in_case (tk, vn_ngram_word (st->m, c->v[bj].id), repl);
  /* With a neighbour on one side only (the other is punctuation, a number
     or a word not counted), the evidence is half: ask for more. */
  propose (out, t, tk, best - here
           >= (vn_ngram_count (st->m, w) < RARE ? REAL_RARE : REAL_FIX)
           + (l && r ? 0.0 : ONE_SIDE) && support >= SUPPORT,
           Y103, Y191, repl, rn, best - here);
}

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
      struct vn_edits *out)
{
  struct typos *st = state;
  const char *t = ln->text;
  size_t i;

  (void) doc;
  if (!st->indexed)
    {
      build_index (st);
      memset (st->cache, 0, ((size_t) 1 << CACHE_BITS) * sizeof *st->cache);
    }
  tokenize (st, t, ln->len);
  for (i = 0; i < st->ntoks; i++)
    {
      const struct tok *tk = &st->toks[i];
      size_t covered;

      if (tk->info.quiet & (tk->left * Q_LEFT | tk->right * Q_RIGHT))
        continue;
      switch (tk->info.kind)
        {
        case K_OTHER:
          continue;
        case K_STRAY:
          {
            char low[CANON_MAX];
            size_t n = canon_of (st, t, tk, low);
            vn_edits_add (out, tk->off, tk->len, low, n, &rules[Y104],
                          "stray capital: '%.*s' -> '%.*s'", (int) tk->len,
                          t + tk->off, (int) n, low);
          }
          continue;
        default:
          break;
        }
      if (tk->info.wcase == C_UPPER || tk->info.wcase == C_MIXED)
        continue;
      if ((covered = try_list (st, t, i, out)) > 0)
        {
          i += covered - 1;
          continue;
        }
      if (!st->use_context)
        continue;
      if (tk->info.kind == K_NONWORD || tk->info.kind == K_BROKEN)
        try_nonword (st, t, i, out);
      else if (tk->info.wcase == C_LOWER || opens_sentence (t, tk))
        try_real (st, t, i, out);
    }
}

const struct vn_fixer vn_fixer_typos = {
  .name = "typos",
  .filter = "vn-typos",
  .summary = "misspelled syllables, listed misspellings, real words the "
    "context rejects, stray capitals",
  .rules = rules,
  .options = options,
  .create = create,
  .destroy = destroy,
  .set_option = set_option,
  .line = line,
};
