/* decode.c -- legacy Vietnamese charsets to UTF-8 (NFC), a line at a time */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "decode.h"
#include "diag.h"
#include "syllable.h"
#include "utf8.h"

#define NONE 0xFFFFFFFFu
#include "recode-tables.h"

static const char *const names[VN_CS_COUNT] = {
  [VN_CS_UTF8] = "UTF-8",
  [VN_CS_TCVN3] = "TCVN3",
  [VN_CS_VNI] = "VNI",
  [VN_CS_VISCII] = "VISCII",
  [VN_CS_VPS] = "VPS",
  [VN_CS_VIQR] = "VIQR",
  [VN_CS_CP1258] = "CP1258",
};

/* What iconv calls the charsets it has. */
static const char *const iconv_names[VN_CS_COUNT] = {
  [VN_CS_TCVN3] = "TCVN5712-1",
  [VN_CS_VISCII] = "VISCII",
  [VN_CS_CP1258] = "CP1258",
};

static const struct
{
  const char *alias;
  enum vn_charset cs;
} aliases[] = {
  {"UTF8", VN_CS_UTF8},
  {"TCVN", VN_CS_TCVN3}, {"TCVN5712-1", VN_CS_TCVN3},
  {"TCVN-5712", VN_CS_TCVN3}, {"TCVN5712-1:1993", VN_CS_TCVN3},
  {"ABC", VN_CS_TCVN3},
  {"VNI-WINDOWS", VN_CS_VNI},
  {"VISCII1.1-1", VN_CS_VISCII},
  {"WINDOWS-1258", VN_CS_CP1258},
};

const char *
vn_charset_name (enum vn_charset cs)
{
  return names[cs];
}

int
vn_charset_parse (const char *name)
{
  size_t i;

  for (i = 0; i < VN_CS_COUNT; i++)
    if (!strcasecmp (name, names[i]))
      return (int) i;
  for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (!strcasecmp (name, aliases[i].alias))
      return (int) aliases[i].cs;
  return -1;
}

void
vn_decode_errors_free (struct vn_decode_errors *e)
{
  free (e->v);
  e->v = NULL;
  e->n = e->cap = 0;
}

static void
add_error (struct vn_decode_errors *e, size_t in_off, size_t in_len,
           size_t out_off)
{
  if (e->n == e->cap)
    {
      e->cap = vn_grow (e->cap, e->n + 1);
      e->v = vn_xrealloc (e->v, e->cap * sizeof *e->v);
    }
  e->v[e->n].in_off = in_off;
  e->v[e->n].in_len = in_len;
  e->v[e->n].out_off = out_off;
  e->n++;
}

/* ---------------------------------------------------------------------- */
/* Windows-1252 and tone composition                                      */

/* Windows-1252 at 0x80..0x9F; the five undefined bytes are read as the C1
   control of the same number, as browsers and Python's "latin-1" do. */
static const uint16_t cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

uint32_t
vn_cp1252_char (unsigned char b)
{
  return b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b;
}

int
vn_cp1252_byte (uint32_t cp)
{
  int i;

  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
    return (int) cp;
  for (i = 0; i < 32; i++)
    if (cp1252_high[i] == cp)
      return 0x80 + i;
  return -1;
}

/* The five tone marks as combining characters, in VIQR's order of
   ' ` ? ~ . */
static const uint32_t tone_marks[5] = { 0x0301, 0x0300, 0x0309, 0x0303,
  0x0323
};
static const char tone_chars[] = "'`?~.";

static int
tone_index (uint32_t mark)
{
  int t;
  for (t = 0; t < 5; t++)
    if (tone_marks[t] == mark)
      return t;
  return -1;
}

/* Composition: the vowels that take a tone mark (a ă â e ê i o ô ơ u ư y,
   both cases) by code point, and what each becomes with each tone. */
enum { NBASES = 24, BASE_LIMIT = 0x1B1 };
static signed char base_index[BASE_LIMIT];
static uint32_t composed[NBASES][5];

/* The code point a VIQR spelling stands for ("a^" is â, "a" is a). */
static uint32_t
viqr_letter (const char *spelling)
{
  size_t i;

  if (spelling[1] == '\0')
    return (unsigned char) spelling[0];
  for (i = 0; i < sizeof letter_rows / sizeof letter_rows[0]; i++)
    if (!strcmp (letter_rows[i].viqr, spelling))
      return letter_rows[i].cp;
  return 0;
}

/* The VNI pairs: BASE_SLOT[first byte] is a row of PAIR_CP, indexed by the
   second byte.  VNI_SINGLE: the letters VNI writes in one byte. */
enum { NSLOTS = 16 };
static signed char vni_slot[256];
static uint16_t vni_pair[NSLOTS][256];
static uint16_t vni_single[256];

static void
init_letters (void)
{
  static int done;
  size_t i;
  int nbases = 0, nslots = 0;

  if (done)
    return;
  done = 1;
  memset (base_index, -1, sizeof base_index);
  memset (vni_slot, -1, sizeof vni_slot);
  for (i = 0; i < sizeof letter_rows / sizeof letter_rows[0]; i++)
    {
      const struct letter_row *row = &letter_rows[i];
      size_t len = strlen (row->viqr);
      const char *tone = strchr (tone_chars, row->viqr[len - 1]);

      if (tone && len >= 2)
        {
          char basespell[4];
          uint32_t base;
          memcpy (basespell, row->viqr, len - 1);
          basespell[len - 1] = '\0';
          base = viqr_letter (basespell);
          if (base && base < BASE_LIMIT)
            {
              if (base_index[base] < 0 && nbases < NBASES)
                base_index[base] = (signed char) nbases++;
              if (base_index[base] >= 0)
                composed[base_index[base]][tone - tone_chars] = row->cp;
            }
        }
      if (row->vni[1])
        {
          unsigned char b = row->vni[0];
          if (vni_slot[b] < 0 && nslots < NSLOTS)
            vni_slot[b] = (signed char) nslots++;
          if (vni_slot[b] >= 0)
            vni_pair[(int) vni_slot[b]][row->vni[1]] = row->cp;
        }
      else
        vni_single[row->vni[0]] = row->cp;
    }
}

uint32_t
vn_compose_tone (uint32_t base, uint32_t mark)
{
  int t = tone_index (mark);

  init_letters ();
  if (t < 0 || base >= BASE_LIMIT || base_index[base] < 0)
    return 0;
  return composed[(int) base_index[base]][t];
}

/* ---------------------------------------------------------------------- */
/* Single-byte charsets                                                   */

/* A byte's code point, its UTF-8 (LEN bytes), and whether it is a
   combining tone mark (TONE is then its index + 1). */
struct sb_entry
{
  uint32_t cp;
  unsigned char u8[4];
  unsigned char len, tone;
};

struct sbcs
{
  int state;            /* 0 not built, 1 ready, -1 unavailable */
  int tones;            /* some byte is a combining tone mark */
  const char *why;
  struct sb_entry e[256];
};

static struct sbcs tables[VN_CS_COUNT];

static void
sb_set (struct sbcs *t, int b, uint32_t cp)
{
  struct sb_entry *e = &t->e[b];
  char u8[4];
  int k = tone_index (cp);

  e->cp = cp;
  e->len = 0;
  if (cp != NONE)
    e->len = (unsigned char) vn_utf8_encode (cp, u8);
  memcpy (e->u8, u8, e->len);
  e->tone = (unsigned char) (k + 1);
  if (k >= 0)
    t->tones = 1;
}

/* Ask iconv what each byte of CS is.  Each byte is converted on its own,
   then the converter is flushed (TCVN5712-1 holds a base letter back in
   case a combining mark follows) and reset. */
static int
sb_from_iconv (struct sbcs *t, enum vn_charset cs)
{
  iconv_t cd = iconv_open ("UTF-8", iconv_names[cs]);
  int b;

  if (cd == (iconv_t) -1)
    {
      t->why = "iconv cannot convert from this charset here";
      return -1;
    }
  for (b = 0; b < 256; b++)
    {
      char in[1] = { (char) b }, out[16];
      char *ip = in, *op = out;
      size_t il = 1, ol = sizeof out;
      uint32_t cp = NONE;

      if (iconv (cd, &ip, &il, &op, &ol) != (size_t) -1
          && iconv (cd, NULL, NULL, &op, &ol) != (size_t) -1
          && op > out
          && vn_utf8_decode (out, (size_t) (op - out), &cp)
          != (size_t) (op - out))
        cp = NONE;
      iconv (cd, NULL, NULL, NULL, NULL);
      sb_set (t, b, cp);
    }
  iconv_close (cd);
  return 0;
}

static const struct sbcs *
sb_table (enum vn_charset cs)
{
  struct sbcs *t = &tables[cs];
  int b;

  if (t->state)
    return t->state > 0 ? t : NULL;
  init_letters ();
  t->state = 1;
  switch (cs)
    {
    case VN_CS_TCVN3:
    case VN_CS_VISCII:
    case VN_CS_CP1258:
      if (sb_from_iconv (t, cs) < 0)
        t->state = -1;
      break;
    case VN_CS_VPS:
      for (b = 0; b < 256; b++)
        sb_set (t, b, vps_table[b]);
      break;
    case VN_CS_VNI:
      /* The one-byte VNI letters; other bytes as in Windows-1252, the
         code page VNI fonts are laid out on. */
      for (b = 0; b < 256; b++)
        sb_set (t, b, vni_single[b] ? vni_single[b] : vn_cp1252_char ((unsigned char) b));
      break;
    default:
      t->state = -1;
      t->why = "not a single-byte charset";
    }
  return t->state > 0 ? t : NULL;
}

int
vn_charset_available (enum vn_charset cs, const char **why)
{
  if (cs == VN_CS_UTF8 || cs == VN_CS_VIQR || sb_table (cs))
    return 1;
  *why = tables[cs].why;
  return 0;
}

/* Put OUT[FROM..) in NFC (ICU), for the rare line whose combining marks
   were not all composed above (a mark on a letter that is no Vietnamese
   vowel, two marks in a row). */
static void
nfc_tail (struct vn_buf *out, size_t from)
{
  const UNormalizer2 *nfc;
  UErrorCode ec = U_ZERO_ERROR;
  UChar *a, *b;
  int32_t na, nb, n8;
  size_t n = out->len - from;

  nfc = unorm2_getNFCInstance (&ec);
  if (U_FAILURE (ec) || n > INT32_MAX / 4)
    return;
  a = vn_xmalloc ((n + 1) * sizeof *a);
  b = vn_xmalloc ((2 * n + 1) * sizeof *b);
  u_strFromUTF8 (a, (int32_t) n + 1, &na, out->p + from, (int32_t) n, &ec);
  nb = unorm2_normalize (nfc, a, na, b, (int32_t) (2 * n + 1), &ec);
  if (U_SUCCESS (ec))
    {
      vn_buf_reserve (out, 3 * (size_t) nb);
      u_strToUTF8 (out->p + from, (int32_t) (out->cap - from), &n8, b, nb,
                   &ec);
      if (U_SUCCESS (ec))
        out->len = from + (size_t) n8;
    }
  free (a);
  free (b);
}

/* Decode with a single-byte table, composing a base vowel and the tone
   mark after it (TCVN3, CP1258).  For VNI, a base letter and the mark
   byte after it are one letter first. */
static void
decode_sb (enum vn_charset cs, const struct sbcs *t, const char *in,
           size_t n, struct vn_buf *out, struct vn_decode_errors *err)
{
  const unsigned char *s = (const unsigned char *) in;
  size_t i = 0, start = out->len, last_off = 0;
  int last = -1, loose = 0;
  unsigned char *o;

  vn_buf_reserve (out, 3 * n + 4);
  o = (unsigned char *) out->p + out->len;
  if (!t->tones && cs != VN_CS_VNI)
    {
      /* One byte, one character (VISCII, VPS): a table walk. */
      for (; i < n; i++)
        {
          const struct sb_entry *e = &t->e[s[i]];
          if (e->len == 0)
            {
              out->len = (size_t) ((char *) o - out->p);
              add_error (err, i, 1, out->len);
              continue;
            }
          memcpy (o, e->u8, 4);
          o += e->len;
        }
      out->len = (size_t) ((char *) o - out->p);
      return;
    }
  while (i < n)
    {
      unsigned char c = s[i];
      const struct sb_entry *e;

      if (c >= 0x20 && c < 0x7F && cs != VN_CS_VNI)
        {
          /* Printable ASCII is itself in every table (the control range
             is not: TCVN3, VISCII and VPS put capitals there). */
          last_off = (size_t) ((char *) o - out->p);
          last = base_index[c];
          *o++ = c;
          i++;
          continue;
        }
      if (cs == VN_CS_VNI && vni_slot[c] >= 0 && i + 1 < n)
        {
          unsigned char m = s[i + 1];
          uint32_t cp = vni_pair[(int) vni_slot[c]][m];
          /* A capital with a small mark, or the reverse, is the same
             letter (the marks of VNI come in two sizes). */
          if (!cp && m >= 0xC0 && (m & 0x1F) != 0x17)
            cp = vni_pair[(int) vni_slot[c]][m ^ 0x20];
          if (cp)
            {
              o += vn_utf8_encode (cp, (char *) o);
              last = -1;
              i += 2;
              continue;
            }
        }
      e = &t->e[c];
      if (e->cp == NONE)
        {
          out->len = (size_t) ((char *) o - out->p);
          add_error (err, i, 1, out->len);
          last = -1;
          i++;
          continue;
        }
      if (e->tone)
        {
          if (last >= 0 && composed[last][e->tone - 1])
            {
              o = (unsigned char *) out->p + last_off;
              o += vn_utf8_encode (composed[last][e->tone - 1], (char *) o);
              last = -1;
              i++;
              continue;
            }
          loose = 1;
        }
      last_off = (size_t) ((char *) o - out->p);
      last = e->cp < BASE_LIMIT ? base_index[e->cp] : -1;
      memcpy (o, e->u8, 4);
      o += e->len;
      i++;
    }
  out->len = (size_t) ((char *) o - out->p);
  if (loose)
    nfc_tail (out, start);
}

/* ---------------------------------------------------------------------- */
/* VIQR                                                                   */

static int
is_alpha (unsigned char c)
{
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
is_vowel (unsigned char c)
{
  return c && strchr ("aeiouyAEIOUY", c) != NULL;
}

static int
is_mark (unsigned char c)
{
  return c && strchr ("^(+'`?~.", c) != NULL;
}

/* Whether the modifier M (^ ( +) goes on the vowel V. */
static int
modifies (unsigned char v, unsigned char m)
{
  switch (v | 0x20)
    {
    case 'a':
      return m == '^' || m == '(';
    case 'e':
      return m == '^';
    case 'o':
      return m == '^' || m == '+';
    case 'u':
      return m == '+';
    }
  return 0;
}

/* A token that VIQR must leave alone: a URL or an e-mail address. */
static int
protected_token (const char *s, size_t n)
{
  const char *at;

  if (n >= 4 && !strncasecmp (s, "www.", 4))
    return 1;
  if (n >= 3 && memmem (s, n, "://", 3))
    return 1;
  at = memchr (s, '@', n);
  return at && at > s && memchr (at, '.', n - (size_t) (at - s)) != NULL;
}

struct viqr_stats
{
  size_t words, converted, strong;
};

/* The VIQR word at S[0..N) (N > 0, S[0] a letter): how far it reaches
   (*END), the letters it spells in UTF-8 (W, *WN), and what kind of marks
   it used.  TAIL is the position of a tone mark that ends the word (the
   ambiguous ones: '.' and '?' may be punctuation), or 0. */
struct viqr_word
{
  size_t end, tail;
  char w[VN_SYL_MAX * 8];
  size_t wn;
  char plain[VN_SYL_MAX * 8];   /* the word without its last tone mark */
  size_t plain_n;
  int marks, strong, modified;
  int acronym;          /* DD and capitals only: GD&DDT */
};

static void
viqr_scan (const char *s, size_t n, struct viqr_word *vw)
{
  size_t i = 0;

  vw->wn = 0;
  vw->tail = 0;
  vw->marks = vw->strong = vw->acronym = vw->modified = 0;
  if (n >= 2 && (s[0] | 0x20) == 'd' && (s[1] | 0x20) == 'd')
    {
      vw->wn += vn_utf8_encode (s[0] == 'D' ? 0x0110 : 0x0111, vw->w);
      vw->marks++;
      vw->strong = 1;
      i = 2;
    }
  {
    /* A word of capitals with DD in it is an acronym with Đ (GD&DDT,
       QDD-UBND): the DD is converted even though it is no syllable. */
    size_t j = 0, dd = 0;
    while (j < n && s[j] >= 'A' && s[j] <= 'Z')
      {
        dd |= j > 0 && s[j] == 'D' && s[j - 1] == 'D';
        j++;
      }
    vw->acronym = dd && (j == n || !is_alpha ((unsigned char) s[j]));
  }
  while (i < n && is_alpha ((unsigned char) s[i])
         && vw->wn + 8 < sizeof vw->w)
    {
      unsigned char v = (unsigned char) s[i];

      /* Words glued together (PhuongTheo) part where a capital follows a
         small letter. */
      if (i > 0 && v >= 'A' && v <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
        break;
      i++;
      char spell[4];
      size_t k = 0, before = vw->wn;
      int mod = 0, tone = 0, pass;
      uint32_t cp;

      if (vw->acronym && v == 'D' && i < n && s[i] == 'D')
        {
          vw->wn += vn_utf8_encode (0x0110, vw->w + vw->wn);
          vw->marks++;
          vw->strong = 1;
          i++;
          continue;
        }
      if (!is_vowel (v))
        {
          vw->w[vw->wn++] = (char) v;
          continue;
        }
      spell[k++] = (char) v;
      for (pass = 0; pass < 2 && i < n; pass++)
        {
          unsigned char m = (unsigned char) s[i];
          if (!mod && modifies (v, m))
            {
              mod = m;
              i++;
            }
          else if (!tone && m && strchr (tone_chars, m))
            {
              tone = m;
              vw->tail = i++;
            }
        }
      if (mod)
        spell[k++] = (char) mod;
      cp = viqr_letter ((spell[k] = '\0', spell));
      if (tone)
        {
          memcpy (vw->plain, vw->w, before);
          vw->plain_n = before + vn_utf8_encode (cp, vw->plain + before);
        }
      if (tone)
        {
          spell[k++] = (char) tone;
          spell[k] = '\0';
          cp = viqr_letter (spell);
        }
      vw->wn = before + vn_utf8_encode (cp, vw->w + before);
      vw->marks += (mod != 0) + (tone != 0);
      if (mod)
        vw->strong = vw->modified = 1;
      if (tone && (i < n && is_alpha ((unsigned char) s[i])))
        {
          vw->strong = 1;       /* a tone inside the word */
          vw->tail = 0;
        }
      else if (tone && (tone == '`' || tone == '~'))
        vw->strong = 1;
      if (!tone)
        vw->tail = 0;
    }
  vw->end = i;
}

static int
valid_syllable (const char *w, size_t n)
{
  struct vn_syllable syl;
  return vn_syllable_parse (w, n, &syl) && syl.valid;
}

/* Whether the '.' or '?' at S[AT] (of N bytes), after a vowel at the
   end of a word, ends a sentence rather than marks a tone.  Mid-line it
   is far more often a tone (Thi. Lan, So+? GD: in Vietnamese news, "ộ X"
   outnumbers "o. X" between sentences about four to one), and so is a '?'
   before a sign (Pha?), re?") or a '.'.  A '.' ends the sentence at the
   end of the line or before a closing sign (cao."). */
static int
ends_sentence (const char *s, size_t n, size_t at)
{
  size_t j = at + 1, dots = 1;

  /* A run of dots: "tu+.." is tự and a period, "Phi..." an ellipsis,
     "Bo^...." Bộ and an ellipsis. */
  while (s[at] == '.' && at + dots < n && s[at + dots] == '.')
    dots++;
  if (dots > 1)
    return dots % 3 == 0;
  while (j < n && s[j] == ' ')
    j++;
  if (j >= n)
    return 1;
  if (j > at + 1 || s[at] == '?')
    return 0;
  return strchr ("\")]'", s[j]) != NULL;
}

static void
viqr_line (const char *s, size_t n, struct vn_buf *out,
           struct vn_decode_errors *err, struct viqr_stats *st)
{
  size_t i = 0;

  while (i < n)
    {
      unsigned char c = (unsigned char) s[i];
      size_t tok = i;

      /* A URL or an e-mail address is copied as it is. */
      if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t') && c != ' ')
        {
          while (tok < n && s[tok] != ' ' && s[tok] != '\t')
            tok++;
          if (protected_token (s + i, tok - i))
            {
              if (out)
                vn_buf_append (out, s + i, tok - i);
              i = tok;
              continue;
            }
        }
      if (c == '\\' && i + 1 < n && (is_mark ((unsigned char) s[i + 1])
                                     || s[i + 1] == '\\'))
        {
          /* An escaped mark is a literal character. */
          if (out)
            vn_buf_putc (out, s[i + 1]);
          i += 2;
          continue;
        }
      if (is_alpha (c) && (i == 0 || !is_alpha ((unsigned char) s[i - 1])
                           || (c <= 'Z' && s[i - 1] >= 'a')))
        {
          struct viqr_word vw;
          int use = 0;          /* 0 as typed, 1 converted, 2 without the
                                   tail mark */

          viqr_scan (s + i, n - i, &vw);
          if (st)
            st->words++;
          /* RFC 1456: a mark after a vowel is a diacritic, and to type it
             as punctuation one escapes it ("ddi\\.").  Text seldom does:
             a '.' or '?' that ends the line ends a sentence, and so does
             any mark that would be a second tone ("no'i.").  A word that is no syllable stays as
             typed (English, names, code), unless it has a modifier, which
             only VIQR types (me^tan), or is an acronym with DD
             (GD&DDT). */
          if (vw.marks)
            {
              int punct = vw.tail
                && (s[i + vw.tail] == '.' || s[i + vw.tail] == '?')
                && ends_sentence (s, n, i + vw.tail);
              int syllable = valid_syllable (vw.w, vw.wn);
              int plain_ok = vw.tail
                && valid_syllable (vw.plain, vw.plain_n);
              /* An initial (B.A., Y.) is no syllable with a dot. */
              if ((punct && vw.marks == 1)
                  || (vw.end == 2 && s[i + 1] == '.'))
                use = 0;
              else if (punct && plain_ok)
                use = 2;
              else if (syllable || vw.acronym)
                use = 1;
              else if (vw.tail && vw.marks > 1 && plain_ok)
                use = 2;
              else if (vw.modified)
                use = 1;
              if (st && (syllable || vw.acronym || (use == 2 && plain_ok)))
                {
                  st->converted++;
                  st->strong += vw.strong != 0;
                }
            }
          if (out)
            {
              if (use == 1)
                vn_buf_append (out, vw.w, vw.wn);
              else if (use == 2)
                {
                  vn_buf_append (out, vw.plain, vw.plain_n);
                  vn_buf_append (out, s + i + vw.tail, vw.end - vw.tail);
                }
              else
                vn_buf_append (out, s + i, vw.end);
            }
          i += vw.end;
          continue;
        }
      if (c < 0x80)
        {
          if (out)
            vn_buf_putc (out, (char) c);
          i++;
          continue;
        }
      /* UTF-8 is left as it is; anything else cannot be VIQR. */
      {
        uint32_t cp;
        size_t k = vn_utf8_decode (s + i, n - i, &cp);
        if (k == 0)
          {
            k = vn_utf8_invalid_len (s + i, n - i);
            if (err)
              add_error (err, i, k, out ? out->len : 0);
          }
        else if (out)
          vn_buf_append (out, s + i, k);
        i += k;
      }
    }
}

void
vn_viqr_evidence (const char *in, size_t n, size_t *words, size_t *converted,
                  size_t *strong)
{
  struct viqr_stats st = { 0, 0, 0 };

  init_letters ();
  viqr_line (in, n, NULL, NULL, &st);
  *words = st.words;
  *converted = st.converted;
  *strong = st.strong;
}

/* ---------------------------------------------------------------------- */
/* The entry points                                                       */

void
vn_decode (enum vn_charset cs, const char *in, size_t n, struct vn_buf *out,
           struct vn_decode_errors *err)
{
  const struct sbcs *t;

  init_letters ();
  if (cs == VN_CS_VIQR)
    {
      viqr_line (in, n, out, err, NULL);
      return;
    }
  t = sb_table (cs);
  if (!t)
    abort ();           /* callers check vn_charset_available first */
  decode_sb (cs, t, in, n, out, err);
}

/* The bytes of CP in CS: VNI and VPS from their tables, VIQR by spelling;
   0 when it has none. */
static size_t
encode_char (enum vn_charset cs, uint32_t cp, char *out)
{
  size_t i;
  int b;

  if (cp < 0x80 && cs != VN_CS_VPS)
    {
      out[0] = (char) cp;
      return 1;
    }
  if (cs == VN_CS_VPS)
    {
      for (b = 0; b < 256; b++)
        if (vps_table[b] == cp)
          {
            out[0] = (char) b;
            return 1;
          }
      return 0;
    }
  for (i = 0; i < sizeof letter_rows / sizeof letter_rows[0]; i++)
    if (letter_rows[i].cp == cp)
      {
        if (cs == VN_CS_VIQR)
          {
            strcpy (out, letter_rows[i].viqr);
            return strlen (out);
          }
        out[0] = (char) letter_rows[i].vni[0];
        out[1] = (char) letter_rows[i].vni[1];
        return letter_rows[i].vni[1] ? 2 : 1;
      }
  if (cs == VN_CS_VNI && (b = vn_cp1252_byte (cp)) >= 0x80
      && !vni_single[b] && vni_slot[b] < 0)
    {
      out[0] = (char) b;
      return 1;
    }
  return 0;
}

size_t
vn_encode (enum vn_charset cs, const char *in, size_t n, struct vn_buf *out)
{
  size_t i = 0, missing = 0;
  int after_vowel = 0;

  init_letters ();
  while (i < n)
    {
      uint32_t cp;
      size_t k = vn_utf8_decode (in + i, n - i, &cp);
      char bytes[8];
      size_t m;

      if (k == 0)
        {
          k = 1;
          cp = 0xFFFD;
        }
      /* VIQR (RFC 1456): a mark character typed after a vowel is
         escaped, or it would be read as a diacritic. */
      if (cs == VN_CS_VIQR && after_vowel && cp < 0x80
          && is_mark ((unsigned char) cp))
        {
          vn_buf_putc (out, '\\');
          after_vowel = 0;
        }
      m = encode_char (cs, cp, bytes);
      if (m == 0)
        {
          missing++;
          vn_buf_putc (out, '?');
        }
      else
        vn_buf_append (out, bytes, m);
      after_vowel = m > 0 && !is_mark ((unsigned char) cp)
        && (is_vowel ((unsigned char) bytes[m - 1])
            || is_mark ((unsigned char) bytes[m - 1]));
      i += k;
    }
  return missing;
}
