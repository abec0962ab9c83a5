/* test-diff.c -- unit tests of the streaming unified diff */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diff.h"
#include "tap.h"

/* Diff N lines OLD[i] -> NEW[i]; return what was written. */
static char *
run (const char *const *old, const char *const *new, size_t n)
{
  char *text = NULL;
  size_t len = 0, i;
  FILE *f = open_memstream (&text, &len);
  struct vn_diff *d = vn_diff_new (f);

  vn_diff_begin (d, "doc");
  for (i = 0; i < n; i++)
    vn_diff_line (d, old[i], strlen (old[i]), new[i], strlen (new[i]));
  vn_diff_end (d);
  vn_diff_free (d);
  fclose (f);
  return text;
}

int
main (void)
{
  char *got;

  {
    const char *old[] = { "a\n", "b\n" };
    got = run (old, old, 2);
    ok_str (got, "", "no change, no output (not even headers)");
    free (got);
  }
  {
    const char *old[] = { "1\n", "2\n", "3\n", "4\n", "5\n" };
    const char *new[] = { "1\n", "2\n", "THREE\n", "4\n", "5\n" };
    got = run (old, new, 5);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+THREE\n 4\n 5\n",
            "one changed line with context");
    free (got);
  }
  {
    const char *old[] = { "a\n", "\n", "b\n" };
    const char *new[] = { "a\n", "", "b\n" };
    got = run (old, new, 3);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,3 +1,2 @@\n a\n-\n b\n", "a deleted line");
    free (got);
  }
  {
    const char *old[] = { "a\n", "b" };
    const char *new[] = { "a\n", "b\n" };
    got = run (old, new, 2);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
            "a final newline added");
    free (got);
  }
  {
    const char *old[] = { "x\n" };
    const char *new[] = { "\nx\n" };
    got = run (old, new, 1);
    ok_str (got, "--- doc\n+++ doc\n@@ -1 +1,2 @@\n-x\n+\n+x\n", "one line became two");
    free (got);
  }
  {
    /* Changes 7 unchanged lines apart make two hunks; 6 apart, one. */
    const char *old[] = { "c\n", "1\n", "2\n", "3\n", "4\n", "5\n", "6\n", "7\n", "c\n" };
    const char *new[] = { "C\n", "1\n", "2\n", "3\n", "4\n", "5\n", "6\n", "7\n", "C\n" };
    got = run (old, new, 9);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,4 +1,4 @@\n-c\n+C\n 1\n 2\n 3\n"
            "@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-c\n+C\n", "distant changes: two hunks");
    free (got);
    got = run (old + 1, new + 1, 8);
    ok_str (got, "--- doc\n+++ doc\n@@ -5,4 +5,4 @@\n 5\n 6\n 7\n-c\n+C\n",
            "leading context is the last three lines");
    free (got);
    {
      const char *o2[] = { "c\n", "1\n", "2\n", "3\n", "4\n", "5\n", "6\n", "c\n" };
      const char *n2[] = { "C\n", "1\n", "2\n", "3\n", "4\n", "5\n", "6\n", "C\n" };
      got = run (o2, n2, 8);
      ok_str (got, "--- doc\n+++ doc\n@@ -1,8 +1,8 @@\n-c\n+C\n 1\n 2\n 3\n 4\n 5\n 6\n-c\n+C\n",
              "changes six lines apart: one hunk");
      free (got);
    }
  }
  {
    const char *old[] = { "\n", "a\n" };
    const char *new[] = { "", "a\n" };
    got = run (old, new, 2);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,2 +1 @@\n-\n a\n", "first line deleted");
    free (got);
  }
  {
    /* Adjacent changes: all - lines, then all + lines, as diff -u. */
    const char *old[] = { "a\n", "b\n", "c\n" };
    const char *new[] = { "A\n", "B\n", "c\n" };
    got = run (old, new, 3);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,3 +1,3 @@\n-a\n-b\n+A\n+B\n c\n",
            "a run of changes: minus lines first");
    free (got);
  }
  {
    /* A lone CR does not end a line for patch: "a\rb\n" is one line. */
    const char *old[] = { "a\r", "b\n", "c\n" };
    const char *new[] = { "a\n", "b\n", "c\n" };
    got = run (old, new, 3);
    ok_str (got, "--- doc\n+++ doc\n@@ -1,2 +1,3 @@\n-a\rb\n+a\n+b\n c\n",
            "lone CR: the unit is the LF-ended line");
    free (got);
  }
  return tap_done ();
}
