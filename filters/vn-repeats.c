/* vn-repeats.c -- words typed twice (CLEAN-TEXT.md section 5) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_repeats, NULL };

static const struct vn_filter filter = {
  .name = "vn-repeats",
  .description =
    "Remove the copy of a Vietnamese word or two-word phrase typed twice.\n"
    "\n"
    "A word typed twice by accident loses its second copy and one space (như\n"
    "như mệnh lệnh -> như mệnh lệnh, hiệu quả quả cao -> hiệu quả cao,\n"
    "Như như -> Như), and so does a dictionary word of two syllables (trao đổi\n"
    "trao đổi -> trao đổi).  Kept: reduplication (từ từ, người người, ngày\n"
    "ngày, xa xa: data/reduplicatives.txt, compiled in, and --keep), a\n"
    "syllable that ends one word and begins the next (hành vi vi phạm, cơ\n"
    "quan quan trọng), copies apart by punctuation (như, như), numbers, words\n"
    "that are no Vietnamese syllable (bye bye) and capitalized copies, which\n"
    "are names (Băng Băng).  When the dictionaries and the news corpus do not\n"
    "settle it, or the first copy reads as a slip of the tone for a common\n"
    "pair with the word before (cuối cũng cũng: cuối cùng cũng), the text is\n"
    "left and --check lists an R190 note.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
