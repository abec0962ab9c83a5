/* test-edit.c -- unit tests of edits: sorting, overlap checks, applying */
#include <config.h>
#include "buf.h"
#include "edit.h"
#include "tap.h"

static const struct vn_rule rule = { "T001", "test rule" };

/* Apply E to TEXT; the result, or "<rejected N>" when sorting refused. */
static const char *
apply (struct vn_edits *e, const char *text, struct vn_buf *out)
{
  static char msg[32];
  int rc = vn_edits_sort (e, strlen (text));
  vn_buf_clear (out);
  if (rc != VN_EDIT_OK)
    {
      snprintf (msg, sizeof msg, "<rejected %d>", rc);
      return msg;
    }
  vn_edits_apply (e, text, strlen (text), out);
  vn_buf_putc (out, '\0');
  return out->p;
}

int
main (void)
{
  struct vn_edits e = { 0 };
  struct vn_buf out = { 0 };

  ok_str (apply (&e, "abc", &out), "abc", "no edits: text unchanged");

  vn_edits_add (&e, 1, 1, "XY", 2, &rule, "b to XY");
  ok_str (apply (&e, "abc", &out), "aXYc", "one replacement");
  ok (e.nfix == 1 && e.n == 1, "counted as a fix");
  ok_str (vn_edit_reason (&e, &e.v[0]), "b to XY", "reason kept");

  vn_edits_clear (&e);
  vn_edits_add (&e, 4, 1, "", 0, &rule, "drop e");
  vn_edits_add (&e, 0, 0, ">", 1, &rule, "insert at %d", 0);
  vn_edits_add (&e, 2, 1, "C", 1, &rule, "c");
  ok_str (apply (&e, "abcde", &out), ">abCd", "edits proposed out of order are sorted");
  ok_str (vn_edit_reason (&e, &e.v[0]), "insert at 0", "formatted reason follows its edit");

  vn_edits_clear (&e);
  vn_edits_add (&e, 1, 0, "1", 1, &rule, "first");
  vn_edits_add (&e, 1, 0, "2", 1, &rule, "second");
  ok_str (apply (&e, "ab", &out), "a12b", "insertions at one offset keep their order");

  vn_edits_clear (&e);
  vn_edits_add (&e, 0, 2, "x", 1, &rule, "ab");
  vn_edits_add (&e, 2, 2, "y", 1, &rule, "cd");
  ok_str (apply (&e, "abcd", &out), "xy", "adjacent replacements are fine");

  vn_edits_clear (&e);
  vn_edits_add (&e, 0, 3, "x", 1, &rule, "abc");
  vn_edits_add (&e, 2, 2, "y", 1, &rule, "cd");
  ok_str (apply (&e, "abcd", &out), "<rejected -1>", "overlapping replacements rejected");

  vn_edits_clear (&e);
  vn_edits_add (&e, 0, 3, "x", 1, &rule, "abc");
  vn_edits_add (&e, 1, 0, "y", 1, &rule, "inside");
  ok_str (apply (&e, "abcd", &out), "<rejected -1>", "an insertion inside a replacement rejected");

  vn_edits_clear (&e);
  vn_edits_add (&e, 0, 2, "x", 1, &rule, "ab");
  vn_edits_add (&e, 0, 1, "y", 1, &rule, "a");
  ok_str (apply (&e, "abcd", &out), "<rejected -1>", "two replacements from one offset rejected");

  vn_edits_clear (&e);
  vn_edits_add (&e, 3, 2, "x", 1, &rule, "past the end");
  ok_str (apply (&e, "abcd", &out), "<rejected -2>", "an edit past the end rejected");

  vn_edits_clear (&e);
  vn_edits_note (&e, 0, 4, &rule, "just a note");
  vn_edits_add (&e, 1, 1, "B", 1, &rule, "b");
  ok_str (apply (&e, "abcd", &out), "aBcd", "a note overlapping a fix changes nothing");
  ok (e.n == 2 && e.nfix == 1 && !e.v[0].fix, "notes are listed but not fixes");

  /* Many edits: the arena grows and moves, offsets stay right. */
  {
    char text[2001], want[4001];
    size_t i;
    vn_edits_clear (&e);
    for (i = 0; i < 2000; i++)
      {
        text[i] = 'a';
        want[2 * i] = 'b';
        want[2 * i + 1] = 'b';
        vn_edits_add (&e, i, 1, "bb", 2, &rule, "edit number %zu of many", i);
      }
    text[2000] = want[4000] = '\0';
    ok_str (apply (&e, text, &out), want, "2000 edits on one line");
    ok_str (vn_edit_reason (&e, &e.v[1999]), "edit number 1999 of many",
            "the last reason survives arena growth");
  }

  vn_edits_free (&e);
  vn_buf_free (&out);
  /* The offset map: two stages over "abcdef".  Stage 0 replaces "b" by
     "XY" and deletes "d": "aXYcef".  Stage 1 inserts "_" before "e":
     "aXYc_ef".  Every offset of the result maps back to the input. */
  {
    struct vn_edit_map m = { 0 };
    static const struct { size_t after, before; } cases[] = {
      {0, 0},                   /* a */
      {1, 1}, {2, 1},           /* X Y: inside "b"'s replacement */
      {3, 2},                   /* c */
      {4, 4},                   /* _: inserted before e, which was at 4 */
      {5, 4},                   /* e */
      {6, 5},                   /* f */
      {7, 6}                    /* the end */
    };
    size_t k, bad = 0;

    vn_edits_clear (&e);
    vn_edits_add (&e, 1, 1, "XY", 2, &rule, "b");
    vn_edits_add (&e, 3, 1, "", 0, &rule, "d");
    ok (!strcmp (apply (&e, "abcdef", &out), "aXYcef"), "map: stage 0");
    vn_edit_map_add (&m, &e, 0);
    vn_edits_clear (&e);
    vn_edits_add (&e, 4, 0, "_", 1, &rule, "ins");
    ok (!strcmp (apply (&e, "aXYcef", &out), "aXYc_ef"), "map: stage 1");
    vn_edit_map_add (&m, &e, 1);
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
      if (vn_edit_map_back (&m, cases[k].after) != cases[k].before)
        {
          bad++;
          printf ("# offset %zu maps to %zu, not %zu\n", cases[k].after,
                  vn_edit_map_back (&m, cases[k].after), cases[k].before);
        }
    ok (bad == 0, "map: every offset of the result maps back to the input");
    vn_edit_map_clear (&m);
    ok (vn_edit_map_back (&m, 3) == 3, "map: an empty map is the identity");
    vn_edit_map_free (&m);
    vn_edits_free (&e);
    vn_buf_free (&out);
  }

  return tap_done ();
}
