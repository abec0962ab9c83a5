/* unicode.c -- the vn-unicode fixer: NFC, invisible and control characters,
   odd spaces and look-alike letters (CLEAN-TEXT.md section 1, all but the
   legacy encodings, which are vn-recode's) */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include "diag.h"
#include "fixer.h"
#include "syllable.h"
#include "sse.h"
#include "utf8.h"

enum { U101, U102, U103, U104, U105, U106, U107 };

static const struct vn_rule rules[] = {
  {"U101", "text not in Unicode NFC made NFC"},
  {"U102", "invisible character removed (zero-width, word joiner, soft "
   "hyphen, byte-order mark)"},
  {"U103", "Unicode space (no-break, em, thin, ideographic...) made an ASCII "
   "space"},
  {"U104", "control character removed (a tab, form feed or the like made a "
   "space)"},
  {"U105", "Icelandic eth Ð/ð in a Vietnamese word made Đ/đ"},
  {"U106", "Cyrillic or Greek look-alike letter in a Latin word made Latin"},
  {"U107", "spacing accent typed as a tone mark folded into its vowel"},
  {NULL, NULL}
};

static const struct vn_fixer_option options[] = {
  /* Everything else in section 1 is either invisible or a plain mistake;
     a tab is the one character that may be structure (tab-separated
     columns, code), and vn-unicode alone should not break a TSV file. */
  {"keep-tabs", 0, NULL,
   "leave tabs as they are (for tab-separated data; the other control "
   "characters still go)"},
  {NULL, 0, NULL, NULL}
};

/* Look-alike letters (U106): the Cyrillic and Greek letters that fonts
   draw with the outline of a Latin one, because both come from the same
   Greek shape.  The list is where two tests agree: Unicode's confusables
   (UTS #39, as ICU's uspoof_getSkeleton applies them) map the letter to
   that one Latin letter, and a reader of ordinary text cannot tell them
   apart.  So it leaves out
   - letters UTS #39 lists but text fonts draw differently, and that are in
     real use next to Latin letters: Greek α ν ρ ι υ γ (TNF-α, νe for the
     electron neutrino, ρ-value), and the Cyrillic lower case в к м н т,
     which are small capitals;
   - Ԛ, which UTS #39 does not map to Q (its tail differs), and the
     palochka Ӏ ӏ, which it maps to l and to i: which one was meant cannot
     be known.
   Cyrillic У is in: UTS #39 maps it to Y, and in the sans-serif faces of
   news sites it differs only by a longer right arm. */
struct twin
{
  uint32_t from;
  char to;
};

static const struct twin twins[] = {
  {0x037F, 'J'},
  {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
  {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'},
  {0x03A1, 'P'}, {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03BF, 'o'},
  {0x03F2, 'c'}, {0x03F3, 'j'},
  {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'}, {0x0410, 'A'}, {0x0412, 'B'},
  {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'}, {0x041E, 'O'},
  {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
  {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'},
  {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'},
  {0x0474, 'V'}, {0x0475, 'v'}, {0x04AE, 'Y'}, {0x04AF, 'y'}, {0x04BB, 'h'},
  {0x0501, 'd'}, {0x051B, 'q'}, {0x051C, 'W'}, {0x051D, 'w'},
};

/* Spacing accents (U107).  Text extracted from PDF files whose fonts draw
   a Vietnamese letter as a base glyph plus an accent glyph comes out with
   the accent right after its vowel, as the spacing character the Adobe
   Glyph List gives the accent's glyph name: "acute" U+00B4, "grave"
   U+0060, "tilde" U+02DC, "circumflex" U+02C6, "breve" U+02D8 (the hook
   and the dot below have only combining forms there, which NFC already
   handles).  The modifier letters ˊ ˋ are what some input methods type for
   the same two tones.  Each is folded only when it follows a letter and
   the word then is a valid Vietnamese syllable (see fold_accents); ' and
   ~ are ordinary punctuation and are never touched. */
struct accent
{
  uint32_t cp;
  uint32_t mark;        /* the combining mark it stands for */
  const char *name;
};

static const struct accent accents[] = {
  {0x0060, 0x0300, "grave"}, {0x00B4, 0x0301, "acute"},
  {0x02C6, 0x0302, "circumflex"}, {0x02CA, 0x0301, "acute"},
  {0x02CB, 0x0300, "grave"}, {0x02D8, 0x0306, "breve"},
  {0x02DC, 0x0303, "tilde"},
};
#define NACCENTS (sizeof accents / sizeof accents[0])

#define ETH_UPPER 0x00D0
#define ETH_LOWER 0x00F0
#define DSTROKE_UPPER 0x0110
#define DSTROKE_LOWER 0x0111
#define BOM 0xFEFF
#define NOCP 0xFFFFFFFFu        /* "nothing": a removed character */

/* What is known of each BMP code point, made once from ICU's data (so it
   follows the ICU the program runs with), so that decoded text costs no
   library call per character:
   K_SUSPECT  a line holding it needs a closer look (K_RULE, or not
              K_PLAIN);
   K_PLAIN    canonical combining class 0 and NFC quick check Yes: a text
              made only of such characters is NFC, and each starts a new
              normalization segment;
   K_RULE     a character rule or a word rule (U102-U107) may change it;
   K_LETTER   a letter of a word (is_letter);
   K_MARK     a combining mark (general category M);
   K_BOUNDARY ICU's NFC has a boundary before it: the text before and the
              text from it on are normalized apart. */
enum
{
  K_SUSPECT = 1, K_PLAIN = 2, K_RULE = 4, K_LETTER = 8, K_MARK = 16,
  K_BOUNDARY = 32
};
static unsigned char cls[0x10000];
static int cls_ready;
/* Whether every character block_plain() passes is plain in CLS (checked
   when CLS is filled: the sets come from the ICU at hand). */
static int blocks_ok;

/* Bit B1 of PAIRS[B0] (in 64-bit words) is set when the bytes B0 B1 may
   start a suspect character: exactly for one- and two-byte characters,
   for the block of 64 a three-byte character is in, always for a four-byte
   one. */
static uint64_t pairs[256 * 4];

static const struct twin *
find_twin (uint32_t cp)
{
  size_t lo = 0, hi = sizeof twins / sizeof twins[0];

  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (twins[mid].from == cp)
        return &twins[mid];
      if (twins[mid].from < cp)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static const struct accent *
find_accent (uint32_t cp)
{
  size_t i;

  for (i = 0; i < NACCENTS; i++)
    if (accents[i].cp == cp)
      return &accents[i];
  return NULL;
}

static int
is_control (uint32_t cp)
{
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

static int
is_invisible (uint32_t cp)
{
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == BOM
    || cp == 0x00AD;
}

/* Whether the character rules remove CP with nothing in its place (the
   white-space controls become a space; the joiners some scripts need are
   kept, but are no letters either): the word rules look through it. */
static int
removed_cp (uint32_t cp)
{
  return (is_control (cp) && cp != '\t' && cp != 0x0B && cp != 0x0C
          && cp != 0x85) || is_invisible (cp);
}

/* Every Zs but the ASCII space; from ICU, so a space separator added to
   Unicode later is covered too. */
static int
is_odd_space (uint32_t cp)
{
  return cp != 0x20 && u_charType ((UChar32) cp) == U_SPACE_SEPARATOR;
}

static int
plain_cp (uint32_t cp)
{
  return u_getCombiningClass ((UChar32) cp) == 0
    && u_getIntPropertyValue ((UChar32) cp, UCHAR_NFC_QUICK_CHECK)
       == UNORM_YES;
}

/* Add FLAGS to the BMP code points of the set PATTERN (ASCII only). */
static void
cls_add_set (const char *pattern, unsigned char flags)
{
  UChar pat[64];
  UErrorCode err = U_ZERO_ERROR;
  USet *set;
  int32_t i, n, len = (int32_t) strlen (pattern);

  u_charsToUChars (pattern, pat, len);
  set = uset_openPattern (pat, len, &err);
  if (U_FAILURE (err))
    vn_error (VN_EXIT_ERROR, 0, "cannot load ICU's character data: %s",
              u_errorName (err));
  n = uset_getRangeCount (set);
  for (i = 0; i < n; i++)
    {
      UChar32 lo, hi, c;
      uset_getItem (set, i, &lo, &hi, NULL, 0, &err);
      for (c = lo; c <= hi && c < 0x10000; c++)
        cls[c] |= flags;
    }
  uset_close (set);
}

/* Fill CLS and PAIRS.  By property sets rather than one query per code
   point: it is done at every start, and a filter that reads one short
   document must start fast. */
static void
cls_init (const UNormalizer2 *nfc)
{
  uint32_t cp;
  unsigned b0, b1;
  size_t i;

  if (cls_ready)
    return;
  cls_add_set ("[[:^ccc=0:][:^NFC_QC=Yes:]]", K_SUSPECT);
  for (cp = 0; cp < 0x10000; cp++)
    if (cp >= 0xD800 && cp <= 0xDFFF)
      continue;                 /* never decoded from valid UTF-8 */
    else if (!(cls[cp] & K_SUSPECT))
      cls[cp] = K_PLAIN | K_BOUNDARY;
    else if (unorm2_hasBoundaryBefore (nfc, (UChar32) cp))
      cls[cp] |= K_BOUNDARY;
  cls_add_set ("[:L:]", K_LETTER);
  cls_add_set ("[:M:]", K_MARK);
  cls_add_set ("[[:Zs:]-[\\u0020]]", K_RULE | K_SUSPECT);
  for (cp = 0; cp < 0xA0; cp++)
    if (is_control (cp))
      cls[cp] |= K_RULE | K_SUSPECT;
  for (cp = 0x200B; cp <= 0x200D; cp++)
    cls[cp] |= K_RULE | K_SUSPECT;
  cls[0x2060] |= K_RULE | K_SUSPECT;
  cls[BOM] |= K_RULE | K_SUSPECT;
  cls[0x00AD] |= K_RULE | K_SUSPECT;
  cls[ETH_UPPER] |= K_RULE | K_SUSPECT;
  cls[ETH_LOWER] |= K_RULE | K_SUSPECT;
  for (i = 0; i < sizeof twins / sizeof twins[0]; i++)
    cls[twins[i].from] |= K_RULE | K_SUSPECT;
  for (i = 0; i < NACCENTS; i++)
    {
      cls[accents[i].cp] |= K_RULE | K_SUSPECT;
      cls[accents[i].cp] &= (unsigned char) ~K_LETTER;
    }
  for (b0 = 0; b0 < 256; b0++)
    for (b1 = 0; b1 < 256; b1++)
      {
        int hit = 0, cont = (b1 & 0xC0) == 0x80;
        if (b0 < 0x80)
          hit = (cls[b0] & K_SUSPECT) != 0;
        else if (b0 >= 0xC2 && b0 < 0xE0 && cont)
          hit = (cls[((b0 & 0x1F) << 6) | (b1 & 0x3F)] & K_SUSPECT) != 0;
        else if (b0 >= 0xE0 && b0 < 0xF0 && cont)
          {
            uint32_t block = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6), c;
            for (c = block; c < block + 64; c++)
              hit |= cls[c] & K_SUSPECT;
          }
        else if (b0 >= 0xF0 && b0 < 0xF5 && cont)
          hit = 1;
        if (hit)
          pairs[(b0 << 2) | (b1 >> 6)] |= (uint64_t) 1 << (b1 & 63);
      }
  blocks_ok = 1;
  for (cp = 0x20; cp < 0x7F; cp++)
    if (cp != 0x60 && (cls[cp] & K_SUSPECT))
      blocks_ok = 0;
  for (cp = 0xA1; cp < 0x1C0; cp++)
    if (cp != 0xAD && cp != 0xB4 && cp != 0xD0 && cp != 0xF0
        && (cls[cp] & K_SUSPECT))
      blocks_ok = 0;
  for (cp = 0x1E80; cp < 0x1F00; cp++)
    if (cls[cp] & K_SUSPECT)
      blocks_ok = 0;
  for (cp = 0x2013; cp <= 0x201D; cp++)
    if (cls[cp] & K_SUSPECT)
      blocks_ok = 0;
  if (cls[0x2026] & K_SUSPECT)
    blocks_ok = 0;
  cls_ready = 1;
}

static int
is_plain (uint32_t cp)
{
  return cp < 0x10000 ? (cls[cp] & K_PLAIN) != 0 : plain_cp (cp);
}

static int
is_mark (uint32_t cp)
{
  return cp < 0x10000 ? (cls[cp] & K_MARK) != 0
    : cp != NOCP && (U_GET_GC_MASK ((UChar32) cp) & U_GC_M_MASK) != 0;
}

/* A letter of a word: general category L, but not the modifier letters
   ˊ ˋ that stand for tone marks (U107 looks at those). */
static int
is_letter (uint32_t cp)
{
  return cp < 0x10000 ? (cls[cp] & K_LETTER) != 0
    : cp != NOCP && u_isalpha ((UChar32) cp);
}

static int
is_wordish (uint32_t cp)
{
  return cp < 0x10000 ? (cls[cp] & (K_LETTER | K_MARK)) != 0
    : cp != NOCP && (is_letter (cp) || is_mark (cp));
}

static int
is_latin (uint32_t cp)
{
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript ((UChar32) cp, &err) == USCRIPT_LATIN;
}

/* ---------------------------------------------------------------------- */
/* State                                                                  */

/* One character of the stretch being looked at closely. */
struct uch
{
  uint32_t cp;          /* as read (U+FFFD for an invalid sequence) */
  uint32_t out;         /* what it becomes before NFC: a code point, NOCP */
  size_t off;           /* byte offset in the line */
  unsigned char len;    /* bytes */
  unsigned char bad;    /* an invalid sequence, kept by --invalid=keep */
  signed char rule;     /* the rule that changes it, or -1 */
  size_t wa, wb;        /* U105-U107: the word, as indexes into KEPT */
};

/* A run of characters NFC changes: KEPT[A..B), and its NFC form as
   POOL[P..P+N) (UTF-16). */
struct span
{
  size_t a, b;
  size_t p, n;
};

struct unicode
{
  int keep_tabs;
  int doc_start;                /* the next line starts a document */
  const UNormalizer2 *nfc;

  const char *line;             /* the line being looked at */
  size_t line_len;
  int quote_known;              /* QUOTE_ACCENTS is computed for the line */
  unsigned quote_accents;       /* bit I: accents[I] used as punctuation */

  struct uch *ch;
  size_t nch, ch_cap;
  size_t *kept;                 /* indexes of CH not removed */
  size_t nkept, kept_cap;
  UChar *u16;                   /* KEPT's outs as UTF-16 ... */
  size_t *u16off;               /* ... where each starts (NKEPT + 1) */
  size_t u16_cap, u16off_cap;
  UChar *pool;
  size_t npool, pool_cap;
  struct span *sp;
  size_t nsp, sp_cap;
  struct vn_buf repl;
};

static void *
create (void)
{
  struct unicode *st = vn_xcalloc (1, sizeof *st);
  UErrorCode err = U_ZERO_ERROR;

  st->nfc = unorm2_getNFCInstance (&err);
  if (U_FAILURE (err))
    vn_error (VN_EXIT_ERROR, 0, "cannot load ICU's NFC data: %s",
              u_errorName (err));
  cls_init (st->nfc);
  return st;
}

static void
destroy (void *state)
{
  struct unicode *st = state;

  free (st->ch);
  free (st->kept);
  free (st->u16);
  free (st->u16off);
  free (st->pool);
  free (st->sp);
  vn_buf_free (&st->repl);
  free (st);
}

static int
set_option (void *state, const char *name, const char *arg)
{
  struct unicode *st = state;

  (void) arg;
  if (!strcmp (name, "keep-tabs"))
    st->keep_tabs = 1;
  return 0;
}

static void
begin_doc (void *state, const struct vn_doc *doc)
{
  struct unicode *st = state;

  (void) doc;
  st->doc_start = 1;
}

/* Make room for NEED elements of SIZE bytes in *P, of capacity *CAP. */
static void
reserve (void *pp, size_t *cap, size_t need, size_t size)
{
  void **p = pp;

  if (need <= *cap)
    return;
  *cap = vn_grow (*cap, need);
  *p = vn_xrealloc (*p, *cap * size);
}

/* ---------------------------------------------------------------------- */
/* Messages                                                               */

/* A message, put together by hand (an NFD text has an edit in most words,
   each with its reason): literal pieces, and quoted pieces of text cut at
   a character boundary after SHOW_MAX bytes. */
#define SHOW_MAX 60
#define MSG_MAX (5 * SHOW_MAX + 160)
struct show
{
  char s[MSG_MAX];
  size_t n;
  size_t base;          /* where the current quoted piece starts */
  int cut;
};

static void
show_init (struct show *b)
{
  b->n = b->base = 0;
  b->cut = 0;
  b->s[0] = 0;
}

/* Append the literal T (short: the pieces of a message fit MSG_MAX), and
   start a new quoted piece after it. */
static void
show_str (struct show *b, const char *t)
{
  size_t k = strlen (t);

  if (k > MSG_MAX - 1 - b->n)
    k = MSG_MAX - 1 - b->n;
  memcpy (b->s + b->n, t, k);
  b->n += k;
  b->s[b->n] = 0;
  b->base = b->n;
  b->cut = 0;
}

static void
show_cp (struct show *b, uint32_t cp)
{
  char u[4];
  size_t k, i;

  if (b->cut || cp == NOCP)
    return;
  k = vn_utf8_encode (cp, u);
  if (b->n - b->base + k > SHOW_MAX)
    {
      memcpy (b->s + b->n, "...", 4);
      b->n += 3;
      b->cut = 1;
      return;
    }
  for (i = 0; i < k; i++)       /* a loop: memcpy would be a call */
    b->s[b->n++] = u[i];
  b->s[b->n] = 0;
}

static void
show_u16 (struct show *b, const UChar *s, size_t n)
{
  size_t i = 0;

  while (i < n)
    {
      UChar32 c;
      U16_NEXT (s, i, n, c);
      show_cp (b, (uint32_t) c);
    }
}

/* "U+0309", after a space unless it starts the piece. */
static void
show_hex (struct show *b, uint32_t cp)
{
  char h[16];
  size_t k = 0, i;
  int shift;

  if (b->cut)
    return;
  if (b->n > b->base)
    h[k++] = ' ';
  h[k++] = 'U';
  h[k++] = '+';
  for (shift = cp > 0xFFFFF ? 20 : cp > 0xFFFF ? 16 : 12; shift >= 0;
       shift -= 4)
    h[k++] = "0123456789ABCDEF"[(cp >> shift) & 0xF];
  if (b->n - b->base + k > SHOW_MAX)
    {
      memcpy (b->s + b->n, " ...", 5);
      b->n += 4;
      b->cut = 1;
      return;
    }
  for (i = 0; i < k; i++)
    b->s[b->n++] = h[i];
  b->s[b->n] = 0;
}

/* "U+200B ZERO WIDTH SPACE", from ICU's names. */
static void
cp_name (uint32_t cp, char *buf, size_t size)
{
  char name[96];
  UErrorCode err = U_ZERO_ERROR;
  int32_t k = u_charName ((UChar32) cp, U_UNICODE_CHAR_NAME, name,
                          (int32_t) sizeof name, &err);

  if (U_FAILURE (err) || k <= 0)
    snprintf (buf, size, "U+%04X", (unsigned) cp);
  else
    snprintf (buf, size, "U+%04X %s", (unsigned) cp, name);
}

/* The word W of KEPT[A..B) as read (its letters before any rule). */
static void
show_word (const struct unicode *st, size_t a, size_t b, struct show *w)
{
  size_t j;

  for (j = a; j < b; j++)
    show_cp (w, st->ch[st->kept[j]].cp);
}

/* NFC of KEPT[A..B)'s outs. */
static void
show_nfc (struct unicode *st, size_t a, size_t b, struct show *w)
{
  UChar buf[4 * SHOW_MAX];
  UErrorCode err = U_ZERO_ERROR;
  size_t from = st->u16off[a], to = st->u16off[b];
  int32_t k;

  if (to - from > SHOW_MAX)
    to = from + SHOW_MAX;       /* a message shows the start only */
  k = unorm2_normalize (st->nfc, st->u16 + from, (int32_t) (to - from), buf,
                        (int32_t) (sizeof buf / sizeof buf[0]), &err);
  if (U_FAILURE (err))
    show_u16 (w, st->u16 + from, to - from);
  else
    show_u16 (w, buf, (size_t) k);
}

/* Append the reason of the change of CH[K] to M. */
static void
atom_reason (struct unicode *st, size_t k, struct show *m)
{
  const struct uch *c = &st->ch[k];
  char name[160];

  switch (c->rule)
    {
    case U102:
      if (c->cp == BOM && c->off == 0 && st->doc_start)
        show_str (m, "byte-order mark U+FEFF removed");
      else
        {
          cp_name (c->cp, name, sizeof name);
          show_str (m, name);
          show_str (m, " removed");
        }
      break;
    case U103:
      cp_name (c->cp, name, sizeof name);
      show_str (m, name);
      show_str (m, " made a space");
      break;
    case U104:
      if (c->cp == '\t')
        show_str (m, "tab made a space");
      else
        {
          show_str (m, "control character ");
          show_hex (m, c->cp);
          show_str (m, c->out == NOCP ? " removed"
                    : c->cp == 0x0B ? " (vertical tab) made a space"
                    : c->cp == 0x0C ? " (form feed) made a space"
                    : " (next line) made a space");
        }
      break;
    case U105:
      show_str (m, c->cp == ETH_UPPER ? "eth 'Ð' in '" : "eth 'ð' in '");
      show_word (st, c->wa, c->wb, m);
      show_str (m, c->cp == ETH_UPPER ? "' made 'Đ'" : "' made 'đ'");
      break;
    case U106:
      show_str (m, c->cp < 0x400 ? "Greek '" : "Cyrillic '");
      show_cp (m, c->cp);
      show_str (m, "' in '");
      show_word (st, c->wa, c->wb, m);
      show_str (m, "' made Latin '");
      show_cp (m, c->out);
      show_str (m, "'");
      break;
    case U107:
      {
        size_t j, b;
        show_str (m, "spacing ");
        show_str (m, find_accent (c->cp)->name);
        show_str (m, " '");
        show_cp (m, c->cp);
        show_str (m, "' in '");
        show_word (st, c->wa, c->wb, m);
        show_str (m, "' folded into '");
        /* The letter it lands on, with all its marks, made NFC. */
        for (j = c->wa; j < c->wb && st->kept[j] != k; j++)
          ;
        for (b = j; b > c->wa && !is_letter (st->ch[st->kept[b - 1]].out);
             b--)
          ;
        for (j++; j < c->wb && !is_letter (st->ch[st->kept[j]].out); j++)
          ;
        show_nfc (st, b > c->wa ? b - 1 : b, j, m);
        show_str (m, "'");
      }
      break;
    default:
      show_str (m, "changed");
      break;
    }
}

/* ---------------------------------------------------------------------- */
/* Character rules (U102-U104)                                            */

/* Zero-width joiners are how emoji sequences and several scripts write
   what they mean (👨‍👩‍👧, the Persian and Indic half forms), unlike the
   stray ones scraped news text has between Latin letters.  Keep a ZWJ
   between two pictographs, and a ZWJ or ZWNJ after a letter or mark of a
   script that uses them (at the end of a word too: Malayalam writes its
   old chillu forms with a final ZWJ). */
static int
joiner_needed (const struct unicode *st, size_t k)
{
  uint32_t cp = st->ch[k].cp, prev, next;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode s = USCRIPT_COMMON;
  size_t p = k;

  if ((cp != 0x200D && cp != 0x200C) || k == 0)
    return 0;
  next = k + 1 < st->nch ? st->ch[k + 1].cp : ' ';
  /* Skip the emoji presentation selector and skin-tone modifiers. */
  while (p > 0 && (st->ch[p - 1].cp == 0xFE0F
                   || (st->ch[p - 1].cp >= 0x1F3FB
                       && st->ch[p - 1].cp <= 0x1F3FF)))
    p--;
  if (p == 0)
    return 0;
  prev = st->ch[p - 1].cp;
  if (cp == 0x200D
      && u_hasBinaryProperty ((UChar32) prev, UCHAR_EXTENDED_PICTOGRAPHIC)
      && u_hasBinaryProperty ((UChar32) next, UCHAR_EXTENDED_PICTOGRAPHIC))
    return 1;
  /* The letter or script-specific mark before it: combining marks common
     to all scripts (whose order NFC may change) and what the character
     rules remove do not count. */
  for (p = k; p > 0; p--)
    {
      prev = st->ch[p - 1].cp;
      if (removed_cp (prev))
        continue;
      s = uscript_getScript ((UChar32) prev, &err);
      if (U_FAILURE (err))
        return 0;
      if (s != USCRIPT_INHERITED)
        break;
    }
  if (p == 0)
    return 0;
  switch (s)
    {
    case USCRIPT_ARABIC: case USCRIPT_SYRIAC: case USCRIPT_NKO:
    case USCRIPT_MONGOLIAN: case USCRIPT_DEVANAGARI: case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI: case USCRIPT_GUJARATI: case USCRIPT_ORIYA:
    case USCRIPT_TAMIL: case USCRIPT_TELUGU: case USCRIPT_KANNADA:
    case USCRIPT_MALAYALAM: case USCRIPT_SINHALA: case USCRIPT_KHMER:
    case USCRIPT_MYANMAR: case USCRIPT_TIBETAN:
      return 1;
    default:
      return 0;
    }
}

static void
char_rules (struct unicode *st)
{
  size_t k;

  for (k = 0; k < st->nch; k++)
    {
      struct uch *c = &st->ch[k];
      uint32_t cp = c->cp;

      if (c->bad)
        continue;
      if (is_control (cp))
        {
          if (cp == '\t' && st->keep_tabs)
            continue;
          c->rule = U104;
          /* The white-space controls separate words (a vertical tab is
             Word's manual line break): removing them would glue two words
             together. */
          c->out = cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0x85
            ? ' ' : NOCP;
        }
      else if (is_invisible (cp))
        {
          if (!joiner_needed (st, k))
            {
              c->rule = U102;
              c->out = NOCP;
            }
        }
      else if (is_odd_space (cp))
        {
          c->rule = U103;
          c->out = ' ';
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Word rules (U105-U107)                                                 */

/* Whether W[0..N) is a Vietnamese syllable; with STRICT, a valid one with
   at most one tone mark. */
static int
syllable (const uint32_t *w, size_t n, int strict)
{
  char buf[VN_SYL_MAX * 8 + 8];
  struct vn_syllable syl;
  size_t i, len = 0;
  int r;

  if (n == 0 || n > VN_SYL_MAX * 2)
    return 0;
  for (i = 0; i < n; i++)
    len += vn_utf8_encode (w[i], buf + len);
  r = vn_syllable_parse (buf, len, &syl);
  if (r != 1)
    return 0;
  return !strict || (syl.valid && syl.marks <= 1 && !syl.mixed);
}

/* A letter only Vietnamese of the languages with an eth would write: one
   with a grave, tilde, hook, dot below, circumflex, breve or horn, or đ.
   Icelandic, Faroese and Old English have none of them. */
static int
vietnamese_only (const struct unicode *st, uint32_t cp)
{
  UChar d[8];
  UErrorCode err = U_ZERO_ERROR;
  int32_t i, n;

  if (cp == DSTROKE_UPPER || cp == DSTROKE_LOWER)
    return 1;
  if (cp < 0xC0)
    return 0;
  n = unorm2_getDecomposition (st->nfc, (UChar32) cp, d, 8, &err);
  if (U_FAILURE (err) || n < 0)
    {
      n = 1;
      d[0] = (UChar) (cp < 0x10000 ? cp : 0);
    }
  for (i = 0; i < n; i++)
    switch (d[i])
      {
      case 0x0300: case 0x0302: case 0x0303: case 0x0306: case 0x0309:
      case 0x031B: case 0x0323:
        return 1;
      default:
        break;
      }
  return 0;
}

#define WORD_MAX (VN_SYL_MAX * 2)

/* Copy the outs of KEPT[A..B) into W (at most WORD_MAX); its length, or 0
   when longer (no syllable is that long). */
static size_t
word_outs (const struct unicode *st, size_t a, size_t b, uint32_t *w)
{
  size_t j;

  if (b - a > WORD_MAX)
    return 0;
  for (j = a; j < b; j++)
    w[j - a] = st->ch[st->kept[j]].out;
  return b - a;
}

static void
mark_word (struct unicode *st, size_t k, int rule, uint32_t out, size_t a,
           size_t b)
{
  struct uch *c = &st->ch[k];

  c->rule = (signed char) rule;
  c->out = out;
  c->wa = a;
  c->wb = b;
}

/* U106 and U105 on the word KEPT[A..B) (letters and marks). */
static void
word_rules (struct unicode *st, size_t a, size_t b)
{
  uint32_t w[WORD_MAX];
  size_t j, n, latin = 0, twins_n = 0, other = 0, eths = 0;
  size_t upper_ascii = 0, lower = 0, vowels = 0, viet = 0, letters = 0;
  int any = 0;

  for (j = a; j < b; j++)
    {
      uint32_t cp = st->ch[st->kept[j]].cp;
      if (find_twin (cp) || cp == ETH_UPPER || cp == ETH_LOWER)
        any = 1;
    }
  if (!any)
    return;

  for (j = a; j < b; j++)
    {
      uint32_t cp = st->ch[st->kept[j]].cp;
      if (is_mark (cp))
        {
          viet += vietnamese_only (st, cp);
          continue;
        }
      letters++;
      if (find_twin (cp))
        twins_n++;
      else if (is_latin (cp))
        latin++;
      else
        {
          UErrorCode err = U_ZERO_ERROR;
          UScriptCode s = uscript_getScript ((UChar32) cp, &err);
          if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED)
            other++;
        }
      eths += cp == ETH_UPPER || cp == ETH_LOWER;
      viet += vietnamese_only (st, cp);
      if ((cp >= 'A' && cp <= 'Z') || cp == ETH_UPPER
          || cp == DSTROKE_UPPER)
        upper_ascii++;
      if (u_islower ((UChar32) cp))
        lower++;
      if (cp < 0x80 && strchr ("AEIOUYaeiouy", (int) cp))
        vowels++;
    }

  /* U106: a Latin word with look-alikes in it.  When the look-alikes are
     the majority ("Pосс" is a Russian word with one Latin letter in it,
     more likely than a Latin one with three Cyrillic), the word must be a
     Vietnamese syllable once mapped. */
  if (twins_n && latin && !other)
    {
      int ok = latin >= twins_n;
      n = word_outs (st, a, b, w);
      if (!ok && n)
        {
          for (j = 0; j < n; j++)
            {
              const struct twin *t = find_twin (w[j]);
              if (t)
                w[j] = (uint32_t) (unsigned char) t->to;
              else if (w[j] == ETH_UPPER)
                w[j] = DSTROKE_UPPER;
              else if (w[j] == ETH_LOWER)
                w[j] = DSTROKE_LOWER;
            }
          ok = syllable (w, n, 1);
        }
      if (ok)
        for (j = a; j < b; j++)
          {
            size_t k = st->kept[j];
            const struct twin *t = find_twin (st->ch[k].cp);
            if (t)
              mark_word (st, k, U106, (uint32_t) (unsigned char) t->to, a,
                         b);
          }
    }

  /* U105: the eth of a word that is Vietnamese: a syllable once fixed
     ("Ðà", "ðã"), a word with a letter only Vietnamese writes ("Ðắk",
     "VPĐKÐĐ"), or an upper-case abbreviation without a vowel ("NÐ",
     "QSDÐ", "HÐND"; Icelandic words have vowels).  "Guðrún" and
     "Sigurður" keep theirs. */
  if (eths)
    {
      int ok = viet > 0
        || (upper_ascii == letters && lower == 0 && vowels == 0);
      if (!ok && (n = word_outs (st, a, b, w)))
        {
          for (j = 0; j < n; j++)
            if (w[j] == ETH_UPPER)
              w[j] = DSTROKE_UPPER;
            else if (w[j] == ETH_LOWER)
              w[j] = DSTROKE_LOWER;
          ok = syllable (w, n, 0);
        }
      if (ok && !other)
        for (j = a; j < b; j++)
          {
            size_t k = st->kept[j];
            uint32_t cp = st->ch[k].cp;
            if (cp == ETH_UPPER || cp == ETH_LOWER)
              mark_word (st, k, U105, cp == ETH_UPPER ? DSTROKE_UPPER
                         : DSTROKE_LOWER, a, b);
          }
    }
}

/* Which accents the line uses as punctuation: one that follows anything
   but a letter, a mark or such an accent (an opening quote ´like this´, a
   code span `ls`, TeX's ``quotes'') makes every one of its kind on the
   line doubtful, and U107 leaves them all.  What the character rules
   remove is not there: a second run over the output decides the same. */
static unsigned
quote_accents (struct unicode *st)
{
  const char *s = st->line;
  size_t n = st->line_len, i = 0;
  uint32_t cp;
  unsigned bits = 0;
  int after_word = 0;

  if (st->quote_known)
    return st->quote_accents;
  while (i < n)
    {
      size_t k = vn_utf8_decode (s + i, n - i, &cp), a;
      if (k == 0)
        {
          k = 1;
          cp = VN_REPLACEMENT;
        }
      for (a = 0; a < NACCENTS; a++)
        if (accents[a].cp == cp && !after_word)
          bits |= 1u << a;
      if (!removed_cp (cp))
        after_word = is_wordish (cp) || (after_word && find_accent (cp));
      i += k;
    }
  st->quote_known = 1;
  st->quote_accents = bits;
  return bits;
}

/* U107 on the run KEPT[A..B) of letters, marks and accents that follow
   one of them, not starting with an accent: fold every accent into a
   combining mark when the word then is a valid syllable ("ca´c" is
   "các"); all of them or none, so that a second run finds nothing new. */
static void
fold_accents (struct unicode *st, size_t a, size_t b)
{
  uint32_t w[WORD_MAX];
  size_t j, n;
  unsigned doubtful;
  int any = 0;

  for (j = a; j < b; j++)
    if (find_accent (st->ch[st->kept[j]].cp))
      any = 1;
  if (!any || !(n = word_outs (st, a, b, w)))
    return;
  doubtful = quote_accents (st);
  for (j = 0; j < n; j++)
    {
      const struct accent *ac = find_accent (w[j]);
      if (ac)
        {
          if (doubtful & (1u << (ac - accents)))
            return;
          w[j] = ac->mark;
        }
    }
  if (!syllable (w, n, 1))
    return;
  for (j = a; j < b; j++)
    {
      size_t k = st->kept[j];
      const struct accent *ac = find_accent (st->ch[k].cp);
      if (ac)
        mark_word (st, k, U107, ac->mark, a, b);
    }
}

static void
list_kept (struct unicode *st)
{
  size_t k;

  reserve (&st->kept, &st->kept_cap, st->nch + 1, sizeof *st->kept);
  st->nkept = 0;
  for (k = 0; k < st->nch; k++)
    if (st->ch[k].out != NOCP)
      st->kept[st->nkept++] = k;
}

static void
all_word_rules (struct unicode *st)
{
  size_t j = 0, a;

  /* Words of letters and marks, for U105 and U106. */
  while (j < st->nkept)
    {
      if (!is_wordish (st->ch[st->kept[j]].out))
        {
          j++;
          continue;
        }
      for (a = j; j < st->nkept && is_wordish (st->ch[st->kept[j]].out); j++)
        ;
      word_rules (st, a, j);
    }
  /* Then with the accents that follow a letter, for U107, seeing the
     letters as U105 and U106 left them. */
  j = 0;
  while (j < st->nkept)
    {
      if (!is_wordish (st->ch[st->kept[j]].out))
        {
          j++;
          continue;
        }
      for (a = j; j < st->nkept; j++)
        {
          uint32_t cp = st->ch[st->kept[j]].out;
          if (!is_wordish (cp) && !find_accent (cp))
            break;
        }
      fold_accents (st, a, j);
    }
}

/* ---------------------------------------------------------------------- */
/* NFC (U101)                                                             */

static void
to_utf16 (struct unicode *st)
{
  size_t j, m = 0;

  reserve (&st->u16, &st->u16_cap, 2 * st->nkept + 1, sizeof *st->u16);
  reserve (&st->u16off, &st->u16off_cap, st->nkept + 1, sizeof *st->u16off);
  for (j = 0; j < st->nkept; j++)
    {
      uint32_t cp = st->ch[st->kept[j]].out;
      st->u16off[j] = m;
      if (cp < 0x10000)
        st->u16[m++] = (UChar) cp;
      else
        {
          st->u16[m++] = U16_LEAD (cp);
          st->u16[m++] = U16_TRAIL (cp);
        }
    }
  st->u16off[st->nkept] = m;
}

static int
boundary_before (const struct unicode *st, size_t j)
{
  const struct uch *c = &st->ch[st->kept[j]];

  if (j == 0 || c->bad || st->ch[st->kept[j - 1]].bad)
    return 1;
  return c->out < 0x10000 ? (cls[c->out] & K_BOUNDARY) != 0
    : unorm2_hasBoundaryBefore (st->nfc, (UChar32) c->out);
}

/* NFC of the segment KEPT[A..B) into POOL; 1 if it differs. */
static int
normalize_segment (struct unicode *st, size_t a, size_t b)
{
  const UChar *src = st->u16 + st->u16off[a];
  size_t len = st->u16off[b] - st->u16off[a], j;
  int32_t k;
  UErrorCode err;

  for (j = a; j < b; j++)
    if (st->ch[st->kept[j]].bad)
      return 0;                 /* never touch what was not UTF-8 */
  for (;;)
    {
      size_t room;
      reserve (&st->pool, &st->pool_cap, st->npool + 4 * len + 16,
               sizeof *st->pool);
      room = st->pool_cap - st->npool;
      err = U_ZERO_ERROR;
      k = unorm2_normalize (st->nfc, src, (int32_t) len,
                            st->pool + st->npool,
                            room > INT32_MAX ? INT32_MAX : (int32_t) room,
                            &err);
      if (err == U_BUFFER_OVERFLOW_ERROR)
        {
          reserve (&st->pool, &st->pool_cap, st->npool + (size_t) k + 16,
                   sizeof *st->pool);
          continue;
        }
      if (U_FAILURE (err))
        return 0;
      break;
    }
  if ((size_t) k == len && !memcmp (src, st->pool + st->npool,
                                    len * sizeof *src))
    return 0;
  reserve (&st->sp, &st->sp_cap, st->nsp + 1, sizeof *st->sp);
  if (st->nsp && st->sp[st->nsp - 1].b == a)
    {
      /* Contiguous with the last changed run: one edit for both. */
      st->sp[st->nsp - 1].b = b;
      st->sp[st->nsp - 1].n += (size_t) k;
    }
  else
    {
      st->sp[st->nsp].a = a;
      st->sp[st->nsp].b = b;
      st->sp[st->nsp].p = st->npool;
      st->sp[st->nsp].n = (size_t) k;
      st->nsp++;
    }
  st->npool += (size_t) k;
  return 1;
}

/* Find the runs of KEPT that NFC changes.  ICU's quick check skips the
   stable start; from there the text is cut at the characters that always
   start a new normalization segment, and only segments that are not one
   plain character are normalized. */
static void
nfc_spans (struct unicode *st)
{
  UErrorCode err = U_ZERO_ERROR;
  size_t total, j, a;
  int32_t q;

  st->nsp = 0;
  st->npool = 0;
  if (st->nkept == 0)
    return;
  to_utf16 (st);
  total = st->u16off[st->nkept];
  if (total > INT32_MAX / 4)
    return;                     /* a 500-million-character word: leave it */
  q = unorm2_spanQuickCheckYes (st->nfc, st->u16, (int32_t) total, &err);
  if (U_FAILURE (err) || (size_t) q >= total)
    return;
  for (j = 0; j + 1 < st->nkept && st->u16off[j + 1] <= (size_t) q; j++)
    ;
  while (j > 0 && !boundary_before (st, j))
    j--;
  while (j < st->nkept)
    {
      /* J starts a segment.  A plain character alone is stable. */
      if ((j + 1 == st->nkept || boundary_before (st, j + 1))
          && is_plain (st->ch[st->kept[j]].out))
        {
          j++;
          continue;
        }
      /* Normalize consecutive segments that have marks in one call ("ườ"
         of "phường" is two): one edit covers them anyway. */
      for (a = j++; j < st->nkept
           && (!boundary_before (st, j)
               || (j + 1 < st->nkept && !boundary_before (st, j + 1))); j++)
        ;
      normalize_segment (st, a, j);
    }
}

/* ---------------------------------------------------------------------- */
/* Edits                                                                  */

static void
put_cp (struct vn_buf *b, uint32_t cp)
{
  if (cp == NOCP)
    return;
  if (b->cap - b->len < 4)
    vn_buf_reserve (b, 4);
  b->len += vn_utf8_encode (cp, b->p + b->len);
}

static void
emit_atom (struct unicode *st, size_t k, struct vn_edits *out)
{
  const struct uch *c = &st->ch[k];
  struct show m;

  show_init (&m);
  atom_reason (st, k, &m);
  vn_buf_clear (&st->repl);
  put_cp (&st->repl, c->out);
  vn_edits_add (out, c->off, c->len, st->repl.p, st->repl.len,
                &rules[c->rule], "%s", m.s);
}

/* One edit for the changed run SP: its NFC form replaces every character
   from its first to its last, and the characters removed in between. */
static void
emit_span (struct unicode *st, const struct span *sp, struct vn_edits *out)
{
  size_t k0 = st->kept[sp->a], k1 = st->kept[sp->b - 1], k, i = 0;
  size_t off = st->ch[k0].off, end = st->ch[k1].off + st->ch[k1].len;
  size_t first = (size_t) -1, others = 0, wa, wb;
  const UChar *nf = st->pool + sp->p;
  struct show m;

  vn_buf_clear (&st->repl);
  while (i < sp->n)
    {
      UChar32 c;
      U16_NEXT (nf, i, sp->n, c);
      put_cp (&st->repl, (uint32_t) c);
    }
  for (k = k0; k <= k1; k++)
    if (st->ch[k].rule >= 0)
      {
        if (first == (size_t) -1)
          first = k;
        else
          others++;
      }
  show_init (&m);
  if (first != (size_t) -1)
    {
      /* A character rule made the run change (a zero-width space between
         a letter and its mark, a Cyrillic е under a circumflex, a spacing
         accent): that rule is what the edit is, NFC is how it ends. */
      atom_reason (st, first, &m);
      if (st->ch[first].rule != U107)
        {
          show_str (&m, "; '");
          show_u16 (&m, nf, sp->n);
          show_str (&m, "' made NFC");
        }
      if (others)
        {
          char more[64];
          snprintf (more, sizeof more, " (with %zu more change%s)", others,
                    others > 1 ? "s" : "");
          show_str (&m, more);
        }
      vn_edits_add (out, off, end - off, st->repl.p, st->repl.len,
                    &rules[st->ch[first].rule], "%s", m.s);
      return;
    }
  for (k = k0; k <= k1; k++)
    show_hex (&m, st->ch[k].cp);
  show_str (&m, " made NFC '");
  show_u16 (&m, nf, sp->n);
  show_str (&m, "'");
  for (wa = sp->a; wa > 0 && is_wordish (st->ch[st->kept[wa - 1]].out);
       wa--)
    ;
  for (wb = sp->b; wb < st->nkept && is_wordish (st->ch[st->kept[wb]].out);
       wb++)
    ;
  if (wa < sp->a || wb > sp->b)
    {
      /* The word as read: a terminal shows it as it will be. */
      show_str (&m, " in '");
      show_word (st, wa, wb, &m);
      show_str (&m, "'");
    }
  vn_edits_add (out, off, end - off, st->repl.p, st->repl.len,
                &rules[U101], "%s", m.s);
}

/* Look closely at S[0..N), which is LINE + BASE: decode it, apply the
   character rules, then the word rules, then NFC, and propose the edits. */
static void
region (struct unicode *st, const char *s, size_t n, size_t base,
        struct vn_edits *out)
{
  size_t i = 0, k, sp;
  int rules_here = 0;

  st->nch = 0;
  /* At most one character per byte. */
  reserve (&st->ch, &st->ch_cap, n, sizeof *st->ch);
  while (i < n)
    {
      struct uch *c = &st->ch[st->nch++];
      const unsigned char *u = (const unsigned char *) s + i;
      uint32_t cp;
      size_t len;

      /* The valid one- and two-byte forms by hand; vn_utf8_decode checks
         the rest. */
      if (u[0] < 0x80)
        {
          cp = u[0];
          len = 1;
        }
      else if (u[0] >= 0xC2 && u[0] < 0xE0 && i + 1 < n
               && (u[1] & 0xC0) == 0x80)
        {
          cp = ((uint32_t) (u[0] & 0x1F) << 6) | (u[1] & 0x3F);
          len = 2;
        }
      else
        len = vn_utf8_decode (s + i, n - i, &cp);
      c->bad = len == 0;
      if (c->bad)
        {
          len = vn_utf8_invalid_len (s + i, n - i);
          cp = VN_REPLACEMENT;
        }
      c->cp = c->out = cp;
      c->off = base + i;
      c->len = (unsigned char) len;
      c->rule = -1;
      rules_here |= cp < 0x10000 && (cls[cp] & K_RULE);
      i += len;
    }
  if (rules_here)
    char_rules (st);
  list_kept (st);
  if (rules_here)
    all_word_rules (st);
  nfc_spans (st);

  for (k = 0, sp = 0; k < st->nch;)
    {
      if (sp < st->nsp && st->kept[st->sp[sp].a] == k)
        {
          emit_span (st, &st->sp[sp], out);
          k = st->kept[st->sp[sp].b - 1] + 1;
          sp++;
          continue;
        }
      if (st->ch[k].rule >= 0)
        emit_atom (st, k, out);
      k++;
    }
}

/* ---------------------------------------------------------------------- */
/* The fast path                                                          */

/* Whether the character at S[I] (a lead byte) needs a closer look. */
static int
suspect_at (const unsigned char *s, size_t i, size_t n)
{
  uint32_t cp;
  size_t k = vn_utf8_decode ((const char *) s + i, n - i, &cp);

  if (k == 0)
    return 0;                   /* invalid bytes are kept as they are */
  return cp < 0x10000 ? (cls[cp] & K_SUSPECT) != 0 : !plain_cp (cp);
}

#ifdef __SSE2__
/* Whether the sixteen bytes at P start no character that needs a closer
   look, by what Vietnamese text is made of: printable ASCII but `, the
   continuation bytes, and the lead bytes of Latin-1 and Latin Extended-A
   and -B (U+00A1..U+01BF) but for no-break space, soft hyphen, acute
   accent and eth, of ạ..ỹ (E1 BA, E1 BB), and of the dashes and quotes
   U+2013..U+201D and … (E2 80 93..9D, A6).  It may say no when the answer
   is yes (the exact test then looks at the block); never the other way.
   Reads 18 bytes. */
static inline int
block_plain (const unsigned char *p)
{
  const __m128i v = _mm_loadu_si128 ((const __m128i *) p);
  const __m128i v1 = _mm_loadu_si128 ((const __m128i *) (p + 1));
  const __m128i v2 = _mm_loadu_si128 ((const __m128i *) (p + 2));
  /* 0x20..0x7E, as signed bytes (which puts 0x80..0xFF below zero). */
  __m128i ok = _mm_andnot_si128 (vn_sse_eq (v, 0x60),
                                 _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 (0x1F)),
                                                _mm_cmplt_epi8 (v, _mm_set1_epi8 (0x7F))));
  /* C0..C6 as signed bytes are -64..-58; continuation bytes are -128..-65. */
  __m128i latin = _mm_cmplt_epi8 (v, _mm_set1_epi8 ((char) 0xC7));
  /* Of those, C0 C1 (never in valid UTF-8) and C2 C3 need their next byte:
     C2 A1..BF but AD B4; C3 but 90 B0 (Ð ð). */
  __m128i c2 = vn_sse_eq (v, 0xC2), c3 = vn_sse_eq (v, 0xC3);
  __m128i c2_ok = _mm_andnot_si128 (_mm_or_si128 (vn_sse_eq (v1, 0xAD), vn_sse_eq (v1, 0xB4)),
                                    _mm_cmpgt_epi8 (v1, _mm_set1_epi8 ((char) 0xA0)));
  __m128i c3_ok = _mm_andnot_si128 (_mm_or_si128 (vn_sse_eq (v1, 0x90), vn_sse_eq (v1, 0xB0)),
                                    _mm_set1_epi8 (-1));
  __m128i dash;

  latin = _mm_andnot_si128 (_mm_or_si128 (vn_sse_eq (v, 0xC0), vn_sse_eq (v, 0xC1)), latin);
  latin = _mm_andnot_si128 (_mm_or_si128 (_mm_andnot_si128 (c2_ok, c2),
                                          _mm_andnot_si128 (c3_ok, c3)), latin);
  ok = _mm_or_si128 (ok, latin);
  ok = _mm_or_si128 (ok, _mm_and_si128 (vn_sse_eq (v, 0xE1),
                                        _mm_or_si128 (vn_sse_eq (v1, 0xBA),
                                                      vn_sse_eq (v1, 0xBB))));
  /* E2 80, then 93..9D or A6. */
  dash = vn_sse_in_range (v2, 0x93, 0x9D);
  dash = _mm_or_si128 (dash, vn_sse_eq (v2, 0xA6));
  ok = _mm_or_si128 (ok, _mm_and_si128 (_mm_and_si128 (vn_sse_eq (v, 0xE2),
                                                       vn_sse_eq (v1, 0x80)), dash));
  return _mm_movemask_epi8 (ok) == 0xFFFF;
}
#endif

/* Offset of the first character in S[I..N) that needs a closer look, or N.
   Nearly every line has none: this is all most lines cost, so it looks at
   each pair of bytes in PAIRS, with no branch to mispredict on the mix of
   one-, two- and three-byte characters that Vietnamese is (sixteen bytes
   at a time by block_plain where it can); only a pair that may start a
   suspect character is decoded. */
static size_t
next_suspect (const unsigned char *s, size_t i, size_t n)
{
#define PAIR_HIT(j) \
  ((pairs[((unsigned) s[j] << 2) | (s[(j) + 1] >> 6)] \
    >> (s[(j) + 1] & 63)) & 1)
  while (i + 4 < n)
    {
      size_t e = i + 4;
      int block = 0;
#ifdef __SSE2__
      /* Sixteen bytes at a time while they are plain; the pairs of a block
         that may not be. */
      if ((block = blocks_ok && i + 18 <= n))
        {
          if (block_plain (s + i))
            {
              i += 16;
              continue;
            }
          e = i + 16;
        }
#endif
      if (!block && !(PAIR_HIT (i) | PAIR_HIT (i + 1) | PAIR_HIT (i + 2)
                      | PAIR_HIT (i + 3)))
        {
          i += 4;
          continue;
        }
      for (; i < e; i++)
        if (PAIR_HIT (i) && suspect_at (s, i, n))
          return i;
    }
  for (; i + 1 < n; i++)
    if (PAIR_HIT (i) && suspect_at (s, i, n))
      return i;
#undef PAIR_HIT
  if (i < n && (s[i] >= 0x80 || (cls[s[i]] & K_SUSPECT)))
    return suspect_at (s, i, n) ? i : n;
  return n;
}

static void
unicode_line (void *state, const struct vn_doc *doc,
              const struct vn_line *line, struct vn_edits *out)
{
  struct unicode *st = state;
  const char *t = line->text;
  size_t n = line->len, i = 0;

  (void) doc;
  st->line = t;
  st->line_len = n;
  st->quote_known = 0;
  while ((i = next_suspect ((const unsigned char *) t, i, n)) < n)
    {
      /* The stretch from the ASCII space before to the one after: it
         holds whole words (what U105-U107 look at) and whole NFC segments
         (a space starts one, a mark after it is part of it). */
      const char *sp = memchr (t + i, ' ', n - i);
      size_t start = i, end = sp ? (size_t) (sp - t) : n;

      while (start > 0 && t[start] != ' ')
        start--;
      region (st, t + start, end - start, start, out);
      i = end;
    }
  st->doc_start = 0;
}

const struct vn_fixer vn_fixer_unicode = {
  .name = "unicode",
  .filter = "vn-unicode",
  .summary = "Unicode NFC; remove invisible and control characters; odd "
    "spaces become spaces; Cyrillic, Greek and eth look-alikes become "
    "Vietnamese letters",
  .rules = rules,
  .options = options,
  .create = create,
  .destroy = destroy,
  .set_option = set_option,
  .begin_doc = begin_doc,
  .line = unicode_line,
};
