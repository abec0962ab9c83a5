/* vn-typos.c -- misspellings and stray capitals (CLEAN-TEXT.md section 5) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_typos, NULL };

static const struct vn_filter filter = {
  .name = "vn-typos",
  .description =
    "Fix Vietnamese misspellings and stray capitals.\n"
    "\n"
    "A syllable that Vietnamese does not have (trưc, khần, thươngg) is replaced\n"
    "by the one slip away from it that its neighbours call for (trực tiếp,\n"
    "khẩn cấp); a misspelling of the built-in list or of --typos is fixed where\n"
    "its conditions allow (nổ lực -> nỗ lực; tìm ẩn -> tiềm ẩn, but not in tìm ẩn\n"
    "số); a real word that its context rejects is replaced when a word one slip\n"
    "away fits it far better (hó khăn -> khó khăn); a capital inside a lower-case\n"
    "word is lowered (khaI -> khai).  The context is a table of syllable and\n"
    "pair counts from clean news text (data/ngrams.tsv).  Precision first: what\n"
    "is not sure is left as is, and --check reports it as a note (Y190, Y191).\n"
    "Acronyms, names, brands (HĐND, iPhone, McDonald, BoE), foreign words,\n"
    "numbers and accepted variants (sĩ/sỹ, hi vọng/hy vọng) stay.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
