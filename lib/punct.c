/* punct.c -- the vn-punct fixer: spaces around punctuation, runs of it, and
   lopsided hyphens between abbreviations (CLEAN-TEXT.md section 4) */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include "ascii.h"
#include "fixer.h"
#include "sse.h"
#include "syllable.h"
#include "utf8.h"
#include "abbrev-table.h"

static const struct vn_rule rules[] = {
  {"P101", "space before closing punctuation removed (word , -> word,)"},
  {"P102", "space after an opening bracket or quote removed "
   "(( word -> (word)"},
  {"P103", "space added after punctuation before a letter (a,b -> a, b)"},
  {"P104", "run of punctuation collapsed (. . -> ., ,, -> ,)"},
  {"P105", "lopsided hyphen between abbreviations closed "
   "(TTGT- ĐT -> TTGT-ĐT)"},
  {"P190", "punctuation left for review (.,  ?.  !.  ..)"},
  {NULL, NULL}
};
enum { P101, P102, P103, P104, P105, P190 };

/* Precision first: every rule below acts only where the text around the
   mark says what it is, and leaves the rest as typed.  Never touched:
   numbers (12,5  5.385  1.406/2.282), dates and times (19/1/2005  8:30),
   ratios and scores (2:1, 2 : 1), URLs, e-mail addresses, file and domain
   names (báo-cáo.pdf, Kitco.com), the abbreviations of
   data/abbreviations.txt (TP.HCM, PGS.TS, v.v., Đ/c, TP.Đà Nẵng), ellipses
   (... and … as typed, .. too), emoticons (:)  :-(  ^^  :D), and quotes
   whose side cannot be told. */

/* One line being looked at. */
struct scan
{
  const unsigned char *t;
  size_t len;
  struct vn_edits *out;
  size_t done;          /* proposed edits end here: the next starts after */
  size_t spaced;        /* where a space was last added (or SIZE_MAX): the
                           word there no longer follows the mark before */
  size_t quotes_seen;   /* ASCII '"' met so far, this one included */
  long quotes;          /* ASCII '"' in the whole line; -1 until counted */
};

/* The byte at I, or -1 past either end of the line. */
static inline int
byte_at (const struct scan *s, size_t i)
{
  return i < s->len ? s->t[i] : -1;
}

static inline int
is_space (int b)
{
  return b == ' ' || b == '\t';
}

/* The character at I (valid or not, one is at least a byte long): its code
   point, or U+FFFD for a byte that starts no valid sequence. */
static size_t
char_at (const struct scan *s, size_t i, uint32_t *cp)
{
  size_t k;

  if (s->t[i] < 0x80)
    {
      *cp = s->t[i];
      return 1;
    }
  k = vn_utf8_decode ((const char *) s->t + i, s->len - i, cp);
  if (k == 0)
    {
      *cp = VN_REPLACEMENT;
      return 1;
    }
  return k;
}

/* The character that ends at I (I > 0): its start. */
static size_t
char_before (const struct scan *s, size_t i, uint32_t *cp)
{
  size_t j = i - 1, k;

  while (j > 0 && i - j < 4 && (s->t[j] & 0xC0) == 0x80)
    j--;
  if (char_at (s, j, cp) == i - j)
    return j;
  k = i - 1;
  char_at (s, k, cp);
  if (s->t[k] >= 0x80)
    *cp = VN_REPLACEMENT;
  return k;
}

static inline int
is_letter (uint32_t cp)
{
  if (cp < 0x80)
    return vn_is_upper ((unsigned char) cp) || vn_is_lower ((unsigned char) cp);
  /* Combining marks (NFD text) belong to the letter before them. */
  return (cp >= 0x300 && cp <= 0x36F) || u_isalpha ((UChar32) cp);
}

static inline int
is_upper (uint32_t cp)
{
  return cp < 0x80 ? vn_is_upper ((unsigned char) cp) : u_isupper ((UChar32) cp);
}

static inline int
is_lower (uint32_t cp)
{
  return cp < 0x80 ? vn_is_lower ((unsigned char) cp) : u_islower ((UChar32) cp);
}

/* Whether the letter CP may be a vowel: a e i o u y in either case, or any
   letter outside ASCII but đ (the marked vowels ạ...ỹ, ă â ê ô ơ ư; a foreign
   ñ or ç counts too, which only makes a guard below a little weaker). */
static inline int
is_vowel (uint32_t cp)
{
  if (cp < 0x80)
    return cp && strchr ("aeiouyAEIOUY", (int) cp) != NULL;
  return cp != 0x110 && cp != 0x111 && !(cp >= 0x300 && cp <= 0x36F);
}

/* A run of letters: where it is and what it is made of. */
struct word
{
  size_t start, end;
  size_t letters;       /* letters, combining marks not counted */
  int first_upper;      /* the first letter is a capital */
  int has_upper, has_lower, has_vowel;
  int last_lower;       /* the last letter is lower case */
  int marked;           /* a letter outside ASCII: Vietnamese, not a
                           domain or an English word */
};

/* The letters that start at I. */
static void
word_after (const struct scan *s, size_t i, struct word *w)
{
  uint32_t cp;
  size_t k;

  memset (w, 0, sizeof *w);
  w->start = w->end = i;
  while (w->end < s->len)
    {
      k = char_at (s, w->end, &cp);
      if (!is_letter (cp))
        break;
      if (!(cp >= 0x300 && cp <= 0x36F))
        {
          int up = is_upper (cp);
          w->first_upper |= w->letters == 0 && up;
          w->last_lower = is_lower (cp);
          w->letters++;
          w->has_upper |= up;
          w->has_lower |= is_lower (cp);
          w->has_vowel |= is_vowel (cp);
        }
      w->marked |= cp >= 0x80;
      w->end += k;
    }
}

/* The letters that end at I. */
static void
word_before (const struct scan *s, size_t i, struct word *w)
{
  uint32_t cp, last = 0;
  size_t j;

  memset (w, 0, sizeof *w);
  w->start = w->end = i;
  while (w->start > 0)
    {
      j = char_before (s, w->start, &cp);
      if (!is_letter (cp))
        break;
      if (!(cp >= 0x300 && cp <= 0x36F))
        {
          if (w->letters == 0)
            w->last_lower = is_lower (cp);
          w->letters++;
          w->has_upper |= is_upper (cp);
          w->has_lower |= is_lower (cp);
          w->has_vowel |= is_vowel (cp);
          last = cp;
        }
      w->marked |= cp >= 0x80;
      w->start = j;
    }
  w->first_upper = w->letters && is_upper (last);
}

/* Whether W is one Vietnamese syllable, spelled right (any case). */
static int
syllable (const struct scan *s, const struct word *w)
{
  struct vn_syllable syl;

  return w->end - w->start <= VN_SYL_MAX * 4
    && vn_syllable_parse ((const char *) s->t + w->start, w->end - w->start,
                          &syl) && syl.valid;
}

/* A capitalised word (Năm, HuyệnCần, Solskjaer), not an acronym (HCM). */
static int
capitalised (const struct word *w)
{
  return w->letters >= 2 && w->first_upper && w->has_lower;
}

/* A capitalised Vietnamese syllable with a mark or a Vietnamese letter
   (Năm, Đây, Vì): it opens a sentence.  One in ASCII only may be the end
   of a domain or a file name as well (Kitco.Com, .Net). */
static int
opens_sentence (const struct scan *s, const struct word *w)
{
  return capitalised (w) && w->marked && syllable (s, w);
}

/* An abbreviation in capitals (TTGT, NĐ, BCA). */
static int
acronym (const struct word *w)
{
  return w->letters >= 2 && !w->has_lower;
}

/* Longest token looked into, each side of a mark: a longer one is no
   text to put spaces in, and looking no further keeps a line of a million
   commas linear. */
#define TOKEN_MAX 256

/* The white-space-delimited token around I, in *START and *END; 0 when it
   goes on for more than TOKEN_MAX bytes on one side. */
static int
token (const struct scan *s, size_t i, size_t *start, size_t *end)
{
  size_t a = i, b = i;

  while (a > 0 && !is_space (s->t[a - 1]))
    if (i - --a > TOKEN_MAX)
      return 0;
  while (b < s->len && !is_space (s->t[b]))
    if (++b - i > TOKEN_MAX)
      return 0;
  *start = a;
  *end = b;
  return 1;
}

static int
contains (const struct scan *s, size_t a, size_t b, const char *what)
{
  size_t n = strlen (what), i;

  for (i = a; i + n <= b; i++)
    if (!memcmp (s->t + i, what, n))
      return 1;
  return 0;
}

/* Whether the token around I is a URL, an e-mail address, or HTML entity
   residue (nbsp;), where no space may be added. */
static int
protected_token (const struct scan *s, size_t i)
{
  size_t a, b;

  if (!token (s, i, &a, &b))
    return 1;
  return contains (s, a, b, "://") || contains (s, a, b, "www.")
    || contains (s, a, b, "@") || contains (s, a, b, "&")
    || contains (s, a, b, "nbsp;") || contains (s, a, b, "NBSP;");
}

/* Binary search of the abbreviation table: the first form not before
   S[0..N) in byte order. */
static size_t
abbrev_lower_bound (const unsigned char *p, size_t n)
{
  size_t lo = 0, hi = ABBREV_COUNT;

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      const char *f = abbrev_table[mid];
      size_t fn = strlen (f);
      int c = memcmp (f, p, fn < n ? fn : n);

      if (c < 0 || (c == 0 && fn < n))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Whether T[A..B) is a form of data/abbreviations.txt (PREFIX == 0), or
   the start of one (PREFIX == 1: "TP." starts TP.HCM and is one). */
static int
abbrev_known (const struct scan *s, size_t a, size_t b, int prefix)
{
  size_t n = b - a, k;

  if (n == 0 || n > ABBREV_MAX)
    return 0;
  k = abbrev_lower_bound (s->t + a, n);
  if (k == ABBREV_COUNT || strncmp (abbrev_table[k], (const char *) s->t + a,
                                     n))
    return 0;
  return prefix || abbrev_table[k][n] == '\0';
}

/* The dotted word that ends at I (the letters and dots before it, as in
   v.v or TP.HCM): its start. */
static size_t
dotted_before (const struct scan *s, size_t i)
{
  struct word w;
  size_t a = i;

  for (;;)
    {
      word_before (s, a, &w);
      if (w.letters == 0)
        return a;
      a = w.start;
      if (a == 0 || s->t[a - 1] != '.')
        return a;
      a--;
    }
}

/* Whether the letters and dots that end at I are a known abbreviation
   (v.v in v.v.., TP.HCM in TP.HCM.,). */
static int
abbrev_before (const struct scan *s, size_t i)
{
  size_t a = dotted_before (s, i);

  while (a < i)
    {
      if (abbrev_known (s, a, i, 0))
        return 1;
      /* bụng.v.v: try v.v, then v */
      while (a < i && s->t[a] != '.')
        a++;
      a++;
    }
  return 0;
}

/* Propose an edit, unless it would reach back into one already proposed
   (a cluster is looked at once; this only keeps the edits apart). */
static void edit (struct scan *s, size_t off, size_t n, const char *repl,
                  int rule, const char *reason, ...)
  __attribute__ ((format (printf, 6, 7)));

static void
edit (struct scan *s, size_t off, size_t n, const char *repl, int rule,
      const char *reason, ...)
{
  char why[160];
  va_list ap;

  if (off < s->done)
    return;
  va_start (ap, reason);
  vsnprintf (why, sizeof why, reason, ap);
  va_end (ap);
  vn_edits_add (s->out, off, n, repl, strlen (repl), &rules[rule], "%s",
                why);
  s->done = off + n;
}

static void
note (struct scan *s, size_t off, size_t n, const char *reason)
{
  vn_edits_note (s->out, off, n, &rules[P190], "'%.*s' %s", (int) n,
                 (const char *) s->t + off, reason);
}

/* Whether the character that ends at I is a closing bracket or quote (a
   quote closes when it does not follow a space). */
static int
closes (const struct scan *s, size_t i)
{
  uint32_t cp;
  size_t j;

  if (i == 0)
    return 0;
  j = char_before (s, i, &cp);
  if (cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB)
    return 1;
  return cp == '"' && j > 0 && !is_space (s->t[j - 1]);
}

/* Whether the character that ends at I may have punctuation right after
   it: a letter, a digit, a per cent or degree sign, an apostrophe (Cavani
   46'), a closing bracket or quote. */
static int
takes_punct (const struct scan *s, size_t i)
{
  uint32_t cp = 0;

  if (i > 0)
    char_before (s, i, &cp);
  if (is_letter (cp) || (cp < 0x80 && vn_is_digit ((unsigned char) cp))
      || cp == '%' || cp == 0xB0)
    return 1;
  if (cp == '\'')
    return i > 1 && !is_space (s->t[i - 2]);
  return closes (s, i);
}

/* May the character at I follow a mark with no space (end of line, a
   space, a closing bracket or quote)? */
static int
ends_here (const struct scan *s, size_t i)
{
  uint32_t cp;

  if (i >= s->len || is_space (s->t[i]))
    return 1;
  char_at (s, i, &cp);
  return cp == ')' || cp == ']' || cp == '"' || cp == 0x201D
    || cp == 0x2019 || cp == 0xBB;
}

/* The spaces before I: where they start (I when there are none). */
static size_t
spaces_before (const struct scan *s, size_t i)
{
  while (i > 0 && s->t[i - 1] == ' ')
    i--;
  return i;
}

static size_t
spaces_after (const struct scan *s, size_t i)
{
  while (i < s->len && s->t[i] == ' ')
    i++;
  return i;
}

static const char *
mark (unsigned char c)
{
  switch (c)
    {
    case ',': return ",";
    case ';': return ";";
    case ':': return ":";
    case '.': return ".";
    case '!': return "!";
    default: return "?";
    }
}

/* A space before the mark at I (the spaces from SP) goes: P101. */
static void
drop_space_before (struct scan *s, size_t sp, size_t i)
{
  /* https://vus.link/DanTri . : a dot glued to an address would be taken
     for part of it. */
  if (protected_token (s, sp - 1))
    return;
  edit (s, sp, i - sp, "", P101, "space before '%s' removed",
        mark (s->t[i]));
}

/* A letter follows the mark T[FROM..END): one space goes in. */
static void
add_space_after (struct scan *s, size_t from, size_t end)
{
  edit (s, end, 0, " ", P103, "space added after '%.*s' before a letter",
        (int) (end - from), (const char *) s->t + from);
  s->spaced = end;
}

/* , and ; : runs collapse (,, , ,), no space before, one after before a
   letter. */
static size_t
comma (struct scan *s, size_t i)
{
  unsigned char p = s->t[i];
  size_t sp = spaces_before (s, i), end = i + 1, k;
  int nxt;
  struct word w;

  for (;;)
    {
      k = spaces_after (s, end);
      if (k < s->len && s->t[k] == p)
        end = k + 1;
      else
        break;
    }
  nxt = byte_at (s, end);
  word_after (s, end, &w);
  /* What may follow: the end, a space, a word (khu vực ,đem: the space
     moves), an ellipsis (,...).  Not a digit (12 ,5 may be a number with a
     stray space) nor an emoticon (;) ;-)). */
  if (sp < i && takes_punct (s, sp)
      && (nxt < 0 || is_space (nxt) || w.letters || nxt == '.'
          || nxt == 0xE2))
    drop_space_before (s, sp, i);
  if (end > i + 1)
    edit (s, i + 1, end - i - 1, "", P104, "run of '%s' made one",
          mark (p));
  if (w.letters && (sp < i ? takes_punct (s, sp) : takes_punct (s, i))
      && !protected_token (s, i))
    add_space_after (s, end - 1, end);
  return end - 1;
}

/* : no space before, one after before a word; never in times, ratios,
   scores (8:30, 2:1, 2 : 1), emoticons (:D :) :-(), URLs, or :: */
static size_t
colon (struct scan *s, size_t i)
{
  size_t sp = spaces_before (s, i), k;
  int nxt = byte_at (s, i + 1);
  struct word w, left;

  if (nxt == ':' || (i > 0 && s->t[i - 1] == ':'))
    return nxt == ':' ? i + 1 : i;
  word_after (s, i + 1, &w);
  if (sp < i && takes_punct (s, sp))
    {
      k = spaces_after (s, i + 1);
      if (vn_is_digit (s->t[sp - 1]) && k < s->len && k > i + 1
          && vn_is_digit (s->t[k]))
        return i;               /* 2 : 1 */
      if (i + 1 == s->len || is_space (s->t[i + 1]) || w.letters >= 2)
        drop_space_before (s, sp, i);
      if (w.letters >= 2 && !protected_token (s, i + 1))
        add_space_after (s, i, i + 1);
      return i;
    }
  if (sp == i && w.letters >= 2)
    {
      word_before (s, i, &left);
      if ((left.letters >= 2 && left.end == i) || closes (s, i))
        if (!protected_token (s, i))
          add_space_after (s, i, i + 1);
    }
  return i;
}

/* Whether a space may go between the word that ends at I and the
   capitalised word W after the mark at I: a sentence glued to the next
   (năm.Quyết định, không?Tôi), not a domain, file name, abbreviation or
   brand.  The word before ends in a lower-case letter and has a vowel
   (Tp.Hà, Mr.Bean, Ths.Bs have none), and it is a Vietnamese syllable or
   the word after opens a sentence (Lenin.Năm). */
static int
sentence_glued (const struct scan *s, size_t i, const struct word *w)
{
  struct word left;

  if (!capitalised (w))
    return 0;
  if (closes (s, i))
    return 1;
  word_before (s, i, &left);
  if (left.letters < 2 || !left.last_lower || !left.has_vowel)
    return 0;
  if (left.start > 0 && left.start != s->spaced
      && (s->t[left.start - 1] == '.' || s->t[left.start - 1] == '-'
          || s->t[left.start - 1] == '_'
          || vn_is_digit (s->t[left.start - 1])))
    return 0;                   /* a.b.Cde, Báo-Cáo.Docx, 3com.Net; but
                                   năm.Quyết.Đây once a space is added */
  return syllable (s, &left) || opens_sentence (s, w);
}

/* Whether a space goes after an ellipsis at I, glued to the word before
   it and to W after it: when W opens a sentence (bảo hiểm…Thế nhưng).
   Before a lower-case word the ellipsis marks words left out or a voice
   trailing off (cùng cha...rồi nó), and is left as typed. */
static int
ellipsis_glued (const struct scan *s, size_t i, const struct word *w)
{
  struct word left;

  if (!capitalised (w))
    return 0;
  word_before (s, i, &left);
  return (left.letters >= 2 || closes (s, i) || (i > 0 && s->t[i - 1] == ','))
    && !protected_token (s, i);
}

/* Whether what ends at I is an ordinary word (two letters or more, all
   lower case, not after a dot), a number or a closing bracket or
   quote: then .  after it ends a sentence, and ., there is worth a look.
   After an initial or a short name (anh T., Co., U.K.,) it is not. */
static int
ordinary_end (const struct scan *s, size_t i)
{
  struct word w;

  if (i == 0)
    return 0;
  if (vn_is_digit (s->t[i - 1]) || closes (s, i))
    return 1;
  word_before (s, i, &w);
  return w.letters >= 2 && !w.has_upper && w.has_vowel
    && !(w.start > 0 && s->t[w.start - 1] == '.');
}

/* The spaces from SP before the stop T[I..END) (. or ! ? and their runs),
   followed by the word W: they go when the stop ends there (vậy ?); when
   it is glued to a word that opens a sentence, the space moves after it
   (cơ thể .Vì vậy, Hỏi ?Trả lời). */
static void
space_before_stop (struct scan *s, size_t sp, size_t i, size_t end,
                   const struct word *w)
{
  if (!takes_punct (s, sp))
    return;
  if (ends_here (s, end))
    drop_space_before (s, sp, i);
  else if (opens_sentence (s, w) && !protected_token (s, end))
    {
      drop_space_before (s, sp, i);
      add_space_after (s, i, end);
    }
}

/* . : runs (. .) collapse, no space before, one after a sentence glued to
   the next; ellipses and .. are left as typed. */
static size_t
period (struct scan *s, size_t i)
{
  size_t sp = spaces_before (s, i), end = i + 1, k, e;
  int nxt;
  struct word w;

  /* Dots in a row: an ellipsis (...), or two (..) which may be one too. */
  if (byte_at (s, i + 1) == '.')
    {
      for (e = i + 1; e < s->len && s->t[e] == '.'; e++)
        ;
      if (e - i == 2)
        {
          if (sp == i && abbrev_before (s, i))
            edit (s, i + 1, 1, "", P104, "'%s' after an abbreviation: "
                  "one dot ends it", "..");
          else if (sp == i && takes_punct (s, i))
            note (s, i, 2, "left as typed: an ellipsis, or a period typed "
                  "twice?");
        }
      else if (e - i == 3 && sp == i && takes_punct (s, i)
               && e < s->len && !is_space (s->t[e]))
        {
          /* xe...đều: one space after the ellipsis */
          word_after (s, e, &w);
          if (ellipsis_glued (s, i, &w))
            add_space_after (s, i, e);
        }
      return e - 1;
    }
  /* . . -> . ; but . . . is a spaced ellipsis, left whole. */
  if (sp < i && sp > 0 && s->t[sp - 1] == '.')
    return i;
  k = spaces_after (s, end);
  if (k > end && k < s->len && s->t[k] == '.')
    {
      size_t k2 = spaces_after (s, k + 1);
      if (byte_at (s, k + 1) == '.' || (k2 < s->len && s->t[k2] == '.'))
        return i;
      if (ends_here (s, k + 1))
        end = k + 1;
    }
  nxt = byte_at (s, end);
  if (nxt >= 0 && vn_is_digit (nxt))
    return end - 1;             /* 5.385, .5 */
  word_after (s, end, &w);
  if (sp < i)
    space_before_stop (s, sp, i, end, &w);
  if (end > i + 1)
    edit (s, i + 1, end - i - 1, "", P104, "'%s' made one", ". .");
  if (sp == i && w.letters && sentence_glued (s, i, &w))
    {
      size_t a = dotted_before (s, i);
      if (!abbrev_known (s, a, i + 1, 1) && !protected_token (s, i))
        add_space_after (s, i, end);
    }
  if (nxt == ',' && sp == i && ordinary_end (s, i) && !abbrev_before (s, i))
    note (s, i, 2, "left for review");
  return end - 1;
}

/* ! ? : kept as typed in runs (?! !!), no space before, one after before a
   capitalised word. */
static size_t
bang (struct scan *s, size_t i)
{
  size_t sp = spaces_before (s, i), end = i;
  struct word w;

  while (end < s->len && (s->t[end] == '!' || s->t[end] == '?'))
    end++;
  if (byte_at (s, end) == '.')
    {
      if (byte_at (s, end + 1) != '.' && (sp < i || takes_punct (s, i)))
        note (s, end - 1, 2, "left for review");
      return end - 1;
    }
  word_after (s, end, &w);
  if (sp < i)
    space_before_stop (s, sp, i, end, &w);
  if (sp == i && end < s->len && !is_space (s->t[end]))
    if (w.letters && sentence_glued (s, i, &w) && !protected_token (s, i))
      add_space_after (s, i, end);
  return end - 1;
}

/* Whether the character that ends at I opens: the line starts there, or a
   space or an opening bracket or quote is there. */
static int
opens_after (const struct scan *s, size_t i)
{
  uint32_t cp;

  if (i == 0 || is_space (s->t[i - 1]))
    return 1;
  char_before (s, i, &cp);
  return cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

/* The opening bracket or quote T[I..I+N) is followed by spaces: they go
   when a word, a number or an opening curly quote follows them (an ASCII
   quote there may close as well). */
static void
open_mark (struct scan *s, size_t i, size_t n)
{
  size_t k = spaces_after (s, i + n);
  uint32_t cp;

  if (k == i + n || k == s->len || !opens_after (s, i))
    return;
  char_at (s, k, &cp);
  if (is_letter (cp) || (cp < 0x80 && vn_is_digit ((unsigned char) cp))
      || cp == 0x201C)
    edit (s, i + n, k - i - n, "", P102, "space after '%s' removed",
          n == 1 ? (s->t[i] == '(' ? "(" : s->t[i] == '[' ? "[" : "\"")
          : s->t[i] == 0xC2 ? "«" : s->t[i + 2] == 0x9C ? "“" : "‘");
}

/* A closing bracket after spaces: they go after a word, a number or
   punctuation, but not in ( ) or an emoticon. */
static void
close_bracket (struct scan *s, size_t i)
{
  size_t sp = spaces_before (s, i);
  uint32_t cp;

  if (sp == i || sp == 0)
    return;
  char_before (s, sp, &cp);
  if (is_letter (cp) || (cp < 0x80 && (vn_is_digit ((unsigned char) cp)
                                       || (cp && strchr (".!?%\"')]",
                                                         (int) cp))))
      || cp == 0x2026 || cp == 0x201D || cp == 0x2019 || cp == 0xB0)
    {
      if (cp == '"' || cp == '\'' || cp == ')')
        {
          /* an emoticon :) or a quote after a space (it opens): leave */
          size_t j = char_before (s, sp, &cp);
          if (j == 0 || s->t[j - 1] == ':' || s->t[j - 1] == ';'
              || s->t[j - 1] == '=' || (cp != ')' && is_space (s->t[j - 1])))
            return;
        }
      edit (s, sp, i - sp, "", P101, "space before '%s' removed",
            s->t[i] == ')' ? ")" : "]");
    }
}

/* An ASCII double quote opens after a space or at the start of the line
   (CLEAN-TEXT.md); it is only taken for an opening one when the count of
   quotes in the line agrees (it is the first, third... of an even number),
   since a closing quote typed between spaces looks the same. */
static void
ascii_quote (struct scan *s, size_t i)
{
  if (i > 0 && !is_space (s->t[i - 1]))
    return;
  if (byte_at (s, i + 1) != ' ')
    return;
  if (s->quotes < 0)
    {
      size_t k;
      s->quotes = 0;
      for (k = 0; k < s->len; k++)
        s->quotes += s->t[k] == '"';
    }
  if (s->quotes % 2 == 0 && s->quotes_seen % 2 == 1)
    open_mark (s, i, 1);
}

/* A hyphen with a space on one side only, between two abbreviations in
   capitals: TTGT- ĐT, TT -BTTTT.  The space goes. */
static void
hyphen (struct scan *s, size_t i)
{
  struct word l, r;
  int before = i > 0 && s->t[i - 1] == ' ';
  int after = byte_at (s, i + 1) == ' ';

  if (before == after)
    return;
  if (after)
    {
      word_before (s, i, &l);
      word_after (s, i + 2, &r);
    }
  else
    {
      word_before (s, i - 1, &l);
      word_after (s, i + 1, &r);
    }
  if (!acronym (&l) || !acronym (&r)
      || (r.end < s->len && (s->t[r.end] == '-' || vn_is_digit (s->t[r.end])))
      || (l.start > 0 && vn_is_digit (s->t[l.start - 1])))
    return;
  edit (s, after ? i + 1 : i - 1, 1, "", P105,
        "lopsided hyphen between '%.*s' and '%.*s' closed",
        (int) (l.end - l.start), (const char *) s->t + l.start,
        (int) (r.end - r.start), (const char *) s->t + r.start);
}

/* The ellipsis … at I is glued to a word on both sides. */
static void
ellipsis (struct scan *s, size_t i)
{
  struct word r;

  word_after (s, i + 3, &r);
  if (ellipsis_glued (s, i, &r))
    add_space_after (s, i, i + 3);
}

/* Which bytes may start something to look at. */
enum { TRIGGER = 1 };
static unsigned char trigger[256];

__attribute__ ((constructor)) static void
trigger_init (void)
{
  const char *p;

  for (p = ",;:.!?()[]\"-"; *p; p++)
    trigger[(unsigned char) *p] = TRIGGER;
  trigger[0xE2] = TRIGGER;      /* “ ” ‘ ’ … */
  trigger[0xC2] = TRIGGER;      /* « » */
}

/* Look at the byte I, which may start something: return the last byte
   looked at. */
static size_t
look (struct scan *s, size_t i)
{
  const unsigned char *t = s->t;
  size_t len = s->len;
  unsigned char b = t[i];
  int prev_sp = i > 0 && t[i - 1] == ' ';
  int next = i + 1 < len ? t[i + 1] : -1;

  switch (b)
    {
    case ',':
    case ';':
      /* The common cases: "word, word" and 12,5. */
      if (!prev_sp && ((next == ' ' && byte_at (s, i + 2) != b)
                       || (next >= '0' && next <= '9')))
        return i;
      return comma (s, i);
    case '.':
      if (!prev_sp && ((next == ' ' && byte_at (s, i + 2) != '.')
                       || next < 0 || (next >= '0' && next <= '9')))
        return i;
      return period (s, i);
    case ':':
      if (!prev_sp && (next == ' ' || next < 0
                       || (next >= '0' && next <= '9')))
        return i;
      return colon (s, i);
    case '!':
    case '?':
      if (!prev_sp && (next == ' ' || next < 0))
        return i;
      return bang (s, i);
    case '(':
    case '[':
      if (next == ' ')
        open_mark (s, i, 1);
      return i;
    case ')':
    case ']':
      if (prev_sp)
        close_bracket (s, i);
      return i;
    case '"':
      s->quotes_seen++;
      if (next == ' ')
        ascii_quote (s, i);
      return i;
    case '-':
      if (prev_sp != (next == ' '))
        hyphen (s, i);
      return i;
    case 0xE2:
      if (next == 0x80 && i + 2 < len)
        {
          if ((t[i + 2] == 0x9C || t[i + 2] == 0x98)
              && byte_at (s, i + 3) == ' ')
            open_mark (s, i, 3);
          else if (t[i + 2] == 0xA6 && i + 3 < len && !is_space (t[i + 3])
                   && !prev_sp)
            ellipsis (s, i);
        }
      return i;
    case 0xC2:
      if (next == 0xAB && byte_at (s, i + 2) == ' ')
        open_mark (s, i, 2);
      return i;
    default:
      return i;
    }
}

/* The first byte from I of T[0..LEN) that may start something, or LEN.
   Sixteen bytes at a time, by ranges that hold every trigger (and some
   bytes that are none, # $ % & ' * + / < = > \\, which the table then
   turns down): one byte in forty of news text is worth a look. */
static size_t
next_trigger (const unsigned char *t, size_t i, size_t len)
{
#ifdef __SSE2__
  for (; i + 16 <= len; i += 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (t + i));
      __m128i m = _mm_or_si128 (_mm_or_si128 (vn_sse_in_range (v, 0x21, 0x2F),
                                              vn_sse_in_range (v, 0x3A, 0x3F)),
                                vn_sse_in_range (v, 0x5B, 0x5D));
      unsigned bits;
      m = _mm_or_si128 (m, _mm_or_si128 (vn_sse_eq (v, 0xC2), vn_sse_eq (v, 0xE2)));
      for (bits = (unsigned) _mm_movemask_epi8 (m); bits; bits &= bits - 1)
        {
          size_t j = i + (unsigned) __builtin_ctz (bits);
          if (trigger[t[j]])
            return j;
        }
    }
#endif
  while (i < len && !trigger[t[i]])
    i++;
  return i;
}

static void
line (void *state, const struct vn_doc *doc, const struct vn_line *ln,
      struct vn_edits *out)
{
  struct scan s;
  const unsigned char *t = (const unsigned char *) ln->text;
  size_t len = ln->len, i = 0;

  (void) state;
  (void) doc;
  s.t = t;
  s.len = len;
  s.out = out;
  s.done = 0;
  s.spaced = SIZE_MAX;
  s.quotes_seen = 0;
  s.quotes = -1;
  /* Most of a line is letters and single spaces: the bytes worth a look
     (ASCII punctuation, and the lead bytes of “ ” ‘ ’ … and « ») are found
     sixteen at a time, and most of those are passed over at once (", "
     after a word, the dot of 5.385). */
  for (;;)
    {
      i = next_trigger (t, i, len);
      if (i >= len)
        return;
      i = look (&s, i) + 1;
    }
}

const struct vn_fixer vn_fixer_punct = {
  .name = "punct",
  .filter = "vn-punct",
  .summary = "spaces around punctuation: none before , . ; : ! ? or a "
    "closing bracket, none after an opening one, one after before a "
    "letter; runs collapsed",
  .rules = rules,
  .line = line,
};
