/* test-punct.c -- unit test of the punctuation fixer (lib/punct.c): the
   abbreviation table it searches, and properties that must hold on any
   text (edits that never overlap, a second run that changes nothing, only
   spaces and doubled marks changed) */
#include <config.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "edit.h"
#include "fixer.h"
#include "line.h"
#include "utf8.h"
#include "abbrev-table.h"
#include "tap.h"

static struct vn_edits edits;
static const struct vn_doc doc = { .name = "test" };

/* Run the fixer on IN[0..LEN) into OUT; return the vn_edits_sort status. */
static int
fix (const char *in, size_t len, struct vn_buf *out)
{
  struct vn_line line = { .text = in, .len = len, .lineno = 1 };
  int status;

  vn_edits_clear (&edits);
  vn_fixer_punct.line (NULL, &doc, &line, &edits);
  status = vn_edits_sort (&edits, len);
  vn_buf_clear (out);
  if (status == VN_EDIT_OK)
    vn_edits_apply (&edits, in, len, out);
  return status;
}

/* S[0..N) without the bytes that vn-punct may add or remove: spaces, and
   the , . ; of a run. */
static void
skeleton (const char *s, size_t n, struct vn_buf *out)
{
  size_t i;

  vn_buf_clear (out);
  for (i = 0; i < n; i++)
    if (!strchr (" ,.;", s[i]))
      vn_buf_append (out, s + i, 1);
}

/* Pieces the random lines are made of: words that open sentences and words
   that do not, abbreviations, numbers, every mark the fixer looks at, and
   the ones it must leave alone. */
static const char *const pieces[] = {
  " ", " ", " ", " ", "  ", ",", ",", ".", ".", ";", ":", "!", "?", "(", ")",
  "[", "]", "\"", "'", "-", "–", "/", "…", "...", "“", "”", "‘", "’", "«",
  "»", "năm", "Năm", "Quyết", "định", "vực", "Đây", "TP", "HCM", "TT",
  "BCA", "ĐT", "v", "Tp", "Hà", "Lenin", "com", "Com", "12", "5", "8", "30",
  "https://", "www", "@", "&", "nbsp", ":)", "^^", "=", "\t", "ạ", "a",
  "e\xcc\x81", "\xff", "\xe2\x80", "x"
};

static uint32_t rng = 2463534242u;

static uint32_t
next_rand (void)
{
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

int
main (void)
{
  struct vn_buf line = { 0 }, once = { 0 }, twice = { 0 }, a = { 0 },
    b = { 0 };
  size_t i, k;
  int sorted = 1, shaped = 1, overlap = 0, idempotent = 0, kept = 0,
    valid = 0, cases = 0;
  const size_t npieces = sizeof pieces / sizeof pieces[0];

  for (i = 0; i < ABBREV_COUNT; i++)
    {
      const char *f = abbrev_table[i];
      if (i > 0 && strcmp (abbrev_table[i - 1], f) >= 0)
        sorted = 0;
      if (!*f || strlen (f) > ABBREV_MAX || !strpbrk (f, "./")
          || strpbrk (f, " \t"))
        shaped = 0;
    }
  ok (ABBREV_COUNT > 100, "the abbreviation table has %d forms",
      (int) ABBREV_COUNT);
  ok (sorted, "the abbreviation table is strictly sorted in byte order");
  ok (shaped, "every form has a dot or a slash and no white space");

  for (i = 0; i < 20000; i++)
    {
      size_t n = 1 + next_rand () % 24;
      vn_buf_clear (&line);
      for (k = 0; k < n; k++)
        {
          const char *p = pieces[next_rand () % npieces];
          vn_buf_append (&line, p, strlen (p));
        }
      cases++;
      if (fix (line.p, line.len, &once) != VN_EDIT_OK)
        {
          if (overlap++ < 3)
            printf ("# overlapping edits on [%.*s]\n", (int) line.len,
                    line.p);
          continue;
        }
      if (fix (once.p, once.len, &twice) == VN_EDIT_OK
          && (twice.len != once.len || memcmp (twice.p, once.p, once.len)))
        {
          if (idempotent++ < 3)
            printf ("# a second run changes [%.*s] -> [%.*s] -> [%.*s]\n",
                    (int) line.len, line.p, (int) once.len, once.p,
                    (int) twice.len, twice.p);
        }
      skeleton (line.p, line.len, &a);
      skeleton (once.p, once.len, &b);
      if (a.len != b.len || memcmp (a.p, b.p, a.len))
        {
          if (kept++ < 3)
            printf ("# more than spaces and , . ; changed: [%.*s] -> "
                    "[%.*s]\n", (int) line.len, line.p, (int) once.len,
                    once.p);
        }
      if (vn_utf8_valid_prefix (line.p, line.len) == line.len
          && vn_utf8_valid_prefix (once.p, once.len) != once.len)
        valid++;
    }
  ok (overlap == 0, "no overlapping edits on %d random lines", cases);
  ok (idempotent == 0, "a second run changes nothing (%d did)", idempotent);
  ok (kept == 0, "only spaces and the , . ; of runs change (%d more)", kept);
  ok (valid == 0, "valid UTF-8 stays valid (%d did not)", valid);

  vn_edits_free (&edits);
  vn_buf_free (&line);
  vn_buf_free (&once);
  vn_buf_free (&twice);
  vn_buf_free (&a);
  vn_buf_free (&b);
  return tap_done ();
}
