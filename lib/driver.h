/* driver.h -- the shared main of every filter */
#ifndef VN_DRIVER_H
#define VN_DRIVER_H

#include "fixer.h"

/* Describe a filter: the fixers it runs, in order (NULL-ended), and the
   text for the top of --help. */
struct vn_filter
{
  const char *name;                     /* "vn-entities" */
  const char *description;              /* paragraph(s) after the usage line */
  const struct vn_fixer *const *fixers;
  int select;           /* offer --only=LIST and --skip=LIST */
  int lint;             /* vn-lint: change nothing, report every finding
                           (--format, --select, --ignore, thresholds), take
                           directories (--include, --exclude) */
  int documents;        /* hold each document whole even when no fixer is
                           of document scope: every stage then sees the
                           lines the stages before it wrote, lookahead
                           included, exactly as in a shell pipeline */
};

/* Parse the command line (the common options of DESIGN.md and each fixer's
   own), run the fixers over every input, and return the exit status. */
int vn_filter_main (const struct vn_filter *filter, int argc, char **argv);

#endif
