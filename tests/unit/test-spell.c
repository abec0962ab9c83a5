/* test-spell.c -- unit test of the spelling candidates (lib/spell.c): each
   kind of slip undone, the flags, variants never offered, costs */
#include <config.h>
#include <string.h>
#include "ngram.h"
#include "spell.h"
#include "tap.h"

static const struct vn_ngram *m;

/* Words, the candidate each must have, at what cost (-1: none). */
static const struct
{
  const char *w;
  int flags;
  const char *cand;
  int cost;
  const char *what;
} slips[] = {
  {"hửu", 0, "hữu", VN_SPELL_HOI_NGA, "hỏi/ngã"},
  {"nổ", 0, "nỗ", VN_SPELL_HOI_NGA, "hỏi/ngã"},
  {"trưc", 0, "trực", VN_SPELL_TONE, "a tone"},
  {"khần", 0, "khẩn", VN_SPELL_TONE, "a tone"},
  {"xứ", 0, "xử", VN_SPELL_TONE, "a tone"},
  {"lương", 0, "lượng", VN_SPELL_TONE, "a tone"},
  {"chận", 0, "chặn", VN_SPELL_TONE, "a tone"},
  {"thưc", 0, "thực", VN_SPELL_TONE, "a tone"},
  {"tiêp", 0, "tiếp", VN_SPELL_TONE, "a tone"},
  {"đươc", 0, "được", VN_SPELL_TONE, "a tone"},
  {"xản", 0, "sản", VN_SPELL_ONSET, "s/x"},
  {"chiển", 0, "triển", VN_SPELL_ONSET, "ch/tr"},
  {"dải", 0, "giải", VN_SPELL_ONSET, "d/gi"},
  {"lội", 0, "nội", VN_SPELL_ONSET, "l/n"},
  {"dến", 0, "đến", VN_SPELL_ONSET, "d/đ"},
  {"xứ", 0, "sự", VN_SPELL_TWO, "an onset and a tone"},
  {"dươc", 0, "được", VN_SPELL_TWO, "a stroke and a tone"},
  {"đựoc", 0, "được", VN_SPELL_HAT, "a horn lost, the mark where it goes"},
  {"chiêng", 0, "chiên", VN_SPELL_FINAL, "ng/n"},
  {"thươngg", 0, "thương", VN_SPELL_DOUBLED, "a letter typed twice"},
  {"ngòia", 0, "ngoài", VN_SPELL_SWAP, "letters swapped"},
  {"xúât", VN_SPELL_WIDE, "xuất", -1,
   "a misplaced mark is no slip (xúât is xuất: vn-tones's)"},
  {"đườn", 0, "đường", VN_SPELL_FINAL, "a final n/ng"},
  {"đườn", VN_SPELL_WIDE, "đường", VN_SPELL_FINAL,
   "the lowest of two costs (a g dropped costs more)"},
  {"tiếo", 0, "tiếp", -1, "no letter at random without VN_SPELL_WIDE"},
  {"tiếo", VN_SPELL_WIDE, "tiếp", VN_SPELL_OTHER, "any letter"},
  {"thườnng", VN_SPELL_DOUBLES, "thường", VN_SPELL_DOUBLED,
   "seven letters, one typed twice"},
  {"sỹ", VN_SPELL_WIDE, "sĩ", -1, "no accepted i/y variant"},
  {"hy", 0, "hi", -1, "no accepted i/y variant"},
  {"lý", 0, "lí", -1, "no accepted i/y variant"},
};

static size_t
count (const char *w, int flags)
{
  struct vn_spell_cand v[VN_SPELL_MAX];
  return vn_spell_candidates (m, w, strlen (w), flags, v);
}

/* The cost of CAND among the candidates of W with FLAGS, or -1. */
static int
cost_of (const char *w, int flags, const char *cand)
{
  struct vn_spell_cand v[VN_SPELL_MAX];
  size_t n = vn_spell_candidates (m, w, strlen (w), flags, v), i;

  for (i = 0; i < n; i++)
    if (v[i].id == vn_ngram_id (m, cand, strlen (cand)))
      return v[i].cost;
  return -1;
}

int
main (void)
{
  struct vn_spell_cand v[VN_SPELL_MAX];
  size_t n, i;
  int self = 0;

  m = vn_ngram_default ();

  /* The slips of CLEAN-TEXT.md section 5 and issue 6, undone. */
  for (i = 0; i < sizeof slips / sizeof slips[0]; i++)
    ok (cost_of (slips[i].w, slips[i].flags, slips[i].cand) == slips[i].cost,
        "%s: %s -> %s", slips[i].what, slips[i].w, slips[i].cand);

  /* The flags narrow the search. */
  ok (cost_of ("thươngg", VN_SPELL_DOUBLES, "thương") == VN_SPELL_DOUBLED
      && count ("thươngg", VN_SPELL_DOUBLES) == 1,
      "VN_SPELL_DOUBLES: only a doubled letter or a hat");
  ok (count ("hinh", VN_SPELL_TONES) > 0
      && cost_of ("hinh", VN_SPELL_TONES, "hình") == VN_SPELL_TONE
      && cost_of ("hinh", VN_SPELL_TONES, "linh") < 0,
      "VN_SPELL_TONES: only the tone");
  ok (count ("hinh", VN_SPELL_WIDE) > count ("hinh", 0)
      && count ("hinh", 0) > count ("hinh", VN_SPELL_TONES),
      "wide > default > tones");

  /* Never the word itself, never an i/y variant, never an unknown word. */
  n = vn_spell_candidates (m, "xử", strlen ("xử"), VN_SPELL_WIDE, v);
  for (i = 0; i < n; i++)
    self |= v[i].id == vn_ngram_id (m, "xử", strlen ("xử"));
  ok (n > 0 && !self, "a word is no candidate of itself");
  ok (cost_of ("sỹ", 0, "sử") == VN_SPELL_TONE + 0
      || cost_of ("sỹ", 0, "sử") < 0, "other neighbours of sỹ may be");
  ok (count ("", 0) == 0 && count ("iphone", 0) == 0 && count ("123", 0) == 0
      && count ("Москва", 0) == 0, "no letters of Vietnamese: nothing");
  ok (count ("nghiêngg", VN_SPELL_WIDE) == 0,
      "eight letters are no word to correct");
  ok (count ("aaaaaaaaaaaaaaaaaa", VN_SPELL_WIDE) == 0,
      "a long run of letters: nothing");
  return tap_done ();
}
