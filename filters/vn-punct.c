/* vn-punct.c -- spaces around punctuation (CLEAN-TEXT.md section 4) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_punct, NULL };

static const struct vn_filter filter = {
  .name = "vn-punct",
  .description =
    "Put spaces around Vietnamese punctuation where the text wants them.\n"
    "\n"
    "No space before , . ; : ! ? or a closing bracket (word , -> word,), none\n"
    "after an opening bracket or quote (( word -> (word), one space after\n"
    ", ; : . ! ? or an ellipsis glued to the next word (a,b -> a, b;\n"
    "năm.Quyết -> năm. Quyết).  Runs collapse: '. .' and ',,' become one mark,\n"
    "and an abbreviation ends in one dot (v.v.. -> v.v.).  A lopsided hyphen\n"
    "between abbreviations closes (TTGT- ĐT -> TTGT-ĐT).  A quote after a space\n"
    "or at the start of a line opens; elsewhere it closes.\n"
    "\n"
    "Never touched: numbers (12,5  5.385  1.406/2.282), dates and times\n"
    "(19/1/2005  8:30), ratios (2:1), URLs, e-mail addresses, file names,\n"
    "abbreviations with dots or slashes (TP.HCM, PGS.TS, v.v., Đ/c, TP.Đà Nẵng;\n"
    "the list is data/abbreviations.txt, compiled in), ellipses (... and … as\n"
    "typed), emoticons, and the style of quotes and dashes.  What is left for\n"
    "review (.,  ?.  !.  and ..) is listed by --check as P190, never changed.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
