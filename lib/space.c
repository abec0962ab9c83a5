/* space.c -- the vn-space fixer: spaces, blank lines and line ends
   (CLEAN-TEXT.md section 3) */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "fixer.h"

static const struct vn_rule rules[] = {
  {"S101", "white space at the start of a line removed"},
  {"S102", "white space at the end of a line removed"},
  {"S103", "run of spaces or tabs made one space"},
  {"S104", "blank line removed"},
  {"S105", "CRLF or CR line end made LF"},
  {"S106", "missing final newline added"},
  {NULL, NULL}
};
enum { S101, S102, S103, S104, S105, S106 };

static const struct vn_fixer_option options[] = {
  {"keep-blank", 0, NULL,
   "keep one blank line between paragraphs (blank lines at the start and "
   "end of a document, and repeated ones, still go)"},
  {NULL, 0, NULL, NULL}
};

struct space
{
  int keep_blank;
  int seen_text;        /* a non-blank line came in this document */
};

static void *
create (void)
{
  return vn_xcalloc (1, sizeof (struct space));
}

static int
set_option (void *state, const char *name, const char *arg)
{
  struct space *st = state;
  (void) arg;
  if (!strcmp (name, "keep-blank"))
    st->keep_blank = 1;
  return 0;
}

static void
begin_doc (void *state, const struct vn_doc *doc)
{
  struct space *st = state;
  (void) doc;
  st->seen_text = 0;
}

static int
is_ws (char c)
{
  return c == ' ' || c == '\t';
}

static int
is_blank (const char *t, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (!is_ws (t[i]))
      return 0;
  return 1;
}

/* Bytes of W equal to C: the high bit of each such byte set, exactly (no
   carries between bytes). */
static inline uint64_t
bytes_eq (uint64_t w, unsigned char c)
{
  const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
  uint64_t x = w ^ (0x0101010101010101ull * c);
  return ~(((x & low7) + low7) | x | low7);
}

/* Offset in T[0..N) of the first tab or the first of two white-space bytes
   in a row: where the first S103 edit starts, or N.  Most lines have none,
   so this looks at eight bytes at a time. */
static size_t
first_run (const char *t, size_t n)
{
  size_t i = 0;
  uint64_t carry = 0;           /* the byte before this word was white space */

#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w, tab, ws, hits;
      memcpy (&w, t + i, 8);
      tab = bytes_eq (w, '\t');
      ws = tab | bytes_eq (w, ' ');
      /* A pair starts at byte k when bytes k and k+1 are white space. */
      hits = tab | (ws & ws >> 8);
      if (carry && (ws & 0x80))
        return i - 1;
      if (hits)
        return i + (size_t) __builtin_ctzll (hits) / 8;
      carry = ws >> 63;
    }
  if (carry && i < n && is_ws (t[i]))
    return i - 1;
#endif
  for (; i < n; i++)
    if (t[i] == '\t' || (t[i] == ' ' && i + 1 < n && is_ws (t[i + 1])))
      return i;
  return n;
}

/* Make the terminator of LN a LF, or add one at the end of a file. */
static void
fix_eol (const struct vn_doc *doc, const struct vn_line *ln,
         struct vn_edits *out)
{
  if (ln->eol_len == 2 || (ln->eol_len == 1 && ln->text[ln->len] == '\r'))
    vn_edits_add (out, ln->len, ln->eol_len, "\n", 1, &rules[S105],
                  "%s line end made LF", ln->eol_len == 2 ? "CRLF" : "CR");
  else if (ln->eol_len == 0 && !doc->jsonl)
    /* In JSONL the text is a string, not a file: it needs no final LF. */
    vn_edits_add (out, ln->len, 0, "\n", 1, &rules[S106],
                  "missing final newline added");
}

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
      struct vn_edits *out)
{
  struct space *st = state;
  const char *t = ln->text;
  size_t len = ln->len, i, j, p;

  if (is_blank (t, len))
    {
      /* Keep the last blank line of a run, when text came before it and
         comes after it: that is the one blank line between paragraphs. */
      if (st->keep_blank && st->seen_text && ln->next
          && !is_blank (ln->next, ln->next_len))
        {
          if (len)
            vn_edits_add (out, 0, len, "", 0, &rules[S102],
                          "white space on a blank line removed");
          fix_eol (doc, ln, out);
        }
      else
        vn_edits_add (out, 0, len + ln->eol_len, "", 0, &rules[S104],
                      "blank line removed");
      return;
    }
  st->seen_text = 1;

  for (i = 0; is_ws (t[i]); i++)
    ;
  if (i)
    vn_edits_add (out, 0, i, "", 0, &rules[S101],
                  "white space at the start of the line removed");
  for (j = len; is_ws (t[j - 1]); j--)
    ;
  for (p = first_run (t + i, j - i) + i; p < j; p++)
    {
      size_t q;
      /* The common case, one space between words, costs one test. */
      if (t[p] != '\t' && (t[p] != ' ' || !is_ws (t[p + 1])))
        continue;
      for (q = p; is_ws (t[q]); q++)
        ;
      vn_edits_add (out, p, q - p, " ", 1, &rules[S103],
                    q - p == 1 ? "tab made a space"
                    : "%zu spaces or tabs made one space", q - p);
      p = q;
    }
  if (j < len)
    vn_edits_add (out, j, len - j, "", 0, &rules[S102],
                  "white space at the end of the line removed");
  fix_eol (doc, ln, out);
}

static void
separator (void *state, const struct vn_doc *doc, const struct vn_line *ln,
           struct vn_edits *out)
{
  (void) state;
  fix_eol (doc, ln, out);
}

static void
destroy (void *state)
{
  free (state);
}

const struct vn_fixer vn_fixer_space = {
  .name = "space",
  .filter = "vn-space",
  .summary = "trim lines, one space between words, no blank lines, LF line "
    "ends and a final newline",
  .rules = rules,
  .options = options,
  .create = create,
  .destroy = destroy,
  .set_option = set_option,
  .begin_doc = begin_doc,
  .line = line,
  .separator = separator,
};
