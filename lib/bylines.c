/* bylines.c -- the vn-bylines fixer: author and source lines at the end of
   an article, a byline glued to its last sentence, a source tag at its
   start, and the end marker ./. (CLEAN-TEXT.md section 6) */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "ascii.h"
#include "diag.h"
#include "structure.h"

static const struct vn_rule rules[] = {
  {"B101", "author byline at the end removed (Trung Trực, Văn Đăng; N.T)"},
  {"B102", "source line at the end removed (Theo IFL Science, (Tổng hợp), "
   "Ảnh: BTC)"},
  {"B103", "byline glued to the last sentence removed"},
  {"B104", "source tag at the start removed ((CAO), TTO -, (Dân trí) -)"},
  {"B105", "end marker './.' made '.'"},
  {"B190", "note: possible byline (short and capitalized, not all names), "
   "left for review"},
  {NULL, NULL}
};
enum { B101, B102, B103, B104, B105, B190 };

/* A byline block has at most this many lines (author, source, photos). */
enum { MAX_BYLINES = 4 };

/* A byline glued to the end of the last sentence of S[0..N): the offset
   where what must go starts (the spaces before it included), or N. */
static size_t
glued_byline (struct vn_structure_state *st, const char *s, size_t n)
{
  size_t i, start;

  if (n < 30)
    return n;
  /* The last sentence terminator, and what follows it. */
  for (i = n; i > 0; i--)
    if (s[i - 1] == '.' || s[i - 1] == '!' || s[i - 1] == '?'
        || s[i - 1] == '"' || (i >= 3 && (unsigned char) s[i - 1] == 0x9D
                               && (unsigned char) s[i - 3] == 0xE2))
      break;
  if (i < 20 || n - i > 60 || i == n)
    return n;
  start = i;
  while (start < n && s[start] == ' ')
    start++;
  if (start == n || !vn_ends_sentence (s, i))
    return n;
  vn_buf_clear (&st->why);
  if (vn_byline_kind (s + start, n - start, &st->why) != VN_BYLINE_AUTHOR
      && !(n - start > 5 && !memcmp (s + start, "Theo ", 5)
           && vn_byline_kind (s + start, n - start, NULL)
           == VN_BYLINE_SOURCE))
    return n;
  return i;
}

/* Whether an edit of E covers the byte OFF. */
static int
covered (const struct vn_edits *e, size_t off)
{
  size_t i;

  for (i = 0; i < e->n; i++)
    if (e->v[i].fix && e->v[i].off <= off && off < e->v[i].off + e->v[i].len)
      return 1;
  return 0;
}

static void
document (void *state, const struct vn_doc *doc, const struct vn_line *lines,
          size_t n, struct vn_edits *out)
{
  struct vn_structure_state *st = state;
  size_t j, nt, last, k;
  size_t *t;
  int found = 0, maybe = 0;

  nt = vn_text_lines (lines, n, &st->text, &st->cap);
  t = st->text;
  if (nt == 0)
    return;

  /* A source tag opening the first paragraph, or the one after a title. */
  for (j = 0; j < nt && j < 2; j++)
    {
      const struct vn_line *ln = &lines[t[j]];
      const char *s = ln->text;
      size_t len = ln->len, shown;
      vn_trim (&s, &len);
      if ((k = vn_source_tag (s, len)))
        {
          for (shown = k; shown && s[shown - 1] == ' '; shown--)
            ;
          vn_buf_clear (&st->scratch);
          vn_sbuf_printf (&st->scratch, "source tag '%.*s' removed",
                          (int) shown, s);
          vn_structure_fix (doc, ln, &out[t[j]], (size_t) (s - ln->text),
                            k, "", &rules[B104], st->scratch.p);
          break;
        }
      /* Only a title may come before the tagged paragraph. */
      if (vn_ends_sentence (s, len))
        break;
    }

  /* The byline block at the end, web residue below it skipped (that is
     vn-boilerplate's); the first line is never part of it. */
  last = nt;
  for (j = nt; j > 1 && found < MAX_BYLINES && nt - j < MAX_BYLINES + 4; j--)
    {
      const struct vn_line *ln = &lines[t[j - 1]];
      enum vn_byline kind;

      if (vn_residue_kind (ln->text, ln->len) != VN_RESIDUE_NONE)
        {
          if (!found)
            last = j - 1;
          continue;
        }
      vn_buf_clear (&st->why);
      kind = vn_byline_kind (ln->text, ln->len, &st->why);
      if (kind == VN_BYLINE_NONE)
        break;
      if (kind == VN_BYLINE_MAYBE)
        {
          vn_edits_note (&out[t[j - 1]], 0, ln->len, &rules[B190],
                         "possible byline, kept: %s", st->why.p);
          maybe = 1;
          break;
        }
      /* A deletion takes the place of a tag removed from the same line. */
      vn_edits_clear (&out[t[j - 1]]);
      vn_structure_delete (doc, ln, &out[t[j - 1]],
                           &rules[kind == VN_BYLINE_AUTHOR ? B101 : B102],
                           st->why.p);
      found++;
      last = j - 1;
    }
  /* A byline glued to the last sentence of the text. */
  if (!maybe && last >= 2)
    {
      const struct vn_line *ln = &lines[t[last - 1]];
      size_t at = glued_byline (st, ln->text, ln->len);
      if (at < ln->len)
        {
          size_t from = at;
          while (from < ln->len && ln->text[from] == ' ')
            from++;
          vn_buf_clear (&st->scratch);
          vn_sbuf_printf (&st->scratch, "byline '%.*s' glued to the last "
                          "sentence removed: %s", (int) (ln->len - from),
                          ln->text + from, st->why.p);
          vn_structure_fix (doc, ln, &out[t[last - 1]], at, ln->len - at,
                            "", &rules[B103], st->scratch.p);
        }
    }

  /* The end marker of official news: "./." closes the paragraph. */
  for (j = 0; j < nt; j++)
    {
      const struct vn_line *ln = &lines[t[j]];
      const char *s = ln->text;
      size_t len = ln->len, at;
      vn_trim (&s, &len);
      at = (size_t) (s - ln->text) + len - 2;
      if (len >= 3 && !memcmp (s + len - 3, "./.", 3)
          && !covered (&out[t[j]], at))
        vn_structure_fix (doc, ln, &out[t[j]], at, 2, "", &rules[B105],
                          "end marker './.' made '.'");
    }
  vn_structure_finish (doc, lines, n, out);
}

const struct vn_fixer vn_fixer_bylines = {
  .name = "bylines",
  .filter = "vn-bylines",
  .summary = "bylines and source lines at the end, source tags at the "
    "start, the end marker ./.",
  .rules = rules,
  .options = vn_structure_options,
  .create = vn_structure_create,
  .destroy = vn_structure_destroy,
  .set_option = vn_structure_fixer_option,
  .document = document,
};
