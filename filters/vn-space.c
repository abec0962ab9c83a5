/* vn-space.c -- spaces, blank lines and line ends (CLEAN-TEXT.md section 3) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_space, NULL };

static const struct vn_filter filter = {
  .name = "vn-space",
  .description =
    "Normalize spaces, blank lines and line ends.\n"
    "\n"
    "Leaves no space at the start or end of a line, one space between words\n"
    "(tabs become spaces), one paragraph per line with no blank lines, LF line\n"
    "ends (CRLF and CR are converted), and a final newline.  Blank lines at the\n"
    "start and end of a document always go.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
