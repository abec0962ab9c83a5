/* repeats.c -- the vn-repeats fixer: a word or a two-word phrase typed
   twice loses its copy; reduplication and word boundaries stay
   (CLEAN-TEXT.md section 5) */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ascii.h"
#include "diag.h"
#include "fixer.h"
#include "ngram.h"
#include "repeats.h"
#include "scan.h"
#include "spell.h"
#include "repeat-table.h"

static const struct vn_rule rules[] = {
  {"R101", "doubled word removed (như như -> như)"},
  {"R102", "doubled two-word phrase removed (trao đổi trao đổi -> trao đổi)"},
  {"R190", "doubled word or phrase left for review (reduplication, a name, "
   "two words sharing a syllable?)"},
  {NULL, NULL}
};
enum { R101, R102, R190 };

static const struct vn_fixer_option options[] = {
  {"keep", 1, "FILE",
   "also keep the doubled words and phrases listed in FILE, one a line "
   "(like 'xa xa' or 'từng bước từng bước'; '#' starts a comment); may be "
   "given more than once"},
  {NULL, 0, NULL, NULL}
};

/* ---------------------------------------------------------------------- */
/* The word data                                                          */

size_t
vn_syllable_key (const char *w, size_t n, char *key, enum vn_casing *casing)
{
  struct vn_syllable syl;
  size_t i, upper = 0;

  if (!vn_syllable_parse (w, n, &syl))
    return 0;
  for (i = 0; i < syl.n; i++)
    upper += syl.upper[i];
  if (casing)
    *casing = upper == 0 ? VN_CASE_LOWER
      : upper == 1 && syl.upper[0] ? VN_CASE_TITLE : VN_CASE_OTHER;
  memset (syl.upper, 0, sizeof syl.upper);
  return vn_syllable_compose (&syl, VN_STYLE_OLD, key);
}

/* The number of the syllable KEY[0..N) in the table, or -1. */
static long
syllable_number (const char *key, size_t n)
{
  char pad[REP_SYL_WIDTH];
  size_t lo = 0, hi = REP_SYLLABLES;

  if (n >= REP_SYL_WIDTH)
    return -1;
  memcpy (pad, key, n);
  memset (pad + n, 0, REP_SYL_WIDTH - n);
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = memcmp (pad, rep_syllable[mid], REP_SYL_WIDTH);
      if (c == 0)
        return (long) mid;
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return -1;
}

unsigned
vn_pair_flags (const char *a, size_t an, const char *b, size_t bn)
{
  long x = syllable_number (a, an), y;
  uint32_t k;
  size_t lo = 0, hi = REP_PAIRS;

  if (x < 0 || (y = syllable_number (b, bn)) < 0)
    return 0;
  k = (uint32_t) x << 16 | (uint32_t) y;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (rep_pair_key[mid] == k)
        return rep_pair_flags[mid];
      if (rep_pair_key[mid] < k)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/* ---------------------------------------------------------------------- */
/* Options: --keep=FILE                                                   */

struct repeats
{
  char **keep;          /* keys of --keep entries, "x x" or "a b a b",
                           sorted */
  size_t nkeep, cap;
};

static void *
create (void)
{
  return vn_xcalloc (1, sizeof (struct repeats));
}

static void
destroy (void *state)
{
  struct repeats *st = state;
  size_t i;

  for (i = 0; i < st->nkeep; i++)
    free (st->keep[i]);
  free (st->keep);
  free (st);
}

static int
compare_keys (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Whether the user's --keep lists the key K. */
static int
user_keeps (const struct repeats *st, const char *k)
{
  return st->nkeep
    && bsearch (&k, st->keep, st->nkeep, sizeof *st->keep, compare_keys);
}

/* Read the entry TEXT (a NUL-ended line of a --keep file, comment and
   end cut off) into KEY ("x x" or "a b a b").  Return 0, or -1 after
   saying why, with FILE:LINENO: in front. */
static int
keep_entry (const char *text, const char *file, unsigned long lineno,
            char *key)
{
  char keys[4][VN_KEY_MAX + 1];
  char *copy = vn_xstrdup (text), *w[4], *p = copy;
  size_t n = 0, len, i;
  int rc = -1;

  for (;;)
    {
      while (*p == ' ' || *p == '\t')
        *p++ = '\0';
      if (!*p)
        break;
      if (n == 4)
        {
          n++;
          break;
        }
      w[n++] = p;
      while (*p && *p != ' ' && *p != '\t')
        p++;
    }
  text += strspn (text, " \t");
  if (n != 2 && n != 4)
    {
      vn_error (0, 0, "%s:%lu: expected a doubled word or two-word phrase "
                "such as 'xa xa' or 'từng bước từng bước', found '%s'", file,
                lineno, text);
      goto done;
    }
  for (i = 0; i < n; i++)
    {
      len = vn_syllable_key (w[i], strlen (w[i]), keys[i], NULL);
      if (!len)
        {
          vn_error (0, 0, "%s:%lu: '%s' is not a Vietnamese syllable "
                    "(vn-repeats removes nothing else)", file, lineno, w[i]);
          goto done;
        }
      keys[i][len] = '\0';
    }
  if (strcmp (keys[0], keys[n / 2])
      || (n == 4 && (strcmp (keys[1], keys[3]) || !strcmp (keys[0], keys[1]))))
    {
      vn_error (0, 0, "%s:%lu: '%s' is not a word or a two-word phrase "
                "written twice", file, lineno, text);
      goto done;
    }
  if (n == 2)
    sprintf (key, "%s %s", keys[0], keys[1]);
  else
    sprintf (key, "%s %s %s %s", keys[0], keys[1], keys[2], keys[3]);
  rc = 0;
done:
  free (copy);
  return rc;
}

/* Add the entries of the --keep file PATH. */
static int
load_keep (struct repeats *st, const char *path)
{
  char key[4 * (VN_KEY_MAX + 1)];
  char *line = NULL, *hash;
  size_t size = 0;
  ssize_t got;
  unsigned long lineno = 0;
  int rc = 0;
  FILE *f = fopen (path, "r");

  if (!f)
    {
      vn_error (0, errno, "%s", path);
      return -1;
    }
  while ((got = getline (&line, &size, f)) != -1)
    {
      lineno++;
      if (memchr (line, '\0', (size_t) got))
        {
          vn_error (0, 0, "%s:%lu: a NUL byte", path, lineno);
          rc = -1;
          break;
        }
      if ((hash = strchr (line, '#')))
        *hash = '\0';
      line[strcspn (line, "\r\n")] = '\0';
      /* Trailing blanks are no part of the entry shown in a message. */
      for (got = (ssize_t) strlen (line);
           got > 0 && (line[got - 1] == ' ' || line[got - 1] == '\t'); got--)
        line[got - 1] = '\0';
      if (line[strspn (line, " \t")] == '\0')
        continue;
      if (keep_entry (line, path, lineno, key) < 0)
        {
          rc = -1;
          break;
        }
      if (st->nkeep == st->cap)
        {
          st->cap = vn_grow (st->cap, st->nkeep + 1);
          st->keep = vn_xrealloc (st->keep, st->cap * sizeof *st->keep);
        }
      st->keep[st->nkeep++] = vn_xstrdup (key);
    }
  if (rc == 0 && ferror (f))
    {
      vn_error (0, errno, "%s", path);
      rc = -1;
    }
  free (line);
  fclose (f);
  if (st->nkeep)
    qsort (st->keep, st->nkeep, sizeof *st->keep, compare_keys);
  return rc;
}

static int
set_option (void *state, const char *name, const char *arg)
{
  if (strcmp (name, "keep"))
    return -1;
  return load_keep (state, arg);
}

/* ---------------------------------------------------------------------- */
/* Words in a line                                                        */

/* A word of the line being fixed, with its key once it is needed. */
struct word
{
  size_t start, end;    /* the bytes, in the line */
  size_t keylen;        /* 0: no syllable (or not looked at) */
  enum vn_casing casing;
  char key[VN_KEY_MAX];
};

/* The line being fixed. */
struct line
{
  const unsigned char *t;
  size_t len;
  size_t fixed_end;     /* end of the last text removed: fixes never
                           overlap */
  struct vn_edits *out;
  const struct repeats *st;
};

/* Cut the punctuation that UTF-8 writes in more than one byte (“ ” ‘ ’ «
   » – — …, led by C2 or E2: no Vietnamese letter is) off both ends of
   the token T[*START..*END). */
static inline void
trim (const unsigned char *t, size_t *start, size_t *end)
{
  size_t s = *start, e = *end;

  /* C2 | 0x20 is E2: one test rules out nearly every word. */
  while (e > s && (t[s] | 0x20) == 0xE2)
    if (t[s] == 0xE2 && e - s >= 3)
      s += 3;
    else if (t[s] == 0xC2 && e - s >= 2)
      s += 2;
    else
      break;
  while (e > s)
    if (e - s >= 3 && t[e - 3] == 0xE2)
      e -= 3;
    else if (e - s >= 2 && t[e - 2] == 0xC2)
      e -= 2;
    else
      break;
  *start = s;
  *end = e;
}

/* Fill W->key from the line; return its length (0: no syllable). */
static size_t
keyed (const struct line *ln, struct word *w)
{
  w->keylen = vn_syllable_key ((const char *) ln->t + w->start,
                               w->end - w->start, w->key, &w->casing);
  return w->keylen;
}

static int
same_key (const struct word *a, const struct word *b)
{
  return a->keylen && a->keylen == b->keylen
    && !memcmp (a->key, b->key, a->keylen);
}

/* The word before the one at AT, when only spaces come between (none
   after a line start, punctuation or a digit): fill *W and return 1.  Set
   *NUMBER when a number comes right before the spaces instead. */
static int
word_before (const struct line *ln, size_t at, struct word *w, int *number)
{
  const unsigned char *t = ln->t;
  size_t e = at, s;

  if (number)
    *number = 0;
  while (e > 0 && t[e - 1] == ' ')
    e--;
  if (e == at || e == 0)
    return 0;
  if (vn_is_digit (t[e - 1]))
    {
      if (number)
        *number = 1;
      return 0;
    }
  for (s = e; s > 0 && !vn_is_break (t[s - 1]); s--)
    ;
  w->start = s;
  w->end = e;
  trim (t, &w->start, &w->end);
  /* Punctuation at its end stands between the two words. */
  if (w->end != e || w->start == w->end)
    return 0;
  keyed (ln, w);
  return 1;
}

/* The word after the one that ends at AT, when only spaces come between:
   fill *W and return 1.  Set *NUMBER when a digit comes right after the
   spaces instead. */
static int
word_after (const struct line *ln, size_t at, struct word *w, int *number)
{
  const unsigned char *t = ln->t;
  size_t s = at, e;
  uint64_t high;

  if (number)
    *number = 0;
  while (s < ln->len && t[s] == ' ')
    s++;
  if (s == at || s == ln->len)
    return 0;
  if (vn_is_digit (t[s]))
    {
      if (number)
        *number = 1;
      return 0;
    }
  if (vn_is_break (t[s]))
    return 0;
  e = (size_t) (vn_token_end (t + s, t + ln->len, &high) - t);
  w->start = s;
  w->end = e;
  trim (t, &w->start, &w->end);
  if (w->start != s || w->start == w->end)
    return 0;
  keyed (ln, w);
  return 1;
}

/* Whether C is one of the ASCII characters of SET (never NUL). */
static int
in_set (unsigned char c, const char *set)
{
  return c && c < 0x80 && strchr (set, c) != NULL;
}

/* Whether the word W is foreign: ASCII letters, some of them lower case,
   that are no Vietnamese syllable ("so so" in "a so so movie" is English
   text, not a doubled word). */
static int
foreign (const struct line *ln, const struct word *w)
{
  size_t i;
  int lower = 0;

  if (w->keylen || w->end - w->start < 2)
    return 0;
  for (i = w->start; i < w->end; i++)
    {
      if (ln->t[i] >= 0x80)
        return 0;
      lower |= vn_is_lower (ln->t[i]);
    }
  return lower;
}

/* Whether the word that starts at AT is glued to what comes before it (a
   digit, a hyphen, a slash, an abbreviation's dot...), so that it is part
   of a longer token. */
static int
glued_before (const struct line *ln, size_t at)
{
  unsigned char c;

  if (at == 0)
    return 0;
  c = ln->t[at - 1];
  return vn_is_alnum (c) || in_set (c, "-/_@&'+%#*=~^\\|.");
}

/* The same for the word that ends at AT and what follows it; a dot or a
   comma glues only when a letter or a digit follows it (12,5; TP.HCM). */
static int
glued_after (const struct line *ln, size_t at)
{
  unsigned char c;

  if (at == ln->len)
    return 0;
  c = ln->t[at];
  if (c == '.' || c == ',' || c == ':')
    return at + 1 < ln->len && vn_is_alnum (ln->t[at + 1]);
  return vn_is_alnum (c) || in_set (c, "-/_@&'+%#*=~^\\|");
}

/* Whether the word at AT starts a sentence: only spaces and opening quotes
   or brackets between it and the start of the line or the end of a
   sentence or clause (. ! ? : ; … or a dash), so that its capital says
   nothing. */
static int
sentence_start (const struct line *ln, size_t at)
{
  const unsigned char *t = ln->t;
  size_t i = at;

  for (;;)
    {
      if (i == 0)
        return 1;
      if (in_set (t[i - 1], " ([{\"'"))
        i--;
      else if (i >= 3 && t[i - 3] == 0xE2 && t[i - 2] == 0x80
               && (t[i - 1] == 0x9C || t[i - 1] == 0x98))
        i -= 3;                 /* “ ‘ */
      else if (i >= 2 && t[i - 2] == 0xC2 && t[i - 1] == 0xAB)
        i -= 2;                 /* « */
      else
        break;
    }
  if (t[i - 1] < 0x80)
    return in_set (t[i - 1], ".!?:;-");
  return i >= 3 && t[i - 3] == 0xE2 && t[i - 2] == 0x80
    && (t[i - 1] == 0xA6 || t[i - 1] == 0x93 || t[i - 1] == 0x94);
}

static unsigned
flags (const struct word *a, const struct word *b)
{
  return vn_pair_flags (a->key, a->keylen, b->key, b->keylen);
}

/* Whether the word W is a numeral, whose phrase a unit word may close
   ("100 triệu đồng", "hai mươi tư giờ"), and no part of a word with the
   one before it ("Thông tư liên tịch": tư is four only alone). */
static int
numeral (const struct line *ln, const struct word *w)
{
  struct word before;
  static const char *const words[] = {
    "ba", "bảy", "bẩy", "bốn", "chín", "chục", "hai", "lăm", "mốt", "một",
    "mươi", "mười", "nghìn", "ngàn", "năm", "rưỡi", "sáu", "trăm", "triệu",
    "tám", "tư", "tỉ", "tỷ", "vạn"
  };
  size_t i;

  for (i = 0; i < sizeof words / sizeof *words; i++)
    if (strlen (words[i]) == w->keylen
        && !memcmp (words[i], w->key, w->keylen))
      return !(word_before (ln, w->start, &before, NULL) && before.keylen
               && flags (&before, w) & (VN_PAIR_WORD | VN_PAIR_ENDS));
  return 0;
}

/* Remove the copy T[S..E) (the second) and one space: the one after it
   when there is one, else the one before it. */
static void
remove_copy (struct line *ln, size_t s, size_t e, const struct vn_rule *rule,
             const char *what, size_t whatlen, const char *kept,
             size_t keptlen)
{
  if (e < ln->len && ln->t[e] == ' ')
    e++;
  else
    s--;
  if (s < ln->fixed_end)
    return;
  vn_edits_add (ln->out, s, e - s, "", 0, rule, "'%.*s' -> '%.*s'",
                (int) whatlen, what, (int) keptlen, kept);
  ln->fixed_end = e;
}

/* Whether the first of the doubled words A A may be a slip of the tone
   for another word: "cuối cũng cũng bị" was meant "cuối cùng cũng bị",
   and removing a copy would only hide the slip.  That is so when P A (P
   the word before) was never seen in the counted news, but P with A in
   another tone was: at least SLIP_SUPPORT times, and at least once in
   SLIP_SHARE times P was seen (cuối cùng: 291 of 696; not "cho thị", 12
   of 9,039: in "cho thì thì" the copy is the slip), and the other word
   was seen before A too (cùng cũng).  Then that pair goes into OTHER
   (2 * VN_KEY_MAX + 2 bytes) and the answer is 1. */
enum { SLIP_SUPPORT = 10, SLIP_SHARE = 20 };

static int
tone_slip (const struct word *p, const struct word *a, char *other)
{
  const struct vn_ngram *m = vn_ngram_default ();
  struct vn_spell_cand v[VN_SPELL_MAX];
  uint32_t ip = vn_ngram_id (m, p->key, p->keylen);
  uint32_t ia = vn_ngram_id (m, a->key, a->keylen);
  size_t n, i;

  if (!ip || !ia || vn_ngram_seen (m, ip, ia))
    return 0;
  n = vn_spell_candidates (m, a->key, a->keylen, VN_SPELL_TONES, v);
  for (i = 0; i < n; i++)
    {
      uint32_t pv = vn_ngram_pair (m, ip, v[i].id) & 0xFFFF;
      if (pv >= SLIP_SUPPORT && pv * SLIP_SHARE >= vn_ngram_count (m, ip)
          && vn_ngram_seen (m, v[i].id, ia))
        {
          snprintf (other, 2 * VN_KEY_MAX + 2, "%.*s %s", (int) p->keylen,
                    p->key, vn_ngram_word (m, v[i].id));
          return 1;
        }
    }
  return 0;
}

/* The words A and B (A first) are alike: only spaces between them, the
   same bytes but perhaps the case of the first letter.  Decide. */
static void
doubled (struct line *ln, struct word *a, struct word *b)
{
  const char *t = (const char *) ln->t;
  struct word p, n, n2, p2;
  int has_p, has_n, number_before, number_after, keep;
  unsigned left, right;
  const char *why;
  char slip[2 * VN_KEY_MAX + 2], because[3 * VN_KEY_MAX + 64];

  if (!keyed (ln, a) || !keyed (ln, b) || !same_key (a, b))
    return;
  /* A capital on the copy starts a name or a title (Phạm Băng Băng,
     Trường Trường ĐH); a word in capitals may be an acronym. */
  if (b->casing != VN_CASE_LOWER || a->casing == VN_CASE_OTHER)
    return;
  if (glued_before (ln, a->start) || glued_after (ln, b->end))
    return;
  has_p = word_before (ln, a->start, &p, &number_before);
  has_n = word_after (ln, b->end, &n, &number_after);
  if ((has_p && foreign (ln, &p)) || (has_n && foreign (ln, &n)))
    return;
  /* The second or third copy of a run: the first pair had its say. */
  if (has_p && same_key (&p, a))
    return;
  /* X X Y Y (ra ra vào vào, tầng tầng lớp lớp) is reduplication, and so
     is its second half. */
  if (has_n && n.keylen && n.casing == VN_CASE_LOWER && !same_key (&n, a)
      && word_after (ln, n.end, &n2, NULL) && same_key (&n, &n2))
    return;
  if (has_p && p.keylen && word_before (ln, p.start, &p2, NULL)
      && same_key (&p, &p2))
    return;
  keep = (vn_pair_flags (a->key, a->keylen, a->key, a->keylen)
          & VN_PAIR_DOUBLE) != 0;
  if (!keep && ln->st->nkeep)
    {
      char k[2 * VN_KEY_MAX + 2];
      snprintf (k, sizeof k, "%.*s %.*s", (int) a->keylen, a->key,
                (int) a->keylen, a->key);
      keep = user_keeps (ln->st, k);
    }
  why = NULL;
  if (has_n && same_key (&n, a))
    {
      if (keep)
        return;
      why = "three copies";
    }
  else if (keep)
    {
      /* "ngày ngày 10 tháng 4", "tăng vốn từ từ 37.088 tỷ": the
         reduplication does not go before a number; a slip does. */
      if (!number_after)
        return;
      why = "reduplication, but a number follows";
    }
  else if (a->casing == VN_CASE_TITLE && !sentence_start (ln, a->start))
    why = "a capital in mid-sentence: a name?";
  else
    {
      /* Both copies can stay only if each belongs to a word of its own:
         the first ending one with the word before (hành vi | vi phạm),
         the second beginning one with the word after. */
      left = has_p && p.keylen ? flags (&p, a) : 0;
      right = has_n && n.keylen ? flags (b, &n) : 0;
      if (left & (VN_PAIR_WORD | VN_PAIR_ENDS)
          && right & (VN_PAIR_WORD | VN_PAIR_BEGINS))
        return;
      if (left & (VN_PAIR_WORD | VN_PAIR_ENDS) && right & VN_PAIR_PHRASE)
        why = "a word ends with the first copy, and the second often "
          "begins a phrase with the next word";
      else if (right & (VN_PAIR_WORD | VN_PAIR_BEGINS)
               && (number_before || (has_p && numeral (ln, &p))))
        why = "after a number the first copy may close it, and the second "
          "begins a word";
      else if (has_p && p.keylen && p.casing != VN_CASE_OTHER
               && tone_slip (&p, a, slip))
        {
          snprintf (because, sizeof because, "the first copy may be a slip "
                    "of the tone: '%s' is common, '%.*s %.*s' never seen",
                    slip, (int) p.keylen, p.key, (int) a->keylen, a->key);
          why = because;
        }
    }
  if (why)
    {
      vn_edits_note (ln->out, a->start, b->end - a->start, &rules[R190],
                     "'%.*s' left as is: %s", (int) (b->end - a->start),
                     t + a->start, why);
      return;
    }
  remove_copy (ln, b->start, b->end, &rules[R101], t + a->start,
               b->end - a->start, t + a->start, a->end - a->start);
}

/* The words A B C D: A and C alike, B and D alike, only spaces between.
   Decide whether "A B" was typed twice. */
static void
doubled_phrase (struct line *ln, struct word *a, struct word *b,
                struct word *c, struct word *d)
{
  const char *t = (const char *) ln->t;
  struct word p, n;
  int has_p, has_n, ambiguous;
  char k[4 * VN_KEY_MAX + 4];

  if (!keyed (ln, a) || !keyed (ln, b) || !keyed (ln, c) || !keyed (ln, d)
      || !same_key (a, c) || !same_key (b, d) || same_key (a, b))
    return;
  if (b->casing != VN_CASE_LOWER || c->casing != VN_CASE_LOWER
      || d->casing != VN_CASE_LOWER
      || (a->casing != VN_CASE_LOWER
          && !(a->casing == VN_CASE_TITLE && sentence_start (ln, a->start))))
    return;
  if (glued_before (ln, a->start) || glued_after (ln, d->end))
    return;
  has_p = word_before (ln, a->start, &p, NULL);
  has_n = word_after (ln, d->end, &n, NULL);
  if ((has_p && foreign (ln, &p)) || (has_n && foreign (ln, &n)))
    return;
  /* Part of a longer run (A B A B A B): the first match had its say. */
  if (has_p && same_key (&p, b))
    return;
  snprintf (k, sizeof k, "%.*s %.*s %.*s %.*s", (int) a->keylen, a->key,
            (int) b->keylen, b->key, (int) a->keylen, a->key,
            (int) b->keylen, b->key);
  if (flags (a, b) & VN_PAIR_PHRASE2 || user_keeps (ln->st, k))
    return;
  /* The words may split otherwise: "học sinh học sinh viên" may be
     students studying, students (B N a word); "môn học sinh học sinh
     viên" has "sinh học" in it (P A and B A words); "nhà xuất bản xuất
     bản" is publishers publishing (P A B a word); A B A B A is a run. */
  ambiguous = (has_n && n.keylen
               && (same_key (&n, a)
                   || flags (d, &n) & (VN_PAIR_WORD | VN_PAIR_BEGINS)))
    || (has_p && p.keylen
        && ((flags (&p, a) & (VN_PAIR_WORD | VN_PAIR_ENDS)
             && flags (b, a) & VN_PAIR_WORD)
            || (flags (&p, a) & VN_PAIR_BEGINS
                && flags (a, b) & VN_PAIR_ENDS)));
  if (!(flags (a, b) & VN_PAIR_WORD) || ambiguous)
    {
      vn_edits_note (ln->out, a->start, d->end - a->start, &rules[R190],
                     "'%.*s' left as is: %s", (int) (d->end - a->start),
                     t + a->start, ambiguous ? "the words may split "
                     "otherwise" : "not a dictionary word typed twice");
      return;
    }
  remove_copy (ln, c->start, d->end, &rules[R102], t + a->start,
               d->end - a->start, t + a->start, b->end - a->start);
}

/* A word as the scan sees it. */
struct seen
{
  size_t start, end;
};

/* The first bytes (eight at most) of the word T[S..S+N) of a line of LEN
   bytes, zero-padded, the first in the lowest bits. */
static inline uint64_t
head (const unsigned char *t, size_t s, size_t n, size_t len)
{
  uint64_t v;

  if (len - s >= 8)
    v = vn_load8 (t + s);
  else
    {
      unsigned char b[8] = { 0 };
      memcpy (b, t + s, len - s);
      v = vn_load8 (b);
    }
  return n < 8 ? v & ((UINT64_C (1) << (8 * n)) - 1) : v;
}

/* What to OR into a head to fold its first letter to lower case, by the
   letter's first byte: the Latin blocks keep the case of a letter in one
   bit of its last byte, 0x20 in ASCII and Latin-1 (A a, À à), 1 in Latin
   Extended-A, -B and Additional (Đ đ, Ơ ơ, Ấ ấ).  The one exception, Ư ư
   (C6 AF, C6 B0), is made equal by hand.  Equal words fold to equal
   prints; a pair with equal prints is only a candidate, parsed later. */
static uint32_t fold_bits[256];

__attribute__ ((constructor)) static void
fold_bits_init (void)
{
  int c;

  for (c = 'A'; c <= 'Z'; c++)
    fold_bits[c] = fold_bits[c + 0x20] = 0x20;
  fold_bits[0xC3] = 0x2000;
  fold_bits[0xC4] = fold_bits[0xC5] = fold_bits[0xC6] = 0x100;
  fold_bits[0xE1] = 0x10000;
}

static inline uint64_t
fold (uint64_t v)
{
  if ((v & 0xFFFF) == 0xAFC6)
    v += 0x100;
  return v | fold_bits[v & 0xFF];
}

int
vn_repeats_alike (const char *a, size_t an, const char *b, size_t bn)
{
  const unsigned char *x = (const unsigned char *) a;
  const unsigned char *y = (const unsigned char *) b;

  return an == bn && an > 0
    && fold (head (x, 0, an, an)) == fold (head (y, 0, bn, bn))
    && (an <= 8 || !memcmp (x + 8, y + 8, an - 8));
}

/* The fast test of two words A and B whose first bytes agree: whether
   they are the same bytes but for the case of the first letter. */
static inline int
alike (const unsigned char *t, const struct seen *a, const struct seen *b,
       size_t len)
{
  size_t n = a->end - a->start;

  return n == b->end - b->start
    && fold (head (t, a->start, n, len)) == fold (head (t, b->start, n, len))
    && (n <= 8 || !memcmp (t + a->start + 8, t + b->start + 8, n - 8));
}

/* Cut the quotes and dashes off the end of the word W; return 1. */
static inline int
cut_end (const unsigned char *t, struct seen *w)
{
  trim (t, &w->start, &w->end);
  return 1;
}

/* Whether only spaces, at least one, are in T[S..E). */
static inline int
spaces (const unsigned char *t, size_t s, size_t e)
{
  if (e == s + 1)
    return t[s] == ' ';
  if (e == s)
    return 0;
  for (; s < e; s++)
    if (t[s] != ' ')
      return 0;
  return 1;
}

/* The word S as a struct word, for the slow path. */
static struct word *
word_at (struct word *w, const struct seen *s)
{
  w->start = s->start;
  w->end = s->end;
  w->keylen = 0;
  return w;
}

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *vl,
      struct vn_edits *out)
{
  struct line ln;
  const unsigned char *t = (const unsigned char *) vl->text;
  const unsigned char *p = t, *end = t + vl->len;
  /* The last three words before CUR, C the nearest. */
  struct seen a = { 0, 0 }, b = a, c = a, cur;
  struct word x[4];
  size_t len = vl->len;
  /* Their first bytes, 0x20 set; 0x100 before the line has three words
     (no byte matches it). */
  unsigned f, fa = 0x100, fb = 0x100, fc = 0x100;
  uint64_t high;

  (void) doc;
  ln.t = t;
  ln.len = len;
  ln.fixed_end = 0;
  ln.out = out;
  ln.st = state;
  /* Words are compared by their first byte, with ASCII case folded (and
     other bytes merely mixed up a little: it is a filter): nearly every
     pair of neighbours fails there, and nothing else is looked at. */
  for (;;)
    {
      p = vn_token_start (p, end);
      if (p == end)
        return;
      cur.start = (size_t) (p - t);
      p = vn_token_end (p, end, &high);
      cur.end = (size_t) (p - t);
      /* Quotes and dashes are cut off the start of a word at once, off
         its end only when it is compared: a word left with one at its end
         differs in length from any word without, as it should, for then
         punctuation stands between the two. */
      if ((t[cur.start] | 0x20) == 0xE2)
        {
          trim (t, &cur.start, &cur.end);
          if (cur.start == cur.end)
            continue;
        }
      f = t[cur.start] | 0x20;
      if (f == fc && cut_end (t, &cur) && alike (t, &c, &cur, len)
          && spaces (t, c.end, cur.start))
        doubled (&ln, word_at (&x[0], &c), word_at (&x[1], &cur));
      else if (f == fb && fc == fa && cut_end (t, &cur)
               && alike (t, &b, &cur, len) && alike (t, &a, &c, len)
               && spaces (t, c.end, cur.start) && spaces (t, b.end, c.start)
               && spaces (t, a.end, b.start))
        doubled_phrase (&ln, word_at (&x[0], &a), word_at (&x[1], &b),
                        word_at (&x[2], &c), word_at (&x[3], &cur));
      a = b;
      b = c;
      c = cur;
      fa = fb;
      fb = fc;
      fc = f;
    }
}

const struct vn_fixer vn_fixer_repeats = {
  .name = "repeats",
  .filter = "vn-repeats",
  .summary = "a word or two-word phrase typed twice loses its copy; "
    "reduplication and shared syllables stay",
  .rules = rules,
  .options = options,
  .create = create,
  .destroy = destroy,
  .set_option = set_option,
  .line = line,
};
