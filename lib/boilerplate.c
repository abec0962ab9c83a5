/* boilerplate.c -- the vn-boilerplate fixer: lines of web residue left in
   scraped articles (CLEAN-TEXT.md section 6) */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "structure.h"
#include "utf8.h"

static const struct vn_rule rules[] = {
  {"W101", "web residue line removed (Chia sẻ, Bình luận, rx online)"},
  {"W102", "number alone on a line removed (a counter without its label)"},
  {"W103", "view, share or comment count removed (1.234 lượt xem)"},
  {"W104", "related-article list removed (Tin liên quan and its headlines, "
   ">> headline, Xem thêm: headline)"},
  {"W105", "promo box or reader notice removed (a text ending in 'Chi tiết "
   "tại đây', and its heading; '* ... gửi về hộp thư: x@y.vn')"},
  {"W190", "note: possible residue (a short lower-case fragment that is no "
   "Vietnamese), left for review"},
  {NULL, NULL}
};
enum { W101, W102, W103, W104, W105, W190 };

/* The kinds of residue that go as they are: their rule and description. */
static const struct
{
  int rule;
  const char *what;
} plain[] = {
  [VN_RESIDUE_CUE] = {W101, "a line of web residue"},
  [VN_RESIDUE_COUNT] = {W103, "a view, share or comment count"},
  [VN_RESIDUE_LINK] = {W104, "a link to a related article"},
  [VN_RESIDUE_NOTICE] = {W105, "a notice to readers with an address"},
};

/* Headlines listed under "Tin liên quan": at most this many. */
enum { MAX_RELATED = 8 };

static void
drop (struct vn_structure_state *st, const struct vn_doc *doc,
      const struct vn_line *ln, struct vn_edits *e, int rule,
      const char *what)
{
  const char *s = ln->text;
  size_t n = ln->len;

  vn_trim (&s, &n);
  vn_buf_clear (&st->why);
  if (n > 60)
    {
      /* Shortened, never inside a character. */
      size_t cut = 57;
      while (cut > 0 && ((unsigned char) s[cut] & 0xC0) == 0x80)
        cut--;
      vn_sbuf_printf (&st->why, "%s: '%.*s...'", what, (int) cut, s);
    }
  else
    vn_sbuf_printf (&st->why, "%s: '%.*s'", what, (int) n, s);
  vn_structure_delete (doc, ln, e, &rules[rule], st->why.p);
}

/* Whether the line T[J] is a headline of a related-article list. */
static int
related_headline (const struct vn_line *ln)
{
  size_t chars = vn_chars (ln->text, ln->len);

  return chars >= 12 && chars <= 150 && vn_headline_like (ln->text, ln->len)
    && vn_byline_kind (ln->text, ln->len, NULL) == VN_BYLINE_NONE;
}

/* The value of a line that is a whole number alone, or -1. */
static long
number_value (const struct vn_line *ln)
{
  const char *s = ln->text;
  size_t n = ln->len, i;
  long v = 0;

  vn_trim (&s, &n);
  if (n == 0 || n > 6)
    return -1;
  for (i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return -1;
    else
      v = v * 10 + (s[i] - '0');
  return v;
}

/* Whether LN could be a cell of a table flattened into lines: a short
   line of text. */
static int
cell (const struct vn_line *ln)
{
  return vn_chars (ln->text, ln->len) < 50
    && vn_residue_kind (ln->text, ln->len) == VN_RESIDUE_NONE;
}

/* Whether the number alone on line T[J] of the NT lines of text is a lost
   counter: not between two short lines (cells of a table), no other
   number alone within three lines (a table has many), and no number
   alone in the document one more or one less (a numbered list). */
static int
lost_counter (const struct vn_line *lines, const size_t *t, size_t nt,
              size_t j)
{
  long v = number_value (&lines[t[j]]);
  size_t k;

  if (j > 0 && j + 1 < nt && cell (&lines[t[j - 1]])
      && cell (&lines[t[j + 1]]))
    return 0;

  for (k = j > 3 ? j - 3 : 0; k < nt && k <= j + 3; k++)
    if (k != j && vn_residue_kind (lines[t[k]].text, lines[t[k]].len)
        == VN_RESIDUE_NUMBER)
      return 0;
  if (v >= 0)
    for (k = 0; k < nt; k++)
      {
        long w = k == j ? -1 : number_value (&lines[t[k]]);
        if (w >= 0 && (w == v + 1 || w + 1 == v))
          return 0;
      }
  return 1;
}

static void
document (void *state, const struct vn_doc *doc, const struct vn_line *lines,
          size_t n, struct vn_edits *out)
{
  struct vn_structure_state *st = state;
  size_t j, nt;
  size_t *t;

  nt = vn_text_lines (lines, n, &st->text, &st->cap);
  t = st->text;
  for (j = 0; j < nt; j++)
    {
      const struct vn_line *ln = &lines[t[j]];
      struct vn_edits *e = &out[t[j]];
      enum vn_residue kind = vn_residue_kind (ln->text, ln->len);
      size_t k;

      switch (kind)
        {
        case VN_RESIDUE_NONE:
          break;
        case VN_RESIDUE_RELATED:
          drop (st, doc, ln, e, W104, "the heading of a related-article list");
          /* The headlines under it, while they look like headlines. */
          for (k = j + 1; k < nt && k - j <= MAX_RELATED
               && related_headline (&lines[t[k]]); k++)
            drop (st, doc, &lines[t[k]], &out[t[k]], W104,
                  "a headline listed under a related-article heading");
          j = k - 1;
          break;
        case VN_RESIDUE_NUMBER:
          if (lost_counter (lines, t, nt, j))
            drop (st, doc, ln, e, W102, "a number alone on a line, with no "
                  "other near it and no numbering it could belong to");
          break;
        case VN_RESIDUE_PROMO:
          /* Its heading: a line just before it, short and without a final
             full stop, that says the same. */
          if (j > 0)
            {
              const struct vn_line *h = &lines[t[j - 1]];
              const struct vn_line *self = ln;
              if (vn_chars (h->text, h->len) <= 150
                  && vn_headline_like (h->text, h->len)
                  && out[t[j - 1]].nfix == 0
                  && vn_overlap (h->text, h->len, &self, 1, NULL) >= 50)
                drop (st, doc, h, &out[t[j - 1]], W105,
                      "the heading of a promo box");
            }
          drop (st, doc, ln, e, W105, "a promo box ending in a link");
          break;
        case VN_RESIDUE_MAYBE:
          vn_edits_note (e, 0, ln->len, &rules[W190],
                         "possible web residue, kept: '%.*s'",
                         (int) ln->len, ln->text);
          break;
        default:
          drop (st, doc, ln, e, plain[kind].rule, plain[kind].what);
          break;
        }
    }
  vn_structure_finish (doc, lines, n, out);
}

const struct vn_fixer vn_fixer_boilerplate = {
  .name = "boilerplate",
  .filter = "vn-boilerplate",
  .summary = "web residue lines: related links, share and view counts",
  .rules = rules,
  .options = vn_structure_options,
  .create = vn_structure_create,
  .destroy = vn_structure_destroy,
  .set_option = vn_structure_fixer_option,
  .document = document,
};
