/* vn-bylines.c -- bylines, source lines and tags, the end marker ./.
   (CLEAN-TEXT.md section 6) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_bylines, NULL };

static const struct vn_filter filter = {
  .name = "vn-bylines",
  .description =
    "Remove author bylines and source lines from news articles.\n"
    "\n"
    "Each document (a file, a --jsonl record, a --doc-sep section) is read\n"
    "whole.  At its end, up to four lines are removed when each is a byline:\n"
    "names whose every word is a Vietnamese name syllable or an initial\n"
    "(Trung Trực, Văn Đăng; N.T; H.Long), a source (Theo IFL Science,\n"
    "(Tổng hợp), VietnamNet/SCMP, a listed outlet), both glued together\n"
    "(Minh PhươngTheo Reuters), or a photo credit line (Ảnh: BTC).  A short\n"
    "capitalized last line that is not all names stays and --check notes it\n"
    "(B190).  Also removed: a byline glued to the last sentence when it is\n"
    "all names ('... tuần tra đêm. Trung Trực'), a source tag opening the\n"
    "first paragraph ((CAO), TTO -, (Dân trí) -, VTV.vn -); and the end\n"
    "marker './.' becomes '.'.  The first line is never a byline.  Web\n"
    "residue below the byline is skipped (vn-boilerplate removes it).\n"
    "--explain prints the evidence; --cues=FILE adds outlets and names.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
