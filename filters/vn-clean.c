/* vn-clean.c -- every filter of the suite in one process, in the order of
   the registry (DESIGN.md) */
#include <config.h>

#include "driver.h"

static const struct vn_filter filter = {
  .name = "vn-clean",
  .description =
    "Clean Vietnamese text: every vnclean filter, in one process.\n"
    "\n"
    "Runs the filters in their pipeline order (see the rules below for what\n"
    "each fixes) and writes the same text as the shell pipeline of the\n"
    "separate filters in that order would, faster.  Each document (a file, a\n"
    "--doc-sep section or a JSONL record) is held in memory while it is\n"
    "cleaned.  --only and --skip choose filters; every filter's own options\n"
    "are accepted.\n",
  .fixers = vn_registry,
  .select = 1,
  .documents = 1,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
