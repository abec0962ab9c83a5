/* test-spell.c -- unit test of the spelling candidates (lib/spell.c): each
   kind of slip undone, the flags, variants never offered, costs */
#include <config.h>
#include <string.h>
#include "ngram.h"
#include "spell.h"
#include "tap.h"

static const struct vn_ngram *m;

/* The cost of CAND among the candidates of W with FLAGS, or -1. */
static int
cost_of (const char *w, int flags, const char *cand)
{
  struct vn_spell_cand v[VN_SPELL_MAX];
  size_t n = vn_spell_candidates (m, w, strlen (w), flags, v), i;
  uint32_t id = vn_ngram_id (m, cand, strlen (cand));

  for (i = 0; i < n; i++)
    if (v[i].id == id)
      return v[i].cost;
  return -1;
}

static size_t
count (const char *w, int flags)
{
  struct vn_spell_cand v[VN_SPELL_MAX];
  return vn_spell_candidates (m, w, strlen (w), flags, v);
}

int
main (void)
{
  struct vn_spell_cand v[VN_SPELL_MAX];
  size_t n, i;
  int self = 0;

  m = vn_ngram_default ();

  /* The slips of CLEAN-TEXT.md section 5 and issue 6, undone. */
  ok (cost_of ("hửu", 0, "hữu") == VN_SPELL_HOI_NGA, "hỏi/ngã: hửu -> hữu");
  ok (cost_of ("nổ", 0, "nỗ") == VN_SPELL_HOI_NGA, "hỏi/ngã: nổ -> nỗ");
  ok (cost_of ("trưc", 0, "trực") == VN_SPELL_TONE, "a tone: trưc -> trực");
  ok (cost_of ("khần", 0, "khẩn") == VN_SPELL_TONE, "a tone: khần -> khẩn");
  ok (cost_of ("xứ", 0, "xử") == VN_SPELL_TONE, "a tone: xứ -> xử");
  ok (cost_of ("lương", 0, "lượng") == VN_SPELL_TONE,
      "a tone: lương -> lượng");
  ok (cost_of ("chận", 0, "chặn") == VN_SPELL_TONE, "a tone: chận -> chặn");
  ok (cost_of ("xản", 0, "sản") == VN_SPELL_ONSET, "s/x: xản -> sản");
  ok (cost_of ("chiển", 0, "triển") == VN_SPELL_ONSET,
      "ch/tr: chiển -> triển");
  ok (cost_of ("dải", 0, "giải") == VN_SPELL_ONSET, "d/gi: dải -> giải");
  ok (cost_of ("lội", 0, "nội") == VN_SPELL_ONSET, "l/n: lội -> nội");
  ok (cost_of ("dến", 0, "đến") == VN_SPELL_ONSET, "d/đ: dến -> đến");
  ok (cost_of ("xứ", 0, "sự") == VN_SPELL_TWO, "an onset and a tone: xứ -> sự");
  ok (cost_of ("thưc", 0, "thực") == VN_SPELL_TONE, "thưc -> thực");
  ok (cost_of ("dươc", 0, "được") == VN_SPELL_TWO,
      "a stroke and a tone: dươc -> được");
  ok (cost_of ("đươc", 0, "được") == VN_SPELL_TONE, "đươc -> được");
  ok (cost_of ("đựoc", 0, "được") == VN_SPELL_HAT,
      "a horn lost, the mark where it goes: đựoc -> được");
  ok (cost_of ("tiêp", 0, "tiếp") == VN_SPELL_TONE, "tiêp -> tiếp");
  ok (cost_of ("chiêng", 0, "chiên") == VN_SPELL_FINAL, "ng/n: chiêng -> chiên");
  ok (cost_of ("thươngg", 0, "thương") == VN_SPELL_DOUBLED,
      "a letter typed twice: thươngg -> thương");
  ok (cost_of ("ngòia", 0, "ngoài") == VN_SPELL_SWAP,
      "letters swapped: ngòia -> ngoài");
  ok (cost_of ("xúât", VN_SPELL_WIDE, "xuất") < 0,
      "a misplaced mark is no slip (xúât is xuất: vn-tones's)");
  ok (cost_of ("đườn", VN_SPELL_WIDE, "đường") == VN_SPELL_FINAL
      && cost_of ("đườn", 0, "đường") == VN_SPELL_FINAL,
      "the lowest cost of two ways: đườn -> đường, a final n/ng or a g "
      "dropped");
  ok (cost_of ("tiếo", VN_SPELL_WIDE, "tiếp") == VN_SPELL_OTHER
      && cost_of ("tiếo", 0, "tiếp") < 0,
      "any letter only with VN_SPELL_WIDE: tiếo -> tiếp");

  /* The flags narrow the search. */
  ok (cost_of ("thươngg", VN_SPELL_DOUBLES, "thương") == VN_SPELL_DOUBLED
      && count ("thươngg", VN_SPELL_DOUBLES) == 1,
      "VN_SPELL_DOUBLES: only the doubled letter");
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
  ok (cost_of ("sỹ", VN_SPELL_WIDE, "sĩ") < 0 && cost_of ("hy", 0, "hi") < 0
      && cost_of ("lý", 0, "lí") < 0, "accepted i/y variants are not offered");
  ok (cost_of ("sỹ", 0, "sử") == VN_SPELL_TONE + 0
      || cost_of ("sỹ", 0, "sử") < 0, "other neighbours of sỹ may be");
  ok (count ("", 0) == 0 && count ("iphone", 0) == 0 && count ("123", 0) == 0
      && count ("Москва", 0) == 0, "no letters of Vietnamese: nothing");
  ok (cost_of ("thườnng", VN_SPELL_DOUBLES, "thường") == VN_SPELL_DOUBLED,
      "seven letters, one typed twice: thườnng -> thường");
  ok (count ("nghiêngg", VN_SPELL_WIDE) == 0,
      "eight letters are no word to correct");
  ok (count ("aaaaaaaaaaaaaaaaaa", VN_SPELL_WIDE) == 0,
      "a long run of letters: nothing");
  return tap_done ();
}
