/* captions.c -- the vn-captions fixer: photo and video captions between
   paragraphs, and photo credits inside kept lines (CLEAN-TEXT.md
   section 6) */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "structure.h"
#include "utf8.h"

static const struct vn_rule rules[] = {
  {"C101", "caption line removed: its evidence adds up to 3 points or more"},
  {"C102", "line that is only a photo credit removed (Ảnh minh họa)"},
  {"C103", "photo credit removed from a kept line ((Ảnh: UEF), Ảnh: Reuters)"},
  {"C190", "note: possible caption (2 points, not from shortness alone), "
   "left for review"},
  {NULL, NULL}
};
enum { C101, C102, C103, C190 };

/* A line scores points for and against being a caption; it goes at
   REMOVE points, and a line one point short is noted for review. */
enum { REMOVE = 3, NOTE = REMOVE - 1 };

/* Token sets kept: a line and the two on each side, and room to spare. */
enum { RING = 8 };

/* A line of the document, as the caption rules see it. */
struct cline
{
  const struct vn_line *ln;
  size_t text_len;      /* the line without a final photo credit */
  size_t chars;         /* characters of that text */
  int sents;            /* sentences in it */
  unsigned endp:1;      /* it ends a sentence */
  unsigned credit:1;    /* it has a photo credit (CR) */
  unsigned skip:1;      /* web residue, or a byline: not text */
  unsigned blank_before:3;      /* blank lines before it, up to 7 */
  struct vn_credit cr;
};

struct captions
{
  struct cline *v;
  size_t cap;
  size_t *body;         /* indices into V of the lines of text */
  size_t *lens;         /* scratch for the median */
  struct vn_buf why, scratch;
  int detail;           /* describe the evidence, not only count it */
  /* The tokens of the last lines compared, by their position among the
     lines of text: a line is cut up once however many neighbours use it. */
  struct vn_tokens ring[RING];
  size_t ring_pos[RING];
  int specific;         /* evidence of a caption beyond shortness */
  int marks;            /* pieces of evidence for a caption */
  int cued;             /* a sign of a picture: a caption cue, a photo
                           credit, blank lines before */
};

static void *
create (void)
{
  vn_cues_acquire ();
  return vn_xcalloc (1, sizeof (struct captions));
}

static void
destroy (void *state)
{
  struct captions *st = state;

  free (st->v);
  free (st->body);
  free (st->lens);
  vn_buf_free (&st->why);
  vn_buf_free (&st->scratch);
  for (size_t i = 0; i < RING; i++)
    vn_tokens_free (&st->ring[i]);
  free (st);
  vn_cues_release ();
}

static int
is_blank (const struct vn_line *ln)
{
  size_t i;

  for (i = 0; i < ln->len; i++)
    if (ln->text[i] != ' ' && ln->text[i] != '\t')
      return 0;
  return 1;
}

/* An item of a list: "- ", "+ ", "• ", "1. ", "a) ", "IV. ". */
static int
list_item (const char *s, size_t n)
{
  size_t i = 0;

  if (n >= 2 && strchr ("-+*", s[0]) && s[1] == ' ')
    return 1;
  if (n >= 4 && (unsigned char) s[0] == 0xE2 && (unsigned char) s[1] == 0x80
      && ((unsigned char) s[2] == 0xA2 || (unsigned char) s[2] == 0x93)
      && s[3] == ' ')
    return 1;
  while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
    i++;
  if (i == 0)
    while (i < n && i < 4 && strchr ("IVX", s[i]))
      i++;
  if (i == 0 && n >= 1 && ((s[0] >= 'a' && s[0] <= 'd')
                           || (s[0] >= 'A' && s[0] <= 'D')))
    i = 1;
  return i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

/* Whether S[0..N) holds an address (a header line, a link): no caption. */
static int
has_url (const char *s, size_t n)
{
  const char *p, *end = s + n;

  if (n >= 2 && s[0] == '#' && s[1] == ' ')
    return 1;
  for (p = s; (p = memchr (p, ':', (size_t) (end - p))); p++)
    if (end - p >= 3 && p[1] == '/' && p[2] == '/')
      return 1;
  /* 'w' is no Vietnamese letter: rare, and memchr finds it fast. */
  for (p = s; (p = memchr (p, 'w', (size_t) (end - p))); p++)
    if (end - p >= 4 && !memcmp (p, "www.", 4))
      return 1;
  return 0;
}

static int
cmp_size (const void *a, const void *b)
{
  size_t x = *(const size_t *) a, y = *(const size_t *) b;
  return x < y ? -1 : x > y;
}

/* Add the evidence worth POINTS to the score, and with ST->detail its
   description to ST->why. */
static void
evidence (struct captions *st, int *score, int points, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

static void
evidence (struct captions *st, int *score, int points, const char *fmt, ...)
{
  char buf[200];
  va_list ap;

  *score += points;
  if (points > 0)
    {
      st->specific = 1;
      st->marks++;
    }
  if (!st->detail)
    return;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  vn_sbuf_printf (&st->why, "%s%s %+d", st->why.len ? ", " : "", buf,
                  points);
}

/* Add the points of the cues of KIND among the N HITS, capped at CAP in
   absolute value. */
static void
cue_points (struct captions *st, int *score, enum vn_cue_kind kind,
            const struct vn_cue_hit *hits, size_t n, int cap)
{
  size_t i;
  int sum = 0, w;

  for (i = 0; i < n; i++)
    {
      if (hits[i].kind != kind || !(w = hits[i].weight))
        continue;
      if (abs (sum + w) > cap)
        w = sum + w > 0 ? cap - sum : -cap - sum;
      if (w)
        evidence (st, score, w, "%s '%s'", kind == VN_CUE_BODY
                  ? "running text" : "cue", hits[i].text);
      sum += w;
    }
}

/* The tokens of line B[POS], from the ring or cut up now. */
static struct vn_tokens *
tokens_of (struct captions *st, const struct cline *v, const size_t *b,
           size_t pos)
{
  struct vn_tokens *t = &st->ring[pos % RING];

  if (st->ring_pos[pos % RING] != pos + 1)
    {
      vn_tokens_fill (t, v[b[pos]].ln->text, v[b[pos]].text_len);
      st->ring_pos[pos % RING] = pos + 1;
    }
  return t;
}

/* Most points the caption cues and the repetition can still add. */
enum { MAX_CUES = 3, MAX_REPEAT = 2 };

/* Score line B[POS] of the N_BODY lines of text: return its points, and
   with ST->detail the evidence in ST->why.  Without it, give up as soon as
   the line cannot reach NOTE any more. */
static int
score (struct captions *st, const struct cline *v, const size_t *b,
       size_t pos, size_t n_body, size_t ref, int pstyle, int series)
{
  const struct cline *c = &v[b[pos]];
  const char *t = c->ln->text;
  size_t n = c->text_len, k, len;
  int s = 0, w, ovp, ovn, ov, start = 0;
  const char *text;
  struct vn_cue_hit hits[16];
  size_t nhits;

  vn_buf_clear (&st->why);
  st->specific = 0;
  st->marks = 0;
  st->cued = c->credit;
  /* What the line is like: its length, its sentences, its ends. */
  if (c->credit)
    evidence (st, &s, 2, "photo credit '%.*s'", (int) c->cr.len,
              t + c->cr.off);
  if (c->sents >= 2)
    evidence (st, &s, -2 * (c->sents - 1), "%d sentences", c->sents);
  if (c->chars > 200)
    evidence (st, &s, -1, "long (%zu characters)", c->chars);
  /* A sentence much shorter than the paragraphs around it (a heading is
     short too: a short line without a final stop gets nothing here). */
  if ((c->endp || c->credit || c->chars >= 100) && ref && c->sents == 1
      && c->chars < 200)
    {
      int p = c->chars >= 160 ? 1 : c->chars * 10 < ref * 3 ? 3
        : c->chars * 10 < ref * 4 ? 2 : c->chars * 10 < ref * 5 || c->credit;
      if (p)
        {
          /* Shortness alone never makes a line worth noting. */
          int specific = st->specific;
          evidence (st, &s, p, "one sentence of %zu characters where the "
                    "paragraphs have %zu", c->chars, ref);
          st->specific = specific;
        }
    }
  if (!c->endp && !c->credit && pstyle)
    evidence (st, &s, 1, "no final punctuation, unlike the paragraphs");
  if (c->blank_before >= 2)
    {
      evidence (st, &s, 1, "after %u blank lines", c->blank_before);
      st->cued = 1;
    }
  if (series)
    evidence (st, &s, 1, "in the run of short lines before the byline");
  if (t[0] == '"' || (n >= 3 && !memcmp (t, "\xe2\x80\x9c", 3)))
    evidence (st, &s, -3, "opens a quotation");
  if (n && t[n - 1] == ':')
    evidence (st, &s, -4, "ends with ':', introducing what follows");
  else if (n && t[n - 1] == '?')
    evidence (st, &s, -2, "a question");
  if (!st->detail && s + MAX_CUES + MAX_REPEAT < NOTE)
    return s;
  /* A long sentence that nothing so far marks: captions are short (this
     also spares the cue scan for most lines of running text). */
  if (!st->detail && s <= 0 && c->chars >= 160)
    return s;
  /* What photographers and editors write under pictures. */
  nhits = vn_tokens_cues (tokens_of (st, v, b, pos),
                          1u << VN_CUE_CAPTION | 1u << VN_CUE_BODY, hits,
                          sizeof hits / sizeof *hits);
  if ((len = vn_cue_at (VN_CUE_CAPTION_START, t, n, 0, &w, &text)) && w)
    {
      evidence (st, &s, w, "opens with '%s'", text);
      start = w;
      st->cued |= w > 0;
    }
  for (k = 0; k < nhits; k++)
    st->cued |= hits[k].kind == VN_CUE_CAPTION && hits[k].weight > 0;
  cue_points (st, &s, VN_CUE_CAPTION, hits, nhits, MAX_CUES - start);
  if (!st->detail && s + MAX_REPEAT < NOTE)
    return s;
  /* A connective or an attribution opens running text. */
  len = vn_cue_at (VN_CUE_BODY_START, t, n, 0, &w, &text);
  if (len && w && len < n
      && (t[len] == ',' || (t[len] == ' '
                            && !vn_upper_at (t + len + 1, n - len - 1))))
    evidence (st, &s, w, "opens with the connective '%s'", text);
  else if (n > 5 && !memcmp (t, "Theo ", 5))
    {
      const char *comma = memchr (t, ',', n < 48 ? n : 48);
      if (comma)
        evidence (st, &s, -2, "opens with an attribution '%.*s'",
                  (int) (comma - t + 1), t);
    }
  cue_points (st, &s, VN_CUE_BODY, hits, nhits, 3);
  /* Speech after a colon, or a colon inside. */
  for (k = 0; k + 2 < n; k++)
    if (t[k] == ':')
      {
        if (t[k + 2] == '"' || (t[k + 1] == ' ' && k + 4 < n
                                && !memcmp (t + k + 2, "\xe2\x80\x9c", 3)))
          evidence (st, &s, -2, "reports speech (':' and a quote)");
        else if (t[k + 1] == ' '
                 && !(n >= strlen ("Trong ảnh")
                      && !memcmp (t, "Trong ảnh", strlen ("Trong ảnh"))))
          evidence (st, &s, -1, "a colon inside");
        break;
      }
  /* Repetition is the dearest evidence to compute: only when it can make
     the line go (so a line it would only bring up to NOTE is not noted). */
  if (!st->detail && (s + MAX_REPEAT < REMOVE || s >= REMOVE))
    return s;
  /* Says again what the paragraph before or after says. */
  {
    size_t nw, q, wb = pos, wa = pos;
    uint64_t words[VN_MAX_CONTENT], shapes;
    int o;

    nw = vn_tokens_content (tokens_of (st, v, b, pos), words, &shapes);
    ovp = ovn = 0;
    for (q = pos >= 2 ? pos - 2 : 0; q < pos + 3 && q < n_body; q++)
      {
        if (q == pos)
          continue;
        o = vn_tokens_overlap (words, nw, shapes, tokens_of (st, v, b, q));
        if (q < pos && o > ovp)
          {
            ovp = o;
            wb = q;
          }
        else if (q > pos && o > ovn)
          {
            ovn = o;
            wa = q;
          }
      }
    /* A line with no final stop repeating what follows is a heading,
       unless blank lines before it mark where a picture was. */
    if (!c->endp && !c->credit && c->blank_before < 2)
      ovn = 0;
    ov = ovp >= ovn ? ovp : ovn;
    /* A lead or a paragraph may end in the credit of the picture above
       it ("... (Ảnh minh họa)."), and shares words with its neighbours as
       any paragraph does: when the credit is all that marks the line, only
       a close repetition makes it a caption. */
    if (ov >= 50)
      evidence (st, &s, ov >= 70 ? 2 : c->credit && st->marks == 1 ? 0 : 1,
                "repeats line %llu (%d%% of its words)", (unsigned long long)
                v[b[ovp >= ovn ? wb : wa]].ln->lineno, ov);
  }
  return s;
}

static void
document (void *state, const struct vn_doc *doc, const struct vn_line *lines,
          size_t n, struct vn_edits *out)
{
  struct captions *st = state;
  struct cline *v;
  size_t i, nl = 0, nb = 0, end, pos, nmulti = 0, ref = 0, npunct = 0;
  size_t ncredit = 0, blanks = 0, series_start;
  int pstyle, gallery, title, news;

  if (n > st->cap)
    {
      st->cap = vn_grow (st->cap, n);
      st->v = vn_xrealloc (st->v, st->cap * sizeof *st->v);
      st->body = vn_xrealloc (st->body, st->cap * sizeof *st->body);
      st->lens = vn_xrealloc (st->lens, st->cap * sizeof *st->lens);
    }
  v = st->v;
  memset (st->ring_pos, 0, sizeof st->ring_pos);
  /* The lines of text and what they are by themselves. */
  for (i = 0; i < n; i++)
    {
      const struct vn_line *ln = &lines[i];
      struct cline *c = &v[nl];
      if (is_blank (ln))
        {
          blanks++;
          continue;
        }
      memset (c, 0, sizeof *c);
      c->ln = ln;
      c->blank_before = blanks > 7 ? 7 : blanks;
      blanks = 0;
      c->text_len = ln->len;
      /* Residue lines are short (a long promo is no caption either). */
      c->skip = ln->len <= 400
        && vn_residue_kind (ln->text, ln->len) != VN_RESIDUE_NONE;
      if (!c->skip && vn_credit_find (ln->text, ln->len, &c->cr))
        {
          c->credit = 1;
          if (c->cr.trailing)
            c->text_len = c->cr.cut_off;
        }
      {
        const char *t = ln->text;
        size_t tl = c->text_len;
        vn_trim (&t, &tl);
        c->text_len = tl ? (size_t) (t + tl - ln->text) : 0;
      }
      c->chars = vn_chars (ln->text, c->text_len);
      c->sents = vn_sentences (ln->text, c->text_len, 2);
      /* "... (Ảnh: X)." ends a sentence too. */
      c->endp = vn_ends_sentence (ln->text, c->text_len)
        || (c->credit && c->cr.trailing
            && vn_ends_sentence (ln->text, ln->len));
      nl++;
    }
  /* The byline block at the end (never the first line) is no text.  A
     firm byline (not one that only may be) marks news. */
  int has_byline = 0;
  news = 0;
  for (end = nl; end > 1; end--)
    {
      struct cline *c = &v[end - 1];
      enum vn_byline kind;
      if (c->skip)
        continue;
      if (nl - end >= 6 || (kind = vn_byline_kind (c->ln->text, c->ln->len,
                                                   NULL)) == VN_BYLINE_NONE)
        break;
      c->skip = 1;
      has_byline = 1;
      news |= kind != VN_BYLINE_MAYBE;
    }
  /* A source tag opening the text ((CAO), TTO -) or the paragraph after
     the title marks news, as a byline or a photo credit does. */
  for (i = 0; i < nl && i < 2; i++)
    news |= vn_source_tag (v[i].ln->text, v[i].ln->len) != 0;
  /* The lines of text, and what the article is like. */
  for (i = 0; i < end; i++)
    if (!v[i].skip)
      {
        st->body[nb++] = i;
        if (v[i].sents >= 2)
          st->lens[nmulti++] = v[i].chars;
        if (nb > 1 && v[i].endp)
          npunct++;
        if (v[i].credit && v[i].cr.trailing)
          ncredit++;
        if (v[i].credit)
          news = 1;
      }
  /* An article of paragraphs of several sentences: how long they are. */
  if (nmulti >= 2 && nmulti * 5 >= nb)
    {
      qsort (st->lens, nmulti, sizeof *st->lens, cmp_size);
      ref = st->lens[nmulti / 2];
    }
  pstyle = nb >= 4 && npunct * 10 >= (nb - 1) * 7;
  /* A photo gallery (half its paragraphs credited): removing the captions
     would empty it, so only the credits go. */
  gallery = ncredit >= 3 && ncredit * 2 >= nb;
  /* The run of short single sentences that often closes an article before
     its byline: a photo series.  Short is shorter than most of its lines. */
  series_start = nb;
  if (has_byline && nb > 4)
    {
      size_t median;
      for (i = 0; i < nb; i++)
        st->lens[i] = v[st->body[i]].chars;
      qsort (st->lens, nb, sizeof *st->lens, cmp_size);
      median = st->lens[nb / 2];
      while (series_start > 0 && nb - series_start < 6
             && v[st->body[series_start - 1]].sents == 1
             && v[st->body[series_start - 1]].chars < 160
             && v[st->body[series_start - 1]].chars * 10 < median * 6)
        series_start--;
      if (nb - series_start < 2)
        series_start = nb;
    }
  /* The title: a first line with no final full stop. */
  title = nb > 0 && !v[st->body[0]].endp;

  for (pos = 0; pos < nb; pos++)
    {
      struct cline *c = &v[st->body[pos]];
      const struct vn_line *ln = c->ln;
      struct vn_edits *e = &out[ln - lines];
      int s, series;

      vn_buf_clear (&st->why);
      if (c->credit && c->cr.whole)
        {
          vn_sbuf_printf (&st->why, "a line that is only a photo credit "
                          "'%.*s'", (int) c->cr.len, ln->text + c->cr.off);
          vn_structure_delete (doc, ln, e, &rules[C102], st->why.p);
          continue;
        }
      if ((pos == 0 && title) || gallery || c->text_len == 0
          || list_item (ln->text, ln->len)
          || (!c->credit && (c->chars > 350 || c->sents >= 2))
          || has_url (ln->text, ln->len))
        goto credit_only;
      series = pos >= series_start;
      st->detail = 0;
      s = score (st, v, st->body, pos, nb, ref, pstyle, series);
      /* Again with the evidence written out, for the reason.  The decision
         stays: the quick score stops early only below NOTE, or at REMOVE
         or above before the repetition, which only adds. */
      if ((s >= REMOVE || (s >= NOTE && st->specific))
          && vn_structure_reasons (e))
        {
          st->detail = 1;
          s = score (st, v, st->body, pos, nb, ref, pstyle, series);
        }
      /* A text with neither a byline, a source tag nor a photo credit may
         be no news article at all (an encyclopedia, a book), where short
         paragraphs are common: a line of it goes only on a sign of a
         picture (a cue, a credit, the blank lines a picture left) and if
         it is short, not on its shape alone. */
      if (s >= REMOVE && (news || (st->cued && c->chars < 120)))
        {
          struct vn_buf *r = &st->scratch;
          vn_buf_clear (r);
          vn_sbuf_printf (r, "caption line removed: %s = %d", st->why.p, s);
          vn_structure_delete (doc, ln, e, &rules[C101], r->p);
          continue;
        }
      if (s >= REMOVE)
        vn_edits_note (e, 0, ln->len, &rules[C190],
                       "possible caption, kept: %s = %d, but no sign of a "
                       "picture, in a text with no byline, source tag or "
                       "photo credit", st->why.p, s);
      else if (s >= NOTE && st->specific)
        vn_edits_note (e, 0, ln->len, &rules[C190],
                       "possible caption, kept: %s = %d (%d removes)",
                       st->why.p, s, REMOVE);
    credit_only:
      if (c->credit)
        {
          struct vn_buf *r = &st->scratch;
          vn_buf_clear (r);
          vn_sbuf_printf (r, "photo credit '%.*s' removed%s%s",
                          (int) c->cr.len, ln->text + c->cr.off,
                          pos == 0 && title ? " from the title"
                          : gallery ? " (a photo gallery: the text stays)"
                          : "", "");
          vn_structure_fix (doc, ln, e, c->cr.cut_off, c->cr.cut_len, "",
                            &rules[C103], r->p);
        }
    }
  vn_structure_finish (doc, lines, n, out);
}

const struct vn_fixer vn_fixer_captions = {
  .name = "captions",
  .filter = "vn-captions",
  .summary = "photo and video captions, photo credits",
  .rules = rules,
  .options = vn_structure_options,
  .create = create,
  .destroy = destroy,
  .set_option = vn_structure_fixer_option,
  .document = document,
};
