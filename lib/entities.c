/* entities.c -- vn-entities: decode the HTML entity residue of scraped text */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "ascii.h"
#include "fixer.h"
#include "utf8.h"
#include "entity-table.h"

/* Indexes into RULES. */
enum
{
  R_NAMED, R_NUMERIC, R_BARE, R_NBSP_NOSEMI, R_DOUBLE, R_CASE, R_NBSP_CHAR,
  R_NOTE
};

static const struct vn_rule rules[] = {
  { "E101", "named entity decoded" },
  { "E102", "numeric character reference decoded" },
  { "E103", "bare entity name without '&' decoded" },
  { "E104", "'&nbsp' without ';' decoded" },
  { "E105", "double-escaped entity decoded" },
  { "E106", "entity name in the wrong case decoded" },
  { "E107", "no-break space U+00A0 replaced by a space" },
  { "E190", "looks like an entity but left as is" },
  { NULL, NULL }
};

/* What a reference after '&' turned out to be. */
enum ref_kind { REF_NONE, REF_DECODE, REF_NOTE };

struct ref
{
  enum ref_kind kind;
  size_t end;           /* offset just past the reference */
  int rule;             /* REF_DECODE: R_NAMED, R_NUMERIC, R_NBSP_NOSEMI
                           or R_CASE */
  uint32_t cp[2];       /* REF_DECODE: the value; cp[1] is 0 for one */
  int cp1252;           /* R_NUMERIC: mapped through Windows-1252 */
  const char *exact;    /* R_CASE and case-guess notes: the table's name */
  char why[80];         /* REF_NOTE: why it is left as is */
};

/* The names of bare entities (E103), that is with the '&' lost by the
   scraper.  The evidence is thin and one-sided: in the project's corpus
   (shared/corpus) "nbsp;" without '&' occurs some 25 times, glued to the
   word before as often as not, and no other bare name occurs at all, while
   many names are also the end of ordinary words ("lt;" in "belt;",
   "not;", "copy;", "reg;", "deg;", "cent;", "times;", "pound;", and every
   letter entity can end a word in some language).  So only names that
   cannot be mistaken for text are decoded:

   - the no-break and typographic spaces, curly quotes, guillemets, dashes,
     ellipsis and middle dot: no Vietnamese syllable ends in "sp", "quo",
     "ash", "llip" or "ddot", and no English word in "nbsp", "ensp",
     "emsp", "thinsp", "dquo", "squo", "aquo", "hellip", "ndash", "mdash"
     or "middot", so these are decoded even glued to the word before
     ("Tham dựnbsp; có", which is how the corpus shows them), lower case
     only as HTML spells them, plus "NBSP;" from upper-cased text;
   - "quot", "amp" and "apos" end words ("aliquot", "camp", "lamp"), so
     they are decoded only when what comes before is not an ASCII letter
     or digit (": quot;" is an entity, "lamp;" is a word);
   - nothing else.  */
struct bare
{
  const char *text;     /* as it appears before the ';' */
  const char *entity;   /* the table's name for it */
  size_t len;
  int glued;            /* may follow a letter with no space */
};

static const struct bare bare_names[] = {
  { "nbsp", "nbsp", 4, 1 }, { "NBSP", "nbsp", 4, 1 },
  { "ensp", "ensp", 4, 1 }, { "emsp", "emsp", 4, 1 },
  { "thinsp", "thinsp", 6, 1 }, { "ldquo", "ldquo", 5, 1 },
  { "rdquo", "rdquo", 5, 1 }, { "lsquo", "lsquo", 5, 1 },
  { "rsquo", "rsquo", 5, 1 }, { "laquo", "laquo", 5, 1 },
  { "raquo", "raquo", 5, 1 }, { "hellip", "hellip", 6, 1 },
  { "ndash", "ndash", 5, 1 }, { "mdash", "mdash", 5, 1 },
  { "middot", "middot", 6, 1 },
  { "quot", "quot", 4, 0 }, { "amp", "amp", 3, 0 }, { "apos", "apos", 4, 0 },
};

/* HTML5 maps numeric references to the C1 range through Windows-1252 (the
   pages said ISO-8859-1 and meant it); 0 marks the five bytes that code
   page leaves undefined. */
static const uint16_t cp1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* Longest text of a reference quoted in a message; a longer one (a run of
   ten thousand digits) is cut, it is the start that says what it is. */
#define SHOW_MAX 40

/* Compare NAME[0..LEN) (letters and digits, so no NUL) with the table's
   NUL-ended B, in byte order as the table is sorted. */
static int
name_cmp (const char *name, size_t len, const char *b)
{
  int c = strncmp (name, b, len);
  if (c)
    return c;
  return b[len] ? -1 : 0;
}

static const struct entity *
lookup (const char *name, size_t len)
{
  size_t lo = 0, hi = ENTITY_COUNT;

  if (len > ENTITY_NAME_MAX)
    return NULL;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = name_cmp (name, len, entity_table[mid].name);
      if (c == 0)
        return &entity_table[mid];
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

/* Whether CP has the Unicode property Cased (an upper-, lower- or title-case
   letter, or one that case-maps like one).  It need only be right for the
   values in the entity table, which are all it is asked about; it was
   checked against Python's str.isupper/islower/istitle for every one of
   them.  The ranges are whole blocks where that is true of the block. */
static int
cased (uint32_t cp)
{
  if (cp < 0x80)
    return vn_is_upper ((unsigned char) cp) || (cp >= 'a' && cp <= 'z');
  if (cp < 0x100)
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA
      || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
  if (cp < 0x370)
    return (cp <= 0x1BA) || (cp >= 0x1BC && cp <= 0x1BF)
      || (cp >= 0x1C4 && cp <= 0x293) || (cp >= 0x295 && cp <= 0x2B8)
      || cp == 0x2C0 || cp == 0x2C1 || (cp >= 0x2E0 && cp <= 0x2E4)
      || cp == 0x345;
  if (cp < 0x530)
    return (cp >= 0x370 && cp <= 0x373) || cp == 0x376 || cp == 0x377
      || (cp >= 0x37A && cp <= 0x37D) || cp == 0x37F || cp == 0x386
      || (cp >= 0x388 && cp <= 0x3F5) || (cp >= 0x3F7 && cp <= 0x481)
      || cp >= 0x48A;
  if (cp >= 0x1E00 && cp <= 0x1EFF)
    return 1;
  if (cp >= 0x2100 && cp <= 0x214F)
    return cp == 0x2102 || cp == 0x2107 || (cp >= 0x210A && cp <= 0x2113)
      || cp == 0x2115 || (cp >= 0x2119 && cp <= 0x211D) || cp == 0x2124
      || cp == 0x2126 || cp == 0x2128 || (cp >= 0x212A && cp <= 0x212D)
      || (cp >= 0x212F && cp <= 0x2134) || cp == 0x2139
      || (cp >= 0x213C && cp <= 0x213F) || (cp >= 0x2145 && cp <= 0x2149)
      || cp == 0x214E;
  return (cp >= 0x2160 && cp <= 0x217F) || (cp >= 0x24B6 && cp <= 0x24E9)
    || (cp >= 0xFB00 && cp <= 0xFB06)
    /* Mathematical alphanumeric letters, Latin part (the table has no
       Greek ones, whose block mixes in the operators nabla and partial). */
    || (cp >= 0x1D400 && cp <= 0x1D6A5);
}

/* Characters that print as nothing or as blank: a message names them by
   code point, since "decoded as ' '" cannot tell an em space from a thin
   one and a zero-width space shows nothing at all. */
static int
invisible (uint32_t cp)
{
  return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD
    || (cp >= 0x300 && cp <= 0x36F) || cp == 0x61C || cp == 0x180E
    || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
    || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)
    || (cp >= 0x205F && cp <= 0x206F) || (cp >= 0x20D0 && cp <= 0x20FF)
    || cp == 0x3000 || (cp >= 0xFE00 && cp <= 0xFE0F)
    || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0xFEFF
    || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

/* In rendered HTML a no-break space looks like a space, and tab, line feed,
   form feed and carriage return are white space; the clean text wants an
   ordinary space for all of them (and a line filter must not split the
   line it was given). */
static int
becomes_space (const uint32_t cp[2])
{
  return cp[1] == 0
    && (cp[0] == 0xA0 || cp[0] == 0x09 || cp[0] == 0x0A || cp[0] == 0x0C
        || cp[0] == 0x0D);
}

/* The replacement bytes for CP in OUT (at least 8 bytes); its length. */
static size_t
encode (const uint32_t cp[2], char *out)
{
  size_t k;

  if (becomes_space (cp))
    {
      out[0] = ' ';
      return 1;
    }
  k = vn_utf8_encode (cp[0], out);
  if (cp[1])
    k += vn_utf8_encode (cp[1], out + k);
  return k;
}

/* How a message shows the decoded value: "a space", "'à'" or "U+200B". */
static void
describe (const uint32_t cp[2], const char *bytes, size_t len, char *buf,
          size_t size)
{
  if (becomes_space (cp))
    snprintf (buf, size, "a space");
  else if (cp[1] == 0 && invisible (cp[0]))
    snprintf (buf, size, "U+%04X", (unsigned) cp[0]);
  else
    snprintf (buf, size, "'%.*s'", (int) len, bytes);
}

/* Length of S[0..LEN) to quote in a message, and the mark of a cut. */
static int
show_len (size_t len)
{
  return len > SHOW_MAX ? SHOW_MAX : (int) len;
}

static const char *
show_cut (size_t len)
{
  return len > SHOW_MAX ? "..." : "";
}

/* Parse "#224;", "#xE0;" at S[J..N) (after an '&').  Leading zeros are
   allowed, and a value too large is kept too large rather than wrapped. */
static void
parse_numeric (const char *s, size_t n, size_t j, struct ref *r)
{
  size_t p = j + 1, start;
  uint32_t v = 0;
  int base = 10, d;

  if (p < n && (s[p] == 'x' || s[p] == 'X'))
    {
      base = 16;
      p++;
    }
  start = p;
  for (; p < n; p++)
    {
      if (base == 16)
        d = vn_hex_value ((unsigned char) s[p]);
      else
        d = vn_is_digit ((unsigned char) s[p]) ? s[p] - '0' : -1;
      if (d < 0)
        break;
      if (v <= 0x10FFFF)
        v = v * (uint32_t) base + (uint32_t) d;
    }
  if (p == start)
    return;                     /* "&#;", "&#x;", "&#abc": not a reference */
  r->kind = REF_NOTE;
  if (p == n || s[p] != ';')
    {
      /* HTML5 decodes "&#224 " too, as a parse error, but here where the
         digits stop is a guess: "&#2241" may be "à1", and a reference the
         scraper cut short decodes to another letter ("&#78" of "&#7879;"
         is 'N').  A person decides. */
      r->end = p;
      snprintf (r->why, sizeof r->why, "has no ';'");
      return;
    }
  r->end = p + 1;
  if (v == 0)
    snprintf (r->why, sizeof r->why, "refers to U+0000");
  else if (v > 0x10FFFF)
    snprintf (r->why, sizeof r->why, "is beyond U+10FFFF");
  else if (v >= 0xD800 && v <= 0xDFFF)
    snprintf (r->why, sizeof r->why, "refers to the surrogate U+%04X",
              (unsigned) v);
  else if ((v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFE) == 0xFFFE)
    snprintf (r->why, sizeof r->why, "refers to the noncharacter U+%04X",
              (unsigned) v);
  else if ((v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x0D)
           || v == 0x7F)
    snprintf (r->why, sizeof r->why,
              "refers to the control character U+%04X", (unsigned) v);
  else if (v >= 0x80 && v <= 0x9F && !cp1252[v - 0x80])
    snprintf (r->why, sizeof r->why,
              "refers to U+%04X, which Windows-1252 leaves undefined",
              (unsigned) v);
  else
    {
      r->kind = REF_DECODE;
      r->rule = R_NUMERIC;
      r->cp1252 = v >= 0x80 && v <= 0x9F;
      r->cp[0] = r->cp1252 ? cp1252[v - 0x80] : v;
      r->cp[1] = 0;
    }
}

/* Parse the reference after an '&' whose text starts at S[J..N).  UPPER is
   whether the character before the '&' is an upper-case letter. */
static void
parse_ref (const char *s, size_t n, size_t j, int upper, struct ref *r)
{
  const struct entity *e;
  size_t p, len, k;
  int has_upper = 0, all_upper = 1;
  char lower[ENTITY_NAME_MAX];

  r->kind = REF_NONE;
  r->cp1252 = 0;
  r->exact = NULL;
  if (j < n && s[j] == '#')
    {
      parse_numeric (s, n, j, r);
      return;
    }
  for (p = j; p < n && vn_is_alnum ((unsigned char) s[p]); p++)
    if (vn_is_upper ((unsigned char) s[p]))
      has_upper = 1;
    else
      all_upper = 0;
  len = p - j;
  if (len == 0)
    return;
  if (p < n && s[p] == ';' && len <= ENTITY_NAME_MAX)
    {
      e = lookup (s + j, len);
      if (!e && has_upper)
        {
          for (k = 0; k < len; k++)
            lower[k] = (char) (vn_is_upper ((unsigned char) s[j + k])
                               ? s[j + k] + ('a' - 'A') : s[j + k]);
          e = lookup (lower, len);
          r->exact = e ? e->name : NULL;
        }
      if (e)
        {
          r->end = p + 1;
          /* "LĐTB&XH", "TT&TT", "KH&CN": upper-case abbreviations joined
             by '&' are everyday Vietnamese, and HTML5 has short upper-case
             names ("&GT;", "&LT;", "&DD;") that such a join followed by a
             ';' would spell.  The names a scraper really leaves upper-cased
             are few, and only those are trusted there. */
          if (upper && all_upper
              && !(len == 4 && memcmp (s + j, "NBSP", 4) == 0)
              && !(len == 3 && memcmp (s + j, "AMP", 3) == 0)
              && !(len == 4 && memcmp (s + j, "QUOT", 4) == 0))
            {
              r->kind = REF_NOTE;
              snprintf (r->why, sizeof r->why,
                        "looks like an abbreviation join");
              return;
            }
          if (r->exact
              && (cased (e->cp[0]) || (e->cp[1] && cased (e->cp[1]))))
            {
              /* "&AGRAVE;" may mean À or à. */
              r->kind = REF_NOTE;
              snprintf (r->why, sizeof r->why,
                        "is not an entity; '&%s;' in another case is a guess",
                        e->name);
              return;
            }
          r->kind = REF_DECODE;
          r->rule = r->exact ? R_CASE : R_NAMED;
          r->cp[0] = e->cp[0];
          r->cp[1] = e->cp[1];
          return;
        }
    }
  /* "&nbsp" lost its ';' often enough to be decoded, even glued to the next
     word ("đặc&nbspquyền"); every other legacy name without ';' ("&not",
     "&copy") is more likely text, as in "this&not that". */
  if (len >= 4 && (s[j] | 0x20) == 'n' && (s[j + 1] | 0x20) == 'b'
      && (s[j + 2] | 0x20) == 's' && (s[j + 3] | 0x20) == 'p')
    {
      r->kind = REF_DECODE;
      r->rule = R_NBSP_NOSEMI;
      r->end = j + 4;
      r->cp[0] = 0xA0;
      r->cp[1] = 0;
    }
}

/* Propose the edit that replaces S[I..R->END) by R's value, under RULE. */
static void
add_decode (struct vn_edits *out, const char *s, size_t i,
            const struct ref *r, int rule)
{
  char bytes[8], what[48];
  size_t len = r->end - i, k = encode (r->cp, bytes);
  int sl = show_len (len);
  const char *cut = show_cut (len);

  describe (r->cp, bytes, k, what, sizeof what);
  switch (rule)
    {
    case R_NAMED:
      vn_edits_add (out, i, len, bytes, k, &rules[rule],
                    "named entity '%.*s%s' decoded as %s", sl, s + i, cut,
                    what);
      break;
    case R_NUMERIC:
      vn_edits_add (out, i, len, bytes, k, &rules[rule],
                    "numeric reference '%.*s%s' decoded as %s%s", sl, s + i,
                    cut, what, r->cp1252 ? " (Windows-1252)" : "");
      break;
    case R_NBSP_NOSEMI:
      vn_edits_add (out, i, len, bytes, k, &rules[rule],
                    "'%.*s' without ';' decoded as a space", sl, s + i);
      break;
    case R_CASE:
      vn_edits_add (out, i, len, bytes, k, &rules[rule],
                    "entity '%.*s%s' in the wrong case decoded as %s"
                    " (as '&%s;')", sl, s + i, cut, what, r->exact);
      break;
    default:
      vn_edits_add (out, i, len, bytes, k, &rules[rule],
                    "double-escaped entity '%.*s%s' decoded as %s", sl,
                    s + i, cut, what);
      break;
    }
}

/* The '&' at S[I]: propose what to do, and return where scanning goes on.
   *AMP_END is set to the end of a reference decoded as '&'. */
static size_t
at_ampersand (const char *s, size_t n, size_t i, struct vn_edits *out,
              size_t *amp_end)
{
  struct ref r;
  size_t j = i + 1, levels = 0;
  int upper;

  /* "&amp;nbsp;", "&amp;amp;quot;": text escaped more than once.  Each
     level is one "amp;" (or its upper-case twin) after the first '&'. */
  while (n - j >= 4 && (memcmp (s + j, "amp;", 4) == 0
                        || memcmp (s + j, "AMP;", 4) == 0))
    {
      j += 4;
      levels++;
    }
  upper = i > 0 && (vn_is_upper ((unsigned char) s[i - 1])
                    || (i > 1 && (unsigned char) s[i - 2] == 0xC4
                        && (unsigned char) s[i - 1] == 0x90));   /* Đ */
  parse_ref (s, n, j, upper, &r);

  if (r.kind == REF_DECODE)
    {
      add_decode (out, s, i, &r, levels ? R_DOUBLE : r.rule);
      if (r.cp[0] == '&' && r.cp[1] == 0)
        *amp_end = r.end;
      return r.end;
    }
  if (levels)
    {
      /* All the "amp;" levels are one '&' once decoded; what follows is
         not a reference (or one left as is), so it stays as typed. */
      int sl = show_len (j - i);
      vn_edits_add (out, i, j - i, "&", 1,
                    &rules[levels == 1 ? R_NAMED : R_DOUBLE],
                    levels == 1 ? "named entity '%.*s%s' decoded as '&'"
                    : "double-escaped entity '%.*s%s' decoded as '&'",
                    sl, s + i, show_cut (j - i));
      *amp_end = j;
    }
  if (r.kind == REF_NOTE)
    {
      size_t len = r.end - j;
      vn_edits_note (out, i, r.end - i, &rules[R_NOTE],
                     "'&%.*s%s' %s: left as is", show_len (len), s + j,
                     show_cut (len), r.why);
      return r.end;
    }
  return levels ? j : i + 1;
}

/* The ';' at S[T]: decode a bare entity name that ends there, if it starts
   at or after POS (text before POS is already taken). */
static void
at_semicolon (const char *s, size_t t, size_t pos, size_t amp_end,
              struct vn_edits *out)
{
  const struct bare *b = NULL;
  const struct entity *e;
  char bytes[8], what[48];
  size_t i, start, k;
  unsigned char before;

  if (t == 0)
    return;
  /* Most ';' end a clause, after a letter no bare name ends with. */
  switch (s[t - 1])
    {
    case 'p': case 'P': case 'o': case 'h': case 't': case 's':
      break;
    default:
      return;
    }
  for (i = 0; i < sizeof bare_names / sizeof bare_names[0]; i++)
    if (t - pos >= bare_names[i].len
        && memcmp (s + t - bare_names[i].len, bare_names[i].text,
                   bare_names[i].len) == 0)
      {
        b = &bare_names[i];
        break;
      }
  if (!b)
    return;
  start = t - b->len;
  before = start > 0 ? (unsigned char) s[start - 1] : 0;
  /* After an '&' it is an entity, that at_ampersand took or left on
     purpose; after an entity decoded as '&' it is the second half of one
     that was escaped twice, and one level of decoding leaves it as text. */
  if (before == '&' || (start == amp_end && start > 0))
    return;
  if (!b->glued && vn_is_alnum (before))
    return;
  /* The value comes from the table, not from a second copy here. */
  e = lookup (b->entity, strlen (b->entity));
  if (!e)
    return;
  k = encode (e->cp, bytes);
  describe (e->cp, bytes, k, what, sizeof what);
  vn_edits_add (out, start, t + 1 - start, bytes, k, &rules[R_BARE],
                "bare entity '%.*s' (missing '&') decoded as %s",
                (int) (t + 1 - start), s + start, what);
}

/* The first U+00A0 (C2 A0) in S[FROM..N), or N.  C2 leads only the rare
   characters U+0080..U+00BF, unlike A0, which follows the C3 of every 'à'. */
static size_t
find_nbsp (const char *s, size_t n, size_t from)
{
  const char *p;

  while (from < n && (p = memchr (s + from, 0xC2, n - from)))
    {
      from = (size_t) (p - s);
      if (from + 1 < n && (unsigned char) s[from + 1] == 0xA0)
        return from;
      from++;
    }
  return n;
}

static size_t
find_byte (const char *s, size_t n, size_t from, int c)
{
  const char *p = from < n ? memchr (s + from, c, n - from) : NULL;
  return p ? (size_t) (p - s) : n;
}

static void
entities_line (void *state, const struct vn_doc *doc,
               const struct vn_line *line, struct vn_edits *out)
{
  const char *s = line->text;
  size_t n = line->len;
  size_t amp, semi, nbsp, pos = 0, amp_end = 0;

  (void) state;
  (void) doc;
  /* Nearly every line of news text has none of the three: three memchr
     scans and done. */
  amp = find_byte (s, n, 0, '&');
  semi = find_byte (s, n, 0, ';');
  nbsp = find_nbsp (s, n, 0);
  /* Each candidate is looked for again only once POS has passed it, so a
     line costs one scan per kind whatever it holds. */
  while (amp < n || semi < n || nbsp < n)
    {
      if (amp < pos)
        amp = find_byte (s, n, pos, '&');
      if (semi < pos)
        semi = find_byte (s, n, pos, ';');
      if (nbsp < pos)
        nbsp = find_nbsp (s, n, pos);
      if (amp < semi && amp < nbsp)
        pos = at_ampersand (s, n, amp, out, &amp_end);
      else if (semi < nbsp)
        {
          at_semicolon (s, semi, pos, amp_end, out);
          pos = semi + 1;
        }
      else if (nbsp < n)
        {
          vn_edits_add (out, nbsp, 2, " ", 1, &rules[R_NBSP_CHAR],
                        "no-break space U+00A0 replaced by a space");
          pos = nbsp + 2;
        }
    }
}

const struct vn_fixer vn_fixer_entities = {
  .name = "entities",
  .filter = "vn-entities",
  .summary = "decode HTML entity residue (&agrave; &#224; nbsp; &amp;nbsp;)"
             " and no-break spaces",
  .rules = rules,
  .options = NULL,
  .create = NULL,
  .destroy = NULL,
  .set_option = NULL,
  .begin_doc = NULL,
  .line = entities_line,
};
