/* registry.c -- every fixer, in the order of the default pipeline */
#include <config.h>

#include <string.h>
#include "fixer.h"

/* The order is DESIGN.md's: recode, entities, unicode, tones, punct,
   repeats, typos, captions, bylines, boilerplate, space.  Each fixer joins
   here when it exists; vn-clean and vn-lint run this list. */
const struct vn_fixer *const vn_registry[] = {
  &vn_fixer_recode,
  &vn_fixer_entities,
  &vn_fixer_unicode,
  &vn_fixer_tones,
  &vn_fixer_punct,
  &vn_fixer_repeats,
  &vn_fixer_typos,
  &vn_fixer_captions,
  &vn_fixer_bylines,
  &vn_fixer_boilerplate,
  &vn_fixer_space,
  NULL
};

const struct vn_fixer *
vn_fixer_find (const char *name)
{
  const struct vn_fixer *const *f;

  for (f = vn_registry; *f; f++)
    if (!strcmp ((*f)->name, name) || !strcmp ((*f)->filter, name))
      return *f;
  return NULL;
}
