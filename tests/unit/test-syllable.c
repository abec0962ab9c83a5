/* test-syllable.c -- unit test of the Vietnamese syllable model
   (lib/syllable.c): every syllable of tests/data/syllables.txt in four
   spellings, the 69 old/new pairs of tests/data/tone-pairs.tsv, and named
   cases of misplaced marks, invalid syllables and words that are none */
#include <config.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "syllable.h"
#include "tap.h"
#include "utf8.h"

/* The test's own knowledge of the letters, written as text rather than as
   code points, so that it checks the library's tables instead of
   repeating them: the vowels in the order of enum vn_tone, lower and upper
   case, and how NFD spells each. */
static const char *const rows_lower[6] = {
  "aăâeêioôơuưy", "àằầèềìòồờùừỳ", "áắấéếíóốớúứý",
  "ảẳẩẻểỉỏổởủửỷ", "ãẵẫẽễĩõỗỡũữỹ", "ạặậẹệịọộợụựỵ"
};
static const char *const rows_upper[6] = {
  "AĂÂEÊIOÔƠUƯY", "ÀẰẦÈỀÌÒỒỜÙỪỲ", "ÁẮẤÉẾÍÓỐỚÚỨÝ",
  "ẢẲẨẺỂỈỎỔỞỦỬỶ", "ÃẴẪẼỄĨÕỖỠŨỮỸ", "ẠẶẬẸỆỊỌỘỢỤỰỴ"
};
static const char vowel_ascii[] = "aaaeeiooouuy";
/* The hat, breve or horn of each vowel: U+0302, U+0306, U+031B or none. */
static const uint32_t vowel_mod[12] = {
  0, 0x306, 0x302, 0, 0x302, 0, 0, 0x302, 0x31B, 0, 0x31B, 0
};
static const uint32_t tone_mark[6] = { 0, 0x300, 0x301, 0x309, 0x303, 0x323 };
static const char consonants_lower[] = "bcdđghklmnpqrstvx";
static const char consonants_upper[] = "BCDĐGHKLMNPQRSTVX";

struct tletter
{
  uint32_t lower, upper;
  int vowel;                    /* index into the rows, or -1 */
  int tone;
};

static struct tletter letters[12 * 6 + 17];
static size_t nletters;
static int seen_letter[12 * 6 + 17];

static size_t
decode_all (const char *s, uint32_t *cp, size_t max)
{
  size_t n = strlen (s), i = 0, k = 0, len;

  while (i < n && k < max)
    {
      len = vn_utf8_decode (s + i, n - i, &cp[k]);
      if (len == 0)
        return 0;
      i += len;
      k++;
    }
  return i == n ? k : 0;
}

static void
build_letters (void)
{
  uint32_t lo[20], up[20];
  int t;
  size_t v, nl, nu;

  for (t = 0; t < 6; t++)
    {
      nl = decode_all (rows_lower[t], lo, 20);
      nu = decode_all (rows_upper[t], up, 20);
      for (v = 0; v < 12 && v < nl && v < nu; v++)
        letters[nletters++] = (struct tletter) { lo[v], up[v], (int) v, t };
    }
  nl = decode_all (consonants_lower, lo, 20);
  nu = decode_all (consonants_upper, up, 20);
  for (v = 0; v < nl && v < nu; v++)
    letters[nletters++] = (struct tletter) { lo[v], up[v], -1, 0 };
}

static const struct tletter *
find_letter (uint32_t cp)
{
  size_t i;

  for (i = 0; i < nletters; i++)
    if (letters[i].lower == cp)
      {
        seen_letter[i] = 1;
        return &letters[i];
      }
  return NULL;
}

/* The other spellings of a lower-case NFC syllable, and where its mark is. */
enum form { F_LOWER, F_UPPER, F_TITLE, F_NFD };
struct spelled
{
  char text[4][64];
  size_t len[4];
  size_t nletters;
  int mark_at;                  /* -1 for none */
  int tone;
  int marks;
};

static int
spell (const char *w, struct spelled *sp)
{
  uint32_t cp[16];
  size_t n = decode_all (w, cp, 16), i;
  int f;

  memset (sp, 0, sizeof *sp);
  sp->mark_at = -1;
  if (n == 0)
    return 0;
  sp->nletters = n;
  for (i = 0; i < n; i++)
    {
      const struct tletter *l = find_letter (cp[i]);
      if (!l)
        return 0;
      if (l->tone)
        {
          sp->marks++;
          sp->mark_at = (int) i;
          sp->tone = l->tone;
        }
      for (f = F_LOWER; f <= F_TITLE; f++)
        {
          uint32_t c = f == F_UPPER || (f == F_TITLE && i == 0)
            ? l->upper : l->lower;
          sp->len[f] += vn_utf8_encode (c, sp->text[f] + sp->len[f]);
        }
      if (l->vowel < 0)
        sp->len[F_NFD] += vn_utf8_encode (l->lower,
                                          sp->text[F_NFD] + sp->len[F_NFD]);
      else
        {
          /* Canonical order: horn (class 216), dot below (220), then the
             hat or breve and the other tones (230) as they come. */
          uint32_t seq[3];
          size_t k = 0, j;
          seq[k++] = (uint32_t) vowel_ascii[l->vowel];
          if (vowel_mod[l->vowel] == 0x31B)
            seq[k++] = 0x31B;
          if (l->tone == VN_TONE_DOT)
            seq[k++] = 0x323;
          for (j = 0; j < k; j++)
            sp->len[F_NFD] += vn_utf8_encode (seq[j], sp->text[F_NFD]
                                              + sp->len[F_NFD]);
          if (vowel_mod[l->vowel] && vowel_mod[l->vowel] != 0x31B)
            sp->len[F_NFD] += vn_utf8_encode (vowel_mod[l->vowel],
                                              sp->text[F_NFD]
                                              + sp->len[F_NFD]);
          if (l->tone && l->tone != VN_TONE_DOT)
            sp->len[F_NFD] += vn_utf8_encode (tone_mark[l->tone],
                                              sp->text[F_NFD]
                                              + sp->len[F_NFD]);
        }
    }
  return 1;
}

/* Compose SYL in STYLE into a NUL-terminated OUT. */
static const char *
compose (const struct vn_syllable *syl, enum vn_tone_style style,
         char out[VN_SYL_MAX * 4 + 1])
{
  size_t n = vn_syllable_compose (syl, style, out);
  out[n] = '\0';
  return out;
}

static int
parse (const char *w, struct vn_syllable *syl)
{
  return vn_syllable_parse (w, strlen (w), syl);
}

/* Parse, compose in STYLE, parse that and compose in the other style. */
static int
round_trip (const char *w, size_t len, enum vn_tone_style style,
            char out[VN_SYL_MAX * 4 + 1])
{
  struct vn_syllable a, b;
  char mid[VN_SYL_MAX * 4 + 1];

  if (!vn_syllable_parse (w, len, &a))
    return 0;
  compose (&a, style == VN_STYLE_OLD ? VN_STYLE_NEW : VN_STYLE_OLD, mid);
  if (!parse (mid, &b) || !b.valid)
    return 0;
  compose (&b, style, out);
  return 1;
}

static int
same_parse (const struct vn_syllable *a, const struct vn_syllable *b)
{
  size_t i;

  if (a->n != b->n || a->onset_len != b->onset_len
      || a->coda_len != b->coda_len || a->tone != b->tone
      || a->tone_at != b->tone_at || a->marks != b->marks
      || a->mixed != b->mixed || a->valid != b->valid)
    return 0;
  for (i = 0; i < a->n; i++)
    if (a->letter[i] != b->letter[i] || a->upper[i] != b->upper[i])
      return 0;
  return 1;
}

/* Failure counters for the aggregate checks, each showing its first few. */
enum
{
  A_PARSE, A_MARK, A_INDEX, A_COMPOSE, A_ROUND, A_UPPER, A_TITLE, A_NFD,
  A_COUNT
};
static const char *const agg_names[A_COUNT] = {
  "parse with valid=1", "tone, tone_at and marks as in the text",
  "tone index (old style) where the mark is", "compose (old) unchanged",
  "old -> new -> old unchanged", "UPPER CASE parses and round-trips",
  "Title case parses and round-trips", "NFD parses as NFC and composes to it"
};
static size_t agg_fail[A_COUNT];
static char agg_first[A_COUNT][5][160];

static void
fail_agg (int which, const char *w, const char *what)
{
  if (agg_fail[which] < 5)
    snprintf (agg_first[which][agg_fail[which]], sizeof agg_first[0][0],
              "%s: %s", w, what);
  agg_fail[which]++;
}

static void
report_agg (int which, size_t total)
{
  size_t i;

  ok (agg_fail[which] == 0, "all %zu syllables: %s (%zu failed)", total,
      agg_names[which], agg_fail[which]);
  for (i = 0; i < agg_fail[which] && i < 5; i++)
    printf ("#   %s\n", agg_first[which][i]);
}

static char *
chomp (char *s)
{
  size_t n = strlen (s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    s[--n] = '\0';
  return s;
}

static void
check_list (void)
{
  FILE *f = tap_open_data ("syllables.txt");
  char *line = NULL, buf[VN_SYL_MAX * 4 + 1], msg[120];
  size_t cap = 0, total = 0, unspelled = 0, differ = 0, i, covered = 0;
  int form;

  if (!f)
    {
      ok (0, "tests/data/syllables.txt is readable");
      return;
    }
  while (getline (&line, &cap, f) > 0)
    {
      struct spelled sp;
      struct vn_syllable syl, other;
      const char *w = chomp (line);

      if (*w == '\0')
        continue;
      total++;
      if (!spell (w, &sp))
        {
          unspelled++;
          continue;
        }
      if (!parse (w, &syl) || !syl.valid)
        {
          fail_agg (A_PARSE, w, "not a valid syllable");
          continue;
        }
      if (syl.n != sp.nletters || (int) syl.tone != sp.tone
          || syl.tone_at != sp.mark_at || syl.marks != sp.marks)
        {
          snprintf (msg, sizeof msg, "n=%zu tone=%d tone_at=%d marks=%d",
                    syl.n, (int) syl.tone, syl.tone_at, syl.marks);
          fail_agg (A_MARK, w, msg);
        }
      if (vn_syllable_tone_index (&syl, VN_STYLE_OLD) != sp.mark_at)
        {
          snprintf (msg, sizeof msg, "index %d, mark at %d",
                    vn_syllable_tone_index (&syl, VN_STYLE_OLD), sp.mark_at);
          fail_agg (A_INDEX, w, msg);
        }
      if (strcmp (compose (&syl, VN_STYLE_OLD, buf), w) != 0)
        fail_agg (A_COMPOSE, w, buf);
      if (strcmp (compose (&syl, VN_STYLE_NEW, buf), w) != 0)
        differ++;
      if (!round_trip (w, strlen (w), VN_STYLE_OLD, buf) || strcmp (buf, w))
        fail_agg (A_ROUND, w, buf);

      for (form = F_UPPER; form <= F_TITLE; form++)
        {
          const char *t = sp.text[form];
          int which = form == F_UPPER ? A_UPPER : A_TITLE, bad = 0;
          if (!vn_syllable_parse (t, sp.len[form], &other) || !other.valid
              || other.n != syl.n || other.tone_at != syl.tone_at)
            bad = 1;
          else
            for (i = 0; i < other.n; i++)
              if (other.letter[i] != syl.letter[i]
                  || other.upper[i] != (form == F_UPPER || i == 0))
                bad = 1;
          if (!bad && (vn_syllable_compose (&other, VN_STYLE_OLD, buf)
                       != sp.len[form]
                       || memcmp (buf, t, sp.len[form]) != 0))
            bad = 1;
          if (!bad && (!round_trip (t, sp.len[form], VN_STYLE_OLD, buf)
                       || strcmp (buf, t)))
            bad = 1;
          if (bad)
            fail_agg (which, w, t);
        }

      if (!vn_syllable_parse (sp.text[F_NFD], sp.len[F_NFD], &other)
          || !same_parse (&syl, &other)
          || strcmp (compose (&other, VN_STYLE_OLD, buf), w))
        fail_agg (A_NFD, w, "differs from NFC");
    }
  free (line);
  fclose (f);

  ok (total > 15000 && unspelled == 0,
      "tests/data/syllables.txt: %zu syllables, %zu with a letter the test "
      "does not know", total, unspelled);
  for (i = A_PARSE; i < A_COUNT; i++)
    report_agg ((int) i, total);
  printf ("# %zu syllables are written differently in the new style\n",
          differ);
  for (i = 0; i < nletters; i++)
    covered += seen_letter[i];
  ok (covered == nletters, "the list uses all %zu letters (%zu seen), so "
      "each table entry is checked in lower, upper and NFD form", nletters,
      covered);
}

static void
check_pairs (void)
{
  FILE *f = tap_open_data ("tone-pairs.tsv");
  char *line = NULL, buf[VN_SYL_MAX * 4 + 1];
  size_t cap = 0, total = 0, to_new = 0, to_old = 0, moved = 0;
  int shown = 0;

  if (!f)
    {
      ok (0, "tests/data/tone-pairs.tsv is readable");
      return;
    }
  while (getline (&line, &cap, f) > 0)
    {
      char *old = chomp (line), *new = strchr (old, '\t');
      struct vn_syllable a, b;
      if (!new)
        continue;
      *new++ = '\0';
      total++;
      if (parse (old, &a) && a.valid
          && !strcmp (compose (&a, VN_STYLE_NEW, buf), new))
        to_new++;
      else if (shown++ < 5)
        printf ("#   %s -> new gave %s, want %s\n", old, buf, new);
      if (parse (new, &b) && b.valid
          && !strcmp (compose (&b, VN_STYLE_OLD, buf), old))
        to_old++;
      else if (shown++ < 5)
        printf ("#   %s -> old gave %s, want %s\n", new, buf, old);
      /* Each pair is one of the rimes oa, oe, uy, whose mark moves by one
         letter; in the style it is written in, it is where it belongs. */
      if (parse (old, &a) && parse (new, &b)
          && vn_syllable_tone_index (&a, VN_STYLE_OLD) == a.tone_at
          && vn_syllable_tone_index (&b, VN_STYLE_NEW) == b.tone_at
          && b.tone_at == a.tone_at + 1)
        moved++;
    }
  free (line);
  fclose (f);
  ok (total == 69, "tests/data/tone-pairs.tsv has the 69 pairs (%zu)", total);
  ok (to_new == total, "all %zu pairs: old -> new exact (%zu)", total, to_new);
  ok (to_old == total, "all %zu pairs: new -> old exact (%zu)", total, to_old);
  ok (moved == total, "all %zu pairs: the mark moves one letter on (%zu)",
      total, moved);
}

/* Named cases. */
static void
fixes (const char *in, enum vn_tone_style style, const char *want)
{
  struct vn_syllable syl;
  char buf[VN_SYL_MAX * 4 + 1] = "(no syllable)";

  if (parse (in, &syl))
    compose (&syl, style, buf);
  ok_str (buf, want, "%s -> %s (%s style)", in, want,
          style == VN_STYLE_OLD ? "old" : "new");
}

static void
rejects_shown (const char *in, const char *shown, const char *why)
{
  struct vn_syllable syl;
  ok (parse (in, &syl) == 0, "'%s' is no syllable (%s)", shown, why);
}

static void
rejects (const char *in, const char *why)
{
  rejects_shown (in, in, why);
}

static void
invalid (const char *in, const char *why)
{
  struct vn_syllable syl;
  ok (parse (in, &syl) == 1 && !syl.valid, "'%s' parses, valid=0 (%s)", in,
      why);
}

/* The tone goes on letter WANT in both styles. */
static void
tone_on (const char *in, int want, const char *why)
{
  struct vn_syllable syl;
  ok (parse (in, &syl) && syl.valid
      && vn_syllable_tone_index (&syl, VN_STYLE_OLD) == want
      && vn_syllable_tone_index (&syl, VN_STYLE_NEW) == want,
      "'%s': mark on letter %d in both styles (%s)", in, want, why);
}

static void
check_named (void)
{
  struct vn_syllable syl, nfd;
  char buf[VN_SYL_MAX * 4 + 1];

  /* Misplaced marks, CLEAN-TEXT.md section 5. */
  fixes ("lựơng", VN_STYLE_OLD, "lượng");
  fixes ("gìa", VN_STYLE_OLD, "già");
  fixes ("đaị", VN_STYLE_OLD, "đại");
  fixes ("hóa", VN_STYLE_OLD, "hóa");
  fixes ("hoá", VN_STYLE_OLD, "hóa");
  fixes ("hóa", VN_STYLE_NEW, "hoá");
  fixes ("qúy", VN_STYLE_OLD, "quý");
  fixes ("qúy", VN_STYLE_NEW, "quý");
  fixes ("HOÀ", VN_STYLE_OLD, "HÒA");
  fixes ("Hoà", VN_STYLE_OLD, "Hòa");
  fixes ("khoẻ", VN_STYLE_OLD, "khỏe");
  fixes ("thủy", VN_STYLE_NEW, "thuỷ");
  fixes ("già", VN_STYLE_NEW, "già");
  fixes ("gịa", VN_STYLE_NEW, "giạ");
  fixes ("hòan", VN_STYLE_OLD, "hoàn");
  fixes ("túyt", VN_STYLE_NEW, "tuýt");
  fixes ("thủơ", VN_STYLE_OLD, "thuở");
  fixes ("ngừơi", VN_STYLE_OLD, "người");
  fixes ("tíên", VN_STYLE_OLD, "tiến");
  fixes ("úông", VN_STYLE_NEW, "uống");
  fixes ("miá", VN_STYLE_NEW, "mía");
  fixes ("muá", VN_STYLE_NEW, "múa");
  fixes ("lưả", VN_STYLE_NEW, "lửa");
  fixes ("chaó", VN_STYLE_OLD, "cháo");
  fixes ("đâù", VN_STYLE_OLD, "đầu");
  fixes ("gưỉ", VN_STYLE_OLD, "gửi");
  fixes ("ngóai", VN_STYLE_OLD, "ngoái");
  fixes ("khủyu", VN_STYLE_OLD, "khuỷu");
  fixes ("NGỪƠI", VN_STYLE_OLD, "NGƯỜI");
  /* NFD: u, horn, grave, o, horn: the mark on ư, moved to ơ. */
  fixes ("ngu\xcc\x9b\xcc\x80o\xcc\x9bi", VN_STYLE_OLD, "người");

  tone_on ("ngoằn", 3, "ă has a breve");
  tone_on ("ngoẹo", 3, "three vowels: the middle");
  tone_on ("ngoại", 3, "three vowels: the middle");
  tone_on ("khuỷu", 3, "three vowels: the middle");
  tone_on ("quý", 2, "qu is the onset");
  tone_on ("quốc", 2, "qu + ôc");
  tone_on ("giữa", 2, "gi + ưa");
  tone_on ("xoóng", 2, "two vowels and a final: the second");

  ok (parse ("gìn", &syl) && syl.valid && syl.onset_len == 1
      && syl.tone_at == 1 && vn_syllable_tone_index (&syl, VN_STYLE_OLD) == 1,
      "'gìn' is g + in, the mark on i");
  ok (parse ("gì", &syl) && syl.valid && syl.onset_len == 1,
      "'gì' is g + i, and valid");
  ok (parse ("già", &syl) && syl.onset_len == 2 && syl.coda_len == 0,
      "'già' is gi + a");
  ok (parse ("quốc", &syl) && syl.onset_len == 2 && syl.coda_len == 1,
      "'quốc' is qu + ôc");
  ok (parse ("nghiêng", &syl) && syl.valid && syl.n == 7
      && syl.onset_len == 3 && syl.coda_len == 2,
      "'nghiêng': 7 letters, ngh + iêng");
  ok (parse ("người", &syl) && syl.coda_len == 1
      && syl.letter[2] == 0x1B0 && syl.letter[3] == 0x1A1,
      "'người': letters ư ơ, final i");

  ok (parse ("hóá", &syl) && syl.marks == 2 && !syl.mixed && !syl.valid
      && syl.tone == VN_TONE_ACUTE && syl.tone_at == 1,
      "'hóá': two marks counted, not valid");
  ok (parse ("hóà", &syl) && syl.marks == 2 && syl.mixed && !syl.valid,
      "'hóà': two different marks are mixed");
  ok (parse ("hóá", &syl) && !strcmp (compose (&syl, VN_STYLE_OLD, buf),
                                      "hóa"),
      "a doubled mark composes once");
  ok (parse ("to\xcc\x81\xcc\x81", &syl) && syl.marks == 2,
      "a combining mark doubled is counted too");
  ok (parse ("ta\xcc\xa3\xcc\x82n", &nfd) && parse ("tận", &syl)
      && same_parse (&syl, &nfd),
      "NFD a + dot below + hat is ậ (tận)");
  ok (parse ("ta\xcc\x82\xcc\xa3n", &nfd) && parse ("tận", &syl)
      && same_parse (&syl, &nfd),
      "a + hat + dot below (not canonical order) is ậ too");
  ok (parse ("ê\xcc\x81", &nfd) && parse ("ế", &syl)
      && same_parse (&syl, &nfd),
      "ê + combining acute is ế");
  ok (parse ("Hòa", &syl) && syl.upper[0] && !syl.upper[1]
      && !strcmp (compose (&syl, VN_STYLE_NEW, buf), "Hoà"),
      "title case kept in compose");
  ok (parse ("the", &syl) && syl.valid && parse ("ban", &syl) && syl.valid,
      "'the' and 'ban' are Vietnamese shapes");

  invalid ("bàt", "stop final with huyền");
  invalid ("bat", "stop final with no mark");
  invalid ("ce", "c before e");
  invalid ("ka", "k before a");
  invalid ("gha", "gh before a");
  invalid ("ge", "g before e");
  invalid ("ngi", "ng before i");
  invalid ("nghy", "no ngh before y");
  invalid ("cuy", "/kw/ is written qu");
  invalid ("qa", "q without u");
  invalid ("iên", "iê with no onset is yê");
  invalid ("quim", "no qu + im");
  invalid ("gioa", "no glide after gi");

  rejects ("street", "English");
  rejects ("have", "English");
  rejects ("online", "English");
  rejects ("iPhone", "mixed case");
  rejects ("McDonald", "mixed case");
  rejects ("tRiển", "mixed case");
  rejects ("HĐND", "acronym");
  rejects ("TPHCM", "acronym");
  rejects ("UBND", "acronym");
  rejects ("Nguyen", "uyen needs ê");
  rejects ("2020", "digits");
  rejects ("H5N1", "digits");
  rejects ("café", "f");
  rejects ("Guðrún", "eth");
  rejects ("fan", "f");
  rejects ("jazz", "j and z");
  rejects ("web", "w");
  rejects ("zalo", "z");
  rejects ("nghiêngngoai", "12 letters");
  rejects ("gh\xd0\xb0", "a Cyrillic a");
  rejects ("Đắk", "final k");
  rejects ("", "empty");
  rejects_shown ("\xcc\x81" "a", "U+0301 a", "a mark before any letter");
  rejects_shown ("m\xcc\x81", "m U+0301", "a tone mark on a consonant");
  rejects_shown ("o\xcc\x82\xcc\x82", "o U+0302 U+0302", "two hats");
  rejects_shown ("\xe1\xbb", "\\xe1\\xbb", "truncated UTF-8");
  rejects_shown ("ho\xc3", "ho\\xc3", "truncated UTF-8 at the end");
  rejects_shown ("\xc3\xa0\xff", "à\\xff", "invalid byte");
  rejects ("ñ", "ñ is no Vietnamese letter");
  rejects ("ă", "ă has no rime alone");
}

int
main (void)
{
  build_letters ();
  ok (nletters == 12 * 6 + 17, "the test knows %zu letters", nletters);
  check_list ();
  check_pairs ();
  check_named ();
  return tap_done ();
}
