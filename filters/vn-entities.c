/* vn-entities.c -- decode HTML entity residue (CLEAN-TEXT.md section 2) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_entities, NULL };

static const struct vn_filter filter = {
  .name = "vn-entities",
  .description =
    "Decode HTML entity residue in Vietnamese text.\n"
    "\n"
    "Decodes the HTML entity residue that scrapers leave in text: named\n"
    "(&agrave;), decimal (&#224;) and hex (&#xE0;) references, and the broken\n"
    "forms: 'nbsp;' without its '&', '&nbsp' without its ';', double-escaped\n"
    "'&amp;nbsp;', upper-case names.  A no-break space becomes a plain space.\n"
    "Text that only looks like an entity (AT&T, R&D, NN&PTNT) is kept.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
