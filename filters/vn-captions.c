/* vn-captions.c -- photo and video captions, photo credits (CLEAN-TEXT.md
   section 6) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_captions, NULL };

static const struct vn_filter filter = {
  .name = "vn-captions",
  .description =
    "Remove photo and video captions from news articles.\n"
    "\n"
    "Each document (a file, a --jsonl record, a --doc-sep section) is read\n"
    "whole, and each line scores points for and against being a caption: a\n"
    "photo credit ((Ảnh: X), Ảnh minh họa), what captions say (phát biểu tại,\n"
    "trao, Quang cảnh, chụp ảnh), one short sentence among paragraphs of\n"
    "several, no final punctuation among lines that have it, a run of blank\n"
    "lines before it, saying again what the paragraph before or after says;\n"
    "and against: a connective opening it (Tuy nhiên, Theo đó), speech and\n"
    "quotations, several sentences, length.  A line of 3 points or more is\n"
    "removed; at 2 it stays and --check notes it (C190).  The title (a first\n"
    "line without a full stop), list items, and the byline block at the end\n"
    "stay; in a photo gallery (half its paragraphs credited) the text stays.\n"
    "A text with no byline, source tag or photo credit may be no news at\n"
    "all (short paragraphs are common in an encyclopedia): there a line goes\n"
    "only on a sign of a picture (a cue, a credit, blank lines before it)\n"
    "and when it is short; else it stays, noted.  A credit is no caption by\n"
    "itself, even with a loose repetition (a lead may end in the credit of\n"
    "the picture above it): its line needs 70% of its words repeated, or\n"
    "another sign.\n"
    "A photo credit in a line that stays is cut out with the space and dash\n"
    "before it: 'họp (Ảnh: UEF).' -> 'họp.'.  --explain prints the evidence.\n"
    "The cue lists are data/structure-cues.tsv; --cues=FILE adds to them.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
