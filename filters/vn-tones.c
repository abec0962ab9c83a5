/* vn-tones.c -- tone marks on the right vowel (CLEAN-TEXT.md section 5) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_tones, NULL };

static const struct vn_filter filter = {
  .name = "vn-tones",
  .description =
    "Put Vietnamese tone marks on the vowel that carries them.\n"
    "\n"
    "Writes tone marks in the old style by default (hòa, khỏe, thủy, ma túy),\n"
    "as Vietnamese news does; --style=new gives hoà, khoẻ, thuỷ.  A mark on the\n"
    "wrong vowel is moved (lựơng -> lượng, gìa -> già, đaị -> đại) and a mark\n"
    "typed twice is removed.  Only words that parse as Vietnamese syllables are\n"
    "rewritten: English, names without marks, acronyms and numbers stay.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
