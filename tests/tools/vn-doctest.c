/* vn-doctest.c -- a filter for the tests only: a document-scope stage
   between vn-entities and vn-space, to show what the driver does with
   documents held whole (tests/golden/document.vt) */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include "driver.h"

static const struct vn_rule rules[] = {
  {"X101", "line repeating an earlier line of the document removed"},
  {"X190", "how many lines the document has"},
  {NULL, NULL}
};

/* Needs the whole document: the count is reported on its first line, and
   a line is removed for a copy anywhere before it. */
static void
document (void *state, const struct vn_doc *doc, const struct vn_line *lines,
          size_t n, struct vn_edits *out)
{
  size_t i, j;

  (void) state;
  (void) doc;
  if (n)
    vn_edits_note (&out[0], 0, 0, &rules[1], "%zu lines", n);
  for (i = 1; i < n; i++)
    for (j = 0; j < i; j++)
      if (lines[i].len && lines[i].len == lines[j].len
          && !memcmp (lines[i].text, lines[j].text, lines[i].len))
        {
          vn_edits_add (&out[i], 0, lines[i].len + lines[i].eol_len, "", 0,
                        &rules[0], "copy of line %llu",
                        (unsigned long long) lines[j].lineno);
          break;
        }
}

static const struct vn_fixer doctest = {
  .name = "doctest",
  .filter = "vn-doctest",
  .summary = "remove repeated lines (a test of document scope)",
  .rules = rules,
  .document = document,
};

static const struct vn_fixer *const fixers[] = {
  &vn_fixer_entities, &doctest, &vn_fixer_space, NULL
};

static const struct vn_filter filter = {
  .name = "vn-doctest",
  .description = "Test filter: vn-entities, a document-scope stage that "
    "removes repeated lines, vn-space.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
