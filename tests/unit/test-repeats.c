/* test-repeats.c -- unit test of the word data of vn-repeats
   (lib/repeats.c, the table lib/gen-repeat-table.awk makes of data/): the
   table is sorted and canonical, keys ignore case, NFD and tone style,
   the dictionary and corpus flags come through, and the fast test of the
   line scan folds the case of every Vietnamese capital */
#include <config.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "repeats.h"
#include "tap.h"
#include "repeat-table.h"

/* The flags of the pair of words A B, keyed first. */
static unsigned
pair (const char *a, const char *b)
{
  char ka[VN_KEY_MAX], kb[VN_KEY_MAX];
  size_t na = vn_syllable_key (a, strlen (a), ka, NULL);
  size_t nb = vn_syllable_key (b, strlen (b), kb, NULL);

  return na && nb ? vn_pair_flags (ka, na, kb, nb) : 0;
}

static void
key_is (const char *w, const char *want, enum vn_casing casing)
{
  char k[VN_KEY_MAX];
  enum vn_casing c = VN_CASE_OTHER;
  size_t n = vn_syllable_key (w, strlen (w), k, &c);

  ok_mem (k, n, want, strlen (want), "key of '%s' is '%s'", w, want);
  ok (c == casing, "'%s' is written %s", w, casing == VN_CASE_LOWER
      ? "in lower case" : casing == VN_CASE_TITLE ? "with a capital"
      : "otherwise (or is no syllable)");
}

static int
alike (const char *a, const char *b)
{
  return vn_repeats_alike (a, strlen (a), b, strlen (b));
}

int
main (void)
{
  /* Upper and lower case of every letter that can begin a Vietnamese
     word, as the README of lib/syllable.c lists them. */
  static const char *const upper[] = {
    "AĂÂEÊIOÔƠUƯY", "ÀẰẦÈỀÌÒỒỜÙỪỲ", "ÁẮẤÉẾÍÓỐỚÚỨÝ", "ẢẲẨẺỂỈỎỔỞỦỬỶ",
    "ÃẴẪẼỄĨÕỖỠŨỮỸ", "ẠẶẬẸỆỊỌỘỢỤỰỴ", "BCDĐGHKLMNPQRSTVX"
  };
  static const char *const lower[] = {
    "aăâeêioôơuưy", "àằầèềìòồờùừỳ", "áắấéếíóốớúứý", "ảẳẩẻểỉỏổởủửỷ",
    "ãẵẫẽễĩõỗỡũữỹ", "ạặậẹệịọộợụựỵ", "bcdđghklmnpqrstvx"
  };
  size_t i, r;
  int sorted = 1, canonical = 1, flagged = 1, folded = 1;

  /* The generated table. */
  for (i = 1; i < REP_SYLLABLES; i++)
    sorted &= memcmp (rep_syllable[i - 1], rep_syllable[i],
                      REP_SYL_WIDTH) < 0;
  ok (sorted, "the %d syllables are sorted in byte order, no duplicate",
      REP_SYLLABLES);
  for (i = 0; i < REP_SYLLABLES; i++)
    {
      char k[VN_KEY_MAX];
      size_t n = strlen (rep_syllable[i]);
      size_t kn = vn_syllable_key (rep_syllable[i], n, k, NULL);
      if (kn != n || memcmp (k, rep_syllable[i], n))
        {
          if (canonical)
            printf ("#   '%s' is not its own key\n", rep_syllable[i]);
          canonical = 0;
        }
    }
  ok (canonical, "every syllable of the table is its own key (lower case, "
      "NFC, old style)");
  sorted = 1;
  for (i = 1; i < REP_PAIRS; i++)
    sorted &= rep_pair_key[i - 1] < rep_pair_key[i];
  for (i = 0; i < REP_PAIRS; i++)
    flagged &= rep_pair_flags[i] != 0 && rep_pair_flags[i] < 64
      && (rep_pair_key[i] >> 16) < REP_SYLLABLES
      && (rep_pair_key[i] & 0xFFFF) < REP_SYLLABLES;
  ok (sorted, "the %d pairs are sorted, no duplicate", REP_PAIRS);
  ok (flagged, "every pair has flags and two syllables of the table");

  /* Keys. */
  key_is ("hòa", "hòa", VN_CASE_LOWER);
  key_is ("Hoà", "hòa", VN_CASE_TITLE);
  key_is ("ho\xcc\x80" "a", "hòa", VN_CASE_LOWER);
  key_is ("NHƯ", "như", VN_CASE_OTHER);
  key_is ("nhƯ", "", VN_CASE_OTHER);        /* mixed case: no syllable */
  key_is ("Đâu", "đâu", VN_CASE_TITLE);
  key_is ("Ý", "ý", VN_CASE_TITLE);
  key_is ("lựơng", "lượng", VN_CASE_LOWER);
  key_is ("bye", "", VN_CASE_OTHER);
  key_is ("iPhone", "", VN_CASE_OTHER);
  key_is ("H5N1", "", VN_CASE_OTHER);

  /* What the data say. */
  ok (pair ("hành", "vi") & VN_PAIR_WORD, "hành vi is a word");
  ok (pair ("vi", "phạm") & VN_PAIR_WORD, "vi phạm is a word");
  ok (pair ("Cơ", "Quan") & VN_PAIR_WORD, "Cơ Quan is a word: no case");
  ok (pair ("thuỷ", "lợi") & VN_PAIR_WORD, "thuỷ lợi is a word: no style");
  ok (pair ("bảo", "hiểm") & VN_PAIR_BEGINS, "bảo hiểm begins a longer word "
      "(bảo hiểm xã hội)");
  ok (pair ("xã", "hội") & VN_PAIR_ENDS, "xã hội ends a longer word");
  ok (pair ("từ", "từ") & VN_PAIR_DOUBLE, "từ từ is reduplication");
  ok (pair ("cay", "cay") & VN_PAIR_DOUBLE, "cay cay is reduplication "
      "(attested in the corpus)");
  ok (pair ("bị", "chiếm") == VN_PAIR_PHRASE, "bị chiếm only begins a "
      "phrase");
  ok (!(pair ("quả", "cao") & (VN_PAIR_WORD | VN_PAIR_BEGINS
                               | VN_PAIR_PHRASE)), "quả cao is nothing "
      "(hiệu quả | cao)");
  ok (!(pair ("như", "như") & VN_PAIR_DOUBLE), "như như is no "
      "reduplication");
  ok (vn_pair_flags ("x", 1, "y", 1) == 0, "syllables not in the table");
  ok (vn_pair_flags ("nghiêngnghiêng", 24, "vi", 2) == 0,
      "a key longer than any syllable");

  /* The fast test. */
  for (r = 0; r < sizeof upper / sizeof *upper; r++)
    {
      const char *u = upper[r], *l = lower[r];
      while (*u && *l)
        {
          size_t nu = 1, nl = 1;
          char wu[16], wl[16];
          while ((u[nu] & 0xC0) == 0x80)
            nu++;
          while ((l[nl] & 0xC0) == 0x80)
            nl++;
          snprintf (wu, sizeof wu, "%.*snh", (int) nu, u);
          snprintf (wl, sizeof wl, "%.*snh", (int) nl, l);
          if (!alike (wu, wl) || !alike (wl, wu))
            {
              printf ("#   '%s' and '%s' are not alike\n", wu, wl);
              folded = 0;
            }
          u += nu;
          l += nl;
        }
    }
  ok (folded, "every capital that begins a word folds to its small letter");
  ok (alike ("như", "như") && alike ("Như", "như"), "như, Như");
  ok (alike ("nghiêngnghiêng", "Nghiêngnghiêng"), "past eight bytes");
  ok (!alike ("nghiêngnghiêng", "nghiêngnghiênG"), "a difference past "
      "eight bytes");
  ok (!alike ("như", "nhu") && !alike ("như", "nhưng"), "other words");
  ok (!alike ("Ơn", "ơm") && !alike ("ơn", "ớn"), "other letters");
  ok (!alike ("hoà", "hòa") && !alike ("ho\xcc\x80" "a", "hòa"),
      "other spellings of one word are left to the filters before");
  ok (!alike ("", ""), "empty words");
  return tap_done ();
}
