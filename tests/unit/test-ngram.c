/* test-ngram.c -- unit test of the n-gram table (lib/ngram.c over the
   compiled-in data/ngrams.tsv): words and pairs found and refused, counts
   consistent with each other, the smoothing's order */
#include <config.h>
#include <math.h>
#include <string.h>
#include "ngram.h"
#include "tap.h"

static uint32_t
id_of (const struct vn_ngram *m, const char *w)
{
  return vn_ngram_id (m, w, strlen (w));
}

int
main (void)
{
  const struct vn_ngram *m = vn_ngram_default ();
  uint32_t xu = id_of (m, "xử"), ly = id_of (m, "lý"), xw = id_of (m, "xứ");
  uint32_t n, i, bad = 0;

  ok (m == vn_ngram_default (), "one table for every caller");
  ok (vn_ngram_size (m) > 5000, "thousands of words (%u)",
      (unsigned) vn_ngram_size (m));
  ok (xu && ly && xw, "common syllables are in the table");
  ok (id_of (m, "khần") == 0 && id_of (m, "trưc") == 0,
      "misspellings are not");
  ok (id_of (m, "") == 0 && id_of (m, "xử lý") == 0 && id_of (m, "Xử") == 0,
      "empty, two words, upper case: not words of the table");
  ok (id_of (m, "hoà") == 0 && id_of (m, "hòa") != 0,
      "words are kept in the old tone style");
  ok (vn_ngram_id (m, "xửa", 4) == xu, "a prefix of the bytes is looked up");
  ok (strcmp (vn_ngram_word (m, xu), "xử") == 0, "number to word");
  ok (*vn_ngram_word (m, 0) == '\0' && vn_ngram_count (m, 0) == 0
      && !vn_ngram_known (m, 0), "number 0 is no word");
  ok (vn_ngram_count (m, xu) > vn_ngram_count (m, xw),
      "xử is commoner than xứ");
  ok (vn_ngram_known (m, id_of (m, "chận")), "a dictionary syllable is known "
      "however rare");

  /* Every word's number leads back to it. */
  n = vn_ngram_size (m);
  for (i = 1; i <= n; i++)
    {
      const char *w = vn_ngram_word (m, i);
      if (vn_ngram_id (m, w, strlen (w)) != i)
        bad++;
    }
  ok (bad == 0, "all %u words round-trip (%u do not)", (unsigned) n,
      (unsigned) bad);

  ok ((vn_ngram_pair (m, xu, ly) & 0xFFFF) > 100, "xử lý is a frequent pair");
  ok (vn_ngram_pair (m, xu, ly) & VN_NGRAM_DICT, "and a dictionary word");
  ok (vn_ngram_pair (m, xw, ly) == 0, "xứ lý never occurs");
  ok (vn_ngram_pair (m, ly, xu) == 0 || (vn_ngram_pair (m, ly, xu) & 0xFFFF)
      < (vn_ngram_pair (m, xu, ly) & 0xFFFF), "pairs have an order");
  ok (vn_ngram_pair (m, 0, ly) == 0 && vn_ngram_pair (m, xu, 0) == 0
      && vn_ngram_pair (m, n + 1, ly) == 0, "pairs with no word are 0");
  ok (vn_ngram_total (m) > 1000000, "over a million words counted");

  ok (vn_ngram_logp (m, xu, ly) > vn_ngram_logp (m, xw, ly) + 2,
      "P(lý | xử) is a hundred times P(lý | xứ) or more");
  ok (vn_ngram_logp (m, 0, xu) > vn_ngram_logp (m, 0, xw),
      "without context, the commoner word");
  ok (vn_ngram_logp (m, 0, 0) < vn_ngram_logp (m, 0, xw),
      "a word never seen is rarer than any seen");
  ok (vn_ngram_logp (m, xu, ly) <= 0 && vn_ngram_logp (m, xw, ly) <= 0,
      "probabilities are at most 1");
  ok (fabs (vn_ngram_logp_with (m, xu, ly, vn_ngram_pair (m, xu, ly))
            - vn_ngram_logp (m, xu, ly)) < 1e-12,
      "logp_with a looked-up pair is logp");
  return tap_done ();
}
