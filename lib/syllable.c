/* syllable.c -- the Vietnamese syllable: letters decoded from UTF-8 (NFC or
   NFD), split into onset and rime, checked, and written back with the tone
   mark where the old or the new style puts it */
#include <config.h>

#include <stdint.h>
#include "syllable.h"
#include "utf8.h"
#include "rime-table.h"

/* The letters, numbered in the order of the alphabet in
   lib/gen-rime-table.awk, which packs the rimes of data/rimes.tsv with
   these same numbers (a rime key is its letter codes, five bits each).
   0 is no letter: f j w z, digits, other scripts. */
enum letter
{
  L_NONE, L_A, L_AW, L_AA, L_B, L_C, L_D, L_DD, L_E, L_EE, L_G, L_H, L_I,
  L_K, L_L, L_M, L_N, L_O, L_OO, L_OW, L_P, L_Q, L_R, L_S, L_T, L_U, L_UW,
  L_V, L_X, L_Y, L_COUNT
};

#define BIT(l) (UINT32_C (1) << (l))
#define VOWELS (BIT (L_A) | BIT (L_AW) | BIT (L_AA) | BIT (L_E) | BIT (L_EE) \
                | BIT (L_I) | BIT (L_O) | BIT (L_OO) | BIT (L_OW) | BIT (L_U) \
                | BIT (L_UW) | BIT (L_Y))
#define IS_VOWEL(l) ((VOWELS >> (l)) & 1)

/* Each letter as the code point the API shows (lower case, no tone). */
static const uint16_t letter_cp[L_COUNT] = {
  0, 'a', 0x103, 0xE2, 'b', 'c', 'd', 0x111, 'e', 0xEA, 'g', 'h', 'i',
  'k', 'l', 'm', 'n', 'o', 0xF4, 0x1A1, 'p', 'q', 'r', 's', 't', 'u', 0x1B0,
  'v', 'x', 'y'
};

/* Decoding must keep up with vn-tones, which parses nearly every word of
   the text: no call and no search per character.  Every character a
   syllable can hold has an entry in CHAR_INFO, found from its UTF-8 bytes
   by arithmetic: ASCII at its value, then U+00C0..U+01BF (two bytes C3..C6),
   the combining marks U+0300..U+033F (CC), and U+1E80..U+1EFF (E1 BA and
   E1 BB).  An entry packs the letter (bits 0-4), its tone (bits 5-7, enum
   vn_tone) and whether it is upper case (bit 8); for a combining mark, bit
   9 with the tone or, in bits 0-4, the hat, breve or horn it adds.  0 is
   no Vietnamese letter.  The 134 precomposed letters, 67 pairs, are listed
   by rule from the Unicode charts: Latin-1 puts the lower case 0x20 above
   the upper, the other blocks 1 above. */
enum
{
  IX_LAT = 128, IX_COMB = IX_LAT + 256, IX_EXT = IX_COMB + 64,
  IX_END = IX_EXT + 128
};
#define INFO_LETTER(i) ((i) & 0x1F)
#define INFO_TONE(i) (((i) >> 5) & 7)
#define INFO_UPPER(i) (((i) >> 8) & 1)
#define INFO_COMBINING 0x200
enum { MOD_HAT = 1, MOD_BREVE, MOD_HORN };

#define PACK(l, t, up) ((uint16_t) ((l) | (VN_TONE_##t) << 5 | (up) << 8))
#define ASC(c, l) [c] = PACK (l, NONE, 0), [(c) - 0x20] = PACK (l, NONE, 1)
#define L1(cp, l, t) [IX_LAT + (cp) - 0xC0] = PACK (l, t, 1), \
    [IX_LAT + (cp) + 0x20 - 0xC0] = PACK (l, t, 0)
#define LX(cp, l, t) [IX_LAT + (cp) - 0xC0] = PACK (l, t, 1), \
    [IX_LAT + (cp) + 1 - 0xC0] = PACK (l, t, 0)
#define EX(cp, l, t) [IX_EXT + (cp) - 0x1E80] = PACK (l, t, 1), \
    [IX_EXT + (cp) + 1 - 0x1E80] = PACK (l, t, 0)
#define CTONE(cp, t) [IX_COMB + (cp) - 0x300] = PACK (0, t, 0) | INFO_COMBINING
#define CMOD(cp, m) [IX_COMB + (cp) - 0x300] = (m) | INFO_COMBINING

static const uint16_t char_info[IX_END] = {
  /* The 22 letters of the Vietnamese alphabet that ASCII has. */
  ASC ('a', L_A), ASC ('b', L_B), ASC ('c', L_C), ASC ('d', L_D),
  ASC ('e', L_E), ASC ('g', L_G), ASC ('h', L_H), ASC ('i', L_I),
  ASC ('k', L_K), ASC ('l', L_L), ASC ('m', L_M), ASC ('n', L_N),
  ASC ('o', L_O), ASC ('p', L_P), ASC ('q', L_Q), ASC ('r', L_R),
  ASC ('s', L_S), ASC ('t', L_T), ASC ('u', L_U), ASC ('v', L_V),
  ASC ('x', L_X), ASC ('y', L_Y),
  /* Latin-1 Supplement, Latin Extended-A and -B. */
  L1 (0xC0, L_A, GRAVE), L1 (0xC1, L_A, ACUTE), L1 (0xC2, L_AA, NONE),
  L1 (0xC3, L_A, TILDE), L1 (0xC8, L_E, GRAVE), L1 (0xC9, L_E, ACUTE),
  L1 (0xCA, L_EE, NONE), L1 (0xCC, L_I, GRAVE), L1 (0xCD, L_I, ACUTE),
  L1 (0xD2, L_O, GRAVE), L1 (0xD3, L_O, ACUTE), L1 (0xD4, L_OO, NONE),
  L1 (0xD5, L_O, TILDE), L1 (0xD9, L_U, GRAVE), L1 (0xDA, L_U, ACUTE),
  L1 (0xDD, L_Y, ACUTE),
  LX (0x102, L_AW, NONE), LX (0x110, L_DD, NONE), LX (0x128, L_I, TILDE),
  LX (0x168, L_U, TILDE), LX (0x1A0, L_OW, NONE), LX (0x1AF, L_UW, NONE),
  /* The combining marks of NFD text, or typed after the letter. */
  CTONE (0x300, GRAVE), CTONE (0x301, ACUTE), CTONE (0x303, TILDE),
  CTONE (0x309, HOOK), CTONE (0x323, DOT),
  CMOD (0x302, MOD_HAT), CMOD (0x306, MOD_BREVE), CMOD (0x31B, MOD_HORN),
  /* Latin Extended Additional, where every letter from U+1EA0 on is
     Vietnamese. */
  EX (0x1EA0, L_A, DOT), EX (0x1EA2, L_A, HOOK),
  EX (0x1EA4, L_AA, ACUTE), EX (0x1EA6, L_AA, GRAVE), EX (0x1EA8, L_AA, HOOK),
  EX (0x1EAA, L_AA, TILDE), EX (0x1EAC, L_AA, DOT),
  EX (0x1EAE, L_AW, ACUTE), EX (0x1EB0, L_AW, GRAVE), EX (0x1EB2, L_AW, HOOK),
  EX (0x1EB4, L_AW, TILDE), EX (0x1EB6, L_AW, DOT),
  EX (0x1EB8, L_E, DOT), EX (0x1EBA, L_E, HOOK), EX (0x1EBC, L_E, TILDE),
  EX (0x1EBE, L_EE, ACUTE), EX (0x1EC0, L_EE, GRAVE), EX (0x1EC2, L_EE, HOOK),
  EX (0x1EC4, L_EE, TILDE), EX (0x1EC6, L_EE, DOT),
  EX (0x1EC8, L_I, HOOK), EX (0x1ECA, L_I, DOT),
  EX (0x1ECC, L_O, DOT), EX (0x1ECE, L_O, HOOK),
  EX (0x1ED0, L_OO, ACUTE), EX (0x1ED2, L_OO, GRAVE), EX (0x1ED4, L_OO, HOOK),
  EX (0x1ED6, L_OO, TILDE), EX (0x1ED8, L_OO, DOT),
  EX (0x1EDA, L_OW, ACUTE), EX (0x1EDC, L_OW, GRAVE), EX (0x1EDE, L_OW, HOOK),
  EX (0x1EE0, L_OW, TILDE), EX (0x1EE2, L_OW, DOT),
  EX (0x1EE4, L_U, DOT), EX (0x1EE6, L_U, HOOK),
  EX (0x1EE8, L_UW, ACUTE), EX (0x1EEA, L_UW, GRAVE), EX (0x1EEC, L_UW, HOOK),
  EX (0x1EEE, L_UW, TILDE), EX (0x1EF0, L_UW, DOT),
  EX (0x1EF2, L_Y, GRAVE), EX (0x1EF4, L_Y, DOT), EX (0x1EF6, L_Y, HOOK),
  EX (0x1EF8, L_Y, TILDE)
};

/* The twelve vowels with each tone, for writing a syllable back: lower
   case, in the order of enum vn_tone. */
static const struct
{
  uint16_t base;
  uint16_t toned[6];
} vowel_forms[] = {
  { 'a', { 0x61, 0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1 } },
  { 0x103, { 0x103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7 } },
  { 0xE2, { 0xE2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD } },
  { 'e', { 0x65, 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9 } },
  { 0xEA, { 0xEA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7 } },
  { 'i', { 0x69, 0xEC, 0xED, 0x1EC9, 0x129, 0x1ECB } },
  { 'o', { 0x6F, 0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD } },
  { 0xF4, { 0xF4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9 } },
  { 0x1A1, { 0x1A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3 } },
  { 'u', { 0x75, 0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5 } },
  { 0x1B0, { 0x1B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1 } },
  { 'y', { 0x79, 0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5 } }
};

/* For vn_syllable_tone_index, which sees code points: 1 for a vowel, 2 for
   one with a hat, breve or horn, 0 for a consonant (every letter is at
   most U+01B0). */
static const unsigned char vowel_kind[0x1B1] = {
  ['a'] = 1, ['e'] = 1, ['i'] = 1, ['o'] = 1, ['u'] = 1, ['y'] = 1,
  [0x103] = 2, [0xE2] = 2, [0xEA] = 2, [0xF4] = 2, [0x1A1] = 2, [0x1B0] = 2
};

/* The longest syllable has 7 letters: 3 of onset (ngh) and 4 of rime (uyên,
   ương, oach...); a longer word is none, whatever its letters. */
enum { ONSET_MAX = 3, RIME_MAX = 4, LETTERS_MAX = ONSET_MAX + RIME_MAX };

/* The onsets whose spelling depends on the letter after them, and the
   ones that choose their rimes (no onset, qu, gi). */
enum onset
{
  O_NONE, O_OTHER, O_C, O_K, O_Q, O_G, O_NG, O_GH, O_NGH, O_QU, O_GI,
  O_COUNT
};

/* Onsets of one letter, by the letter (vowels have none: O_NONE). */
static const unsigned char onset1[L_COUNT] = {
  [L_B] = O_OTHER, [L_C] = O_C, [L_D] = O_OTHER, [L_DD] = O_OTHER,
  [L_G] = O_G, [L_H] = O_OTHER, [L_K] = O_K, [L_L] = O_OTHER,
  [L_M] = O_OTHER, [L_N] = O_OTHER, [L_P] = O_OTHER, [L_Q] = O_Q,
  [L_R] = O_OTHER, [L_S] = O_OTHER, [L_T] = O_OTHER, [L_V] = O_OTHER,
  [L_X] = O_OTHER
};

/* Onsets of two letters, by the pair (first << 5 | second); ng may go on
   to ngh, and gi and qu are onsets only before another vowel. */
#define PAIR(a, b) [(a) << 5 | (b)]
static const unsigned char onset2[L_COUNT << 5] = {
  PAIR (L_C, L_H) = O_OTHER, PAIR (L_K, L_H) = O_OTHER,
  PAIR (L_N, L_H) = O_OTHER, PAIR (L_P, L_H) = O_OTHER,
  PAIR (L_T, L_H) = O_OTHER, PAIR (L_T, L_R) = O_OTHER,
  PAIR (L_G, L_H) = O_GH, PAIR (L_N, L_G) = O_NG,
  PAIR (L_G, L_I) = O_GI, PAIR (L_Q, L_U) = O_QU
};

/* The letters each onset may stand before, as the spelling rules say: k,
   gh and ngh before a front vowel (i e ê, and y for k), c, g and ng
   elsewhere (g before i too: "gì", "gìn"), q only in qu.  No Vietnamese
   syllable has g, gh, ng or ngh before y. */
#define FRONT (BIT (L_I) | BIT (L_E) | BIT (L_EE))
static const uint32_t spelled_before[O_COUNT] = {
  [O_NONE] = ~UINT32_C (0), [O_OTHER] = ~UINT32_C (0),
  [O_C] = ~(FRONT | BIT (L_Y)), [O_K] = FRONT | BIT (L_Y), [O_Q] = 0,
  [O_G] = ~(BIT (L_E) | BIT (L_EE) | BIT (L_Y)),
  [O_NG] = ~(FRONT | BIT (L_Y)), [O_GH] = FRONT, [O_NGH] = FRONT,
  [O_QU] = ~UINT32_C (0), [O_GI] = ~UINT32_C (0)
};

/* Which column of data/rimes.tsv's "after" each onset reads. */
static const unsigned char after_onset[O_COUNT] = {
  [O_NONE] = RIME_AFTER_NONE, [O_OTHER] = RIME_AFTER_CONSONANT,
  [O_C] = RIME_AFTER_CONSONANT, [O_K] = RIME_AFTER_CONSONANT,
  [O_Q] = RIME_AFTER_CONSONANT, [O_G] = RIME_AFTER_CONSONANT,
  [O_NG] = RIME_AFTER_CONSONANT, [O_GH] = RIME_AFTER_CONSONANT,
  [O_NGH] = RIME_AFTER_CONSONANT, [O_QU] = RIME_AFTER_QU,
  [O_GI] = RIME_AFTER_GI
};

/* The rime with KEY, from the hash table of rime-table.h, or NULL. */
static const struct rime *
find_rime (uint32_t key)
{
  uint32_t h = key % RIME_HASH_MODULUS;

  for (;;)
    {
      const struct rime *r = &rime_table[rime_slot[h]];
      if (r->key == key)
        return r;
      if (r->key == 0)
        return NULL;
      h = (h + 1) & (RIME_HASH_SIZE - 1);
    }
}

/* Apply the combining mark INFO to the last of the K letters L[]: return
   0 when it makes no Vietnamese letter (a second hat, a hat on u, a tone
   on a consonant), else 1, a tone mark counted as the precomposed ones are
   (into *TONE, *TONE_AT, *MARKS and *MIXED). */
static int
combine (unsigned info, unsigned char *l, size_t k, int *tone, int *tone_at,
         int *marks, int *mixed)
{
  unsigned char *last = &l[k - 1];
  int t = INFO_TONE (info);

  switch (INFO_LETTER (info))
    {
    case MOD_HAT:
      if (*last == L_A)
        *last = L_AA;
      else if (*last == L_E)
        *last = L_EE;
      else if (*last == L_O)
        *last = L_OO;
      else
        return 0;
      return 1;
    case MOD_BREVE:
      if (*last != L_A)
        return 0;
      *last = L_AW;
      return 1;
    case MOD_HORN:
      if (*last == L_O)
        *last = L_OW;
      else if (*last == L_U)
        *last = L_UW;
      else
        return 0;
      return 1;
    default:
      if (!IS_VOWEL (*last))
        return 0;
      if (++*marks == 1)
        {
          *tone = t;
          *tone_at = (int) k - 1;
        }
      else if (t != *tone)
        *mixed = 1;
      return 1;
    }
}

/* Decode the letters of W[0..N) into L[] (their codes), the upper-case
   ones as bits of *UPPER, and the tone marks into *TONE, *TONE_AT, *MARKS
   and *MIXED.  Return the number of letters, or -1 when W has anything but
   Vietnamese letters and their marks, or more than LETTERS_MAX letters.
   Inlined into vn_syllable_parse, which vn-tones calls on nearly every
   word. */
static inline int
decode (const char *w, size_t n, unsigned char *l, unsigned *upper,
        int *tone, int *tone_at, int *marks, int *mixed)
{
  const unsigned char *s = (const unsigned char *) w;
  size_t i = 0, k = 0;

  while (i < n)
    {
      unsigned c = s[i], info, t;

      /* One branch by length: the lengths alternate as the text does, but
         the predictor follows them better than arithmetic that avoids
         the branch (measured). */
      if (c < 0x80)
        {
          info = char_info[c];
          i++;
        }
      else if (c >= 0xC3 && c <= 0xC6)
        {
          if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
            return -1;
          info = char_info[IX_LAT + ((c - 0xC3) << 6 | (s[i + 1] & 0x3F))];
          i += 2;
        }
      else if (c == 0xE1)
        {
          if (i + 2 >= n || (s[i + 1] & 0xFE) != 0xBA
              || (s[i + 2] & 0xC0) != 0x80)
            return -1;
          info = char_info[IX_EXT + ((s[i + 1] & 1) << 6
                                     | (s[i + 2] & 0x3F))];
          i += 3;
        }
      else if (c == 0xCC)
        {
          if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80 || k == 0)
            return -1;
          info = char_info[IX_COMB + (s[i + 1] & 0x3F)];
          i += 2;
          if (info == 0 || !combine (info, l, k, tone, tone_at, marks,
                                     mixed))
            return -1;
          continue;
        }
      else
        return -1;
      if (info == 0 || k == LETTERS_MAX)
        return -1;
      l[k] = INFO_LETTER (info);
      *upper |= INFO_UPPER (info) << k;
      t = INFO_TONE (info);
      if (t != VN_TONE_NONE)
        {
          if (++*marks == 1)
            {
              *tone = (int) t;
              *tone_at = (int) k;
            }
          else if ((int) t != *tone)
            *mixed = 1;
        }
      k++;
    }
  return (int) k;
}

size_t
vn_syllable_letters (const char *w, size_t n, uint32_t *letters,
                     unsigned *upper, enum vn_tone *tone)
{
  unsigned char l[LETTERS_MAX + 1] = { 0 };
  int t = VN_TONE_NONE, tone_at = -1, marks = 0, mixed = 0, k, j;

  *upper = 0;
  k = decode (w, n, l, upper, &t, &tone_at, &marks, &mixed);
  if (k <= 0 || mixed)
    return 0;
  for (j = 0; j < k; j++)
    letters[j] = letter_cp[l[j]];
  *tone = (enum vn_tone) t;
  return (size_t) k;
}

int
vn_syllable_parse (const char *w, size_t n, struct vn_syllable *syl)
{
  unsigned char l[LETTERS_MAX + 1] = { 0 };
  size_t k, on_len, j;
  unsigned upper = 0;          /* bit J: letter J is upper case */
  int tone = VN_TONE_NONE, tone_at = -1, marks = 0, mixed = 0, got;
  unsigned on, first;
  const struct rime *r;
  uint32_t key;

  got = decode (w, n, l, &upper, &tone, &tone_at, &marks, &mixed);
  if (got < 0)
    return 0;
  k = (size_t) got;

  /* Lower, ALL CAPS or Title case; anything else (iPhone, McDonald, BoE)
     is a name or a brand, not a syllable to rewrite. */
  if (k == 0 || (upper != 0 && upper != (1u << k) - 1 && upper != 1))
    return 0;

  /* The onset.  L[] is zero past the letters, so L[1] and L[2] can be
     read in any word. */
  on = onset2[l[0] << 5 | l[1]];
  on_len = 2;
  if (on == O_NG && l[2] == L_H)
    on = O_NGH, on_len = 3;
  else if ((on == O_GI || on == O_QU) && !IS_VOWEL (l[2]))
    on = 0;
  if (on == 0)
    {
      on = onset1[l[0]];
      on_len = on != O_NONE;
    }
  if (k <= on_len || k - on_len > RIME_MAX)
    return 0;

  key = (uint32_t) l[on_len] << 15 | (uint32_t) l[on_len + 1] << 10
    | (uint32_t) l[on_len + 2] << 5 | l[on_len + 3];
  r = find_rime (key);
  if (!r)
    return 0;

  /* Always all seven: past K they are 0, and a loop of fixed length has
     no exit to mispredict. */
  for (j = 0; j < LETTERS_MAX; j++)
    {
      syl->letter[j] = letter_cp[l[j]];
      syl->upper[j] = (upper >> j) & 1;
    }
  syl->n = k;
  syl->onset_len = on_len;
  syl->coda_len = r->final;
  syl->tone = (enum vn_tone) tone;
  syl->tone_at = tone_at;
  syl->marks = marks;
  syl->mixed = mixed;

  first = l[on_len];
  /* A stop final (c ch p t) is heard only with the sắc or nặng tone; /kw/
     is written qu, never c with a glide ("cuy", "coa"). */
  syl->valid = (r->after & after_onset[on]) != 0
    && marks <= 1
    && ((spelled_before[on] >> first) & 1)
    && !(on == O_C && r->glide)
    && (!r->stop || tone == VN_TONE_ACUTE || tone == VN_TONE_DOT);
  return 1;
}

/* Where the mark goes, by the rules of CLEAN-TEXT.md section 5 (the onset
   qu or gi never takes it, being no part of the rime):
   - on the vowel with a hat, breve or horn (the later one in ươ);
   - else on the middle one of three vowels (ngoại, khuya, khuỷu);
   - else, of two vowels, on the second when a consonant follows (hoàn,
     tuýt, xoóng), and without one on the first (mía, múa, cháo, gửi),
     except oa, oe, uy, where the style decides. */
int
vn_syllable_tone_index (const struct vn_syllable *syl,
                        enum vn_tone_style style)
{
  size_t first = 0, count = 0, j;
  int modified = -1;

  if (syl->tone == VN_TONE_NONE)
    return -1;
  for (j = syl->onset_len; j < syl->n; j++)
    {
      uint32_t cp = syl->letter[j];
      int kind = cp < sizeof vowel_kind ? vowel_kind[cp] : 0;
      if (kind == 0)
        continue;
      if (count++ == 0)
        first = j;
      if (kind == 2)
        modified = (int) j;
    }
  if (modified >= 0)
    return modified;
  if (count == 3)
    return (int) first + 1;
  if (count != 2)
    return (int) first;
  if (first + 2 < syl->n)
    return (int) first + 1;     /* a final consonant follows */
  if (style == VN_STYLE_NEW)
    {
      uint32_t a = syl->letter[first], b = syl->letter[first + 1];
      if ((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y'))
        return (int) first + 1;
    }
  return (int) first;
}

/* The upper case of the lower-case letter CP: Latin-1 and ASCII put it
   0x20 below, the other blocks 1 below. */
static uint32_t
upper_cp (uint32_t cp)
{
  return cp < 0x100 ? cp - 0x20 : cp - 1;
}

size_t
vn_syllable_compose (const struct vn_syllable *syl, enum vn_tone_style style,
                     char *out)
{
  int at = vn_syllable_tone_index (syl, style);
  size_t len = 0, j;

  for (j = 0; j < syl->n; j++)
    {
      uint32_t cp = syl->letter[j];

      if ((int) j == at)
        {
          size_t v;
          for (v = 0; v < sizeof vowel_forms / sizeof vowel_forms[0]; v++)
            if (vowel_forms[v].base == cp)
              {
                cp = vowel_forms[v].toned[syl->tone];
                break;
              }
        }
      if (syl->upper[j])
        cp = upper_cp (cp);
      len += vn_utf8_encode (cp, out + len);
    }
  return len;
}
