/* vn-boilerplate.c -- web residue lines (CLEAN-TEXT.md section 6) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = {
  &vn_fixer_boilerplate, NULL
};

static const struct vn_filter filter = {
  .name = "vn-boilerplate",
  .description =
    "Remove the web residue that scrapers leave in news articles.\n"
    "\n"
    "Each document (a file, a --jsonl record, a --doc-sep section) is read\n"
    "whole.  Removed: lines that are a listed piece of page furniture (Chia\n"
    "sẻ, Bình luận, In bài viết, rx online), a number alone (a counter that\n"
    "lost its label: 3), a view, share or comment count (1.234 lượt xem,\n"
    "Bình luận (12)), a related-article list (Tin liên quan, Xem thêm, and\n"
    "the headlines under it; '>> headline'; 'Xem thêm: headline'), a promo\n"
    "box ending in 'Chi tiết tại đây' with its heading.  A short lower-case\n"
    "fragment that is no Vietnamese stays and --check notes it (W190).\n"
    "Text that only looks like residue stays: 'Chia sẻ với PV, ông A cho\n"
    "biết...' is a sentence.  --explain prints the evidence; --cues=FILE adds\n"
    "to the lists (data/structure-cues.tsv).\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
