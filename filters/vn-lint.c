/* vn-lint.c -- the corpus validator: every filter's findings, nothing
   changed, for CI */
#include <config.h>

#include "driver.h"

static const struct vn_filter filter = {
  .name = "vn-lint",
  .description =
    "Check Vietnamese text against vnclean's rules without changing it.\n"
    "\n"
    "Runs every filter (as vn-clean does, in the same order) and reports\n"
    "each defect it would fix, and each note of something left for review,\n"
    "at its line and column in the input.  FILE may be a directory: the\n"
    "files under it are checked (names starting with '.' are skipped).\n"
    "Exits 1 when the defects found are over the thresholds (by default:\n"
    "any), so that a corpus can be kept clean in CI.\n",
  .fixers = vn_registry,
  .select = 1,
  .documents = 1,
  .lint = 1,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
