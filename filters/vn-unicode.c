/* vn-unicode.c -- NFC, invisible and control characters, odd spaces and
   look-alike letters (CLEAN-TEXT.md section 1) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_unicode, NULL };

static const struct vn_filter filter = {
  .name = "vn-unicode",
  .description =
    "Normalize Unicode: NFC, invisible and control characters, "
    "look-alike letters.\n"
    "\n"
    "Composes decomposed letters (a + U+0301 becomes á); removes zero-width\n"
    "spaces and joiners, word joiners, soft hyphens and byte-order marks;\n"
    "makes every Unicode space (no-break, em, thin, ideographic...) an ASCII\n"
    "space; removes C0 and C1 control characters (a tab, vertical tab, form\n"
    "feed or next line becomes a space); makes Ð/ð Đ/đ in a Vietnamese word\n"
    "(Guðrún keeps its eth); makes a Cyrillic or Greek letter that looks\n"
    "like a Latin one Latin inside a Latin word (whole Cyrillic and Greek\n"
    "words stay); and folds a spacing accent typed after a vowel into it\n"
    "when that makes a Vietnamese syllable (ca´c becomes các).  Joiners in\n"
    "emoji sequences and in the scripts that need them are kept.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
