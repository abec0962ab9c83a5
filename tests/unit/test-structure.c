/* test-structure.c -- unit test of what the structure filters share
   (lib/structure.c): folding, sentences, photo credits and the cut that
   removes them, byline and residue kinds, repetition, the cue lists and
   their loader */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "structure.h"
#include "tap.h"

static int
sentences (const char *s)
{
  return vn_sentences (s, strlen (s), 9);
}

/* The line S with its credit cut out, as vn-captions writes it. */
static const char *
cut (const char *s)
{
  static char out[512];
  struct vn_credit c;
  size_t n = strlen (s);

  if (!vn_credit_find (s, n, &c))
    return "(none)";
  snprintf (out, sizeof out, "%.*s%s", (int) c.cut_off, s,
            s + c.cut_off + c.cut_len);
  return out;
}

static const char *
credit (const char *s)
{
  static char out[256];
  struct vn_credit c;

  if (!vn_credit_find (s, strlen (s), &c))
    return "(none)";
  snprintf (out, sizeof out, "%.*s", (int) c.len, s + c.off);
  return out;
}

static enum vn_byline
byline (const char *s)
{
  return vn_byline_kind (s, strlen (s), NULL);
}

static enum vn_residue
residue (const char *s)
{
  return vn_residue_kind (s, strlen (s));
}

static int
overlap (const char *a, const char *b)
{
  struct vn_line ln = { 0 };
  const struct vn_line *p = &ln;

  ln.text = b;
  ln.len = strlen (b);
  return vn_overlap (a, strlen (a), &p, 1, NULL);
}

int
main (void)
{
  char buf[64];
  struct vn_credit c;
  int w;
  const char *text;
  size_t len;

  vn_cues_acquire ();

  /* Folding keeps the length and lowers the letters Vietnamese writes. */
  len = strlen ("ĐẠI HỘI Ưu Tú");
  vn_fold ("ĐẠI HỘI Ưu Tú", len, buf);
  ok_mem (buf, len, "đại hội ưu tú", len,
          "fold: Đ, dotted and horned capitals");
  ok (vn_upper_at ("Ảnh", 4) && !vn_upper_at ("ảnh", 4)
      && !vn_upper_at ("1", 1), "upper case: Ả yes, ả and 1 no");
  ok (vn_chars ("Đà Nẵng", strlen ("Đà Nẵng")) == 7, "characters, not bytes");
  {
    /* Long enough to be counted sixteen bytes at a time, and past the
       4,080 bytes after which the counts of the lanes are summed (every
       other lane meets a continuation byte in every block). */
    static char big[3600 * 2 + 1];
    for (int k = 0; k < 3600; k++)
      memcpy (big + 2 * k, "Đ", 2);
    ok (vn_chars (big, 3600 * 2) == 3600 && vn_chars (big, 4095) == 2048,
        "characters of a long text, and of one that ends inside a letter");
  }

  /* Sentences: abbreviations and initials end none. */
  ok (sentences ("Một câu.") == 1, "one sentence");
  ok (sentences ("Câu một. Câu hai! Câu ba?") == 3, "three sentences");
  ok (sentences ("Ông đến TP. Hồ Chí Minh hôm qua.") == 1,
      "TP. is an abbreviation");
  ok (sentences ("Bà Nguyễn Thị A. Phương phát biểu.") == 1,
      "an initial ends no sentence");
  ok (sentences ("Giá là 5.385 đồng. Tăng 3%.") == 2,
      "a number's dot is none");
  ok (sentences ("Không có dấu chấm") == 1, "a fragment is a sentence");
  ok (sentences ("Anh nói: \"Tôi đi.\" Rồi anh đi.") == 2,
      "a closing quote after the stop");
  ok (sentences ("Chờ đã... rồi sao") == 1, "an ellipsis before lower case");
  {
    /* A stop at every place in and around a block of sixteen bytes. */
    char t[80];
    int right = 0;
    for (int k = 1; k < 40; k++)
      {
        memset (t, 'a', k);
        strcpy (t + k, ". Bb cc dd ee ff gg hh ii kk. Cc");
        right += vn_sentences (t, strlen (t), 9) == 3;
      }
    ok (right == 39, "sentences ended at any place of a long line");
  }
  ok (vn_ends_sentence ("Xong.", 5) && vn_ends_sentence ("Xong.”", 8)
      && vn_ends_sentence ("(Xong.)", 7) && !vn_ends_sentence ("Xong", 4)
      && !vn_ends_sentence ("Hỏi:", 5), "ends a sentence");

  /* Photo credits, and what removing one takes. */
  ok_str (credit ("Quang cảnh buổi họp (Ảnh: VGP)."), "(Ảnh: VGP)",
          "credit in brackets");
  ok_str (cut ("Quang cảnh buổi họp (Ảnh: VGP)."), "Quang cảnh buổi họp.",
          "cut keeps the final stop");
  ok_str (cut ("Xong rồi. (Ảnh: CTV)"), "Xong rồi.", "after a full stop");
  ok_str (cut ("Xong rồi. (Ảnh: CTV)."), "Xong rồi.",
          "after a full stop, with its own dot");
  ok_str (cut ("Các đại biểu cắt băng - Ảnh: Phượng Lệ"),
          "Các đại biểu cắt băng", "a final credit after a dash");
  ok_str (cut ("Hết giờ. Ảnh: Reuters"), "Hết giờ.",
          "a final credit after a stop");
  ok_str (cut ("Ba người đã được cách ly. Ảnh minh họa."),
          "Ba người đã được cách ly.", "a final 'Ảnh minh họa.'");
  ok_str (cut ("Chiến hạm (ảnh minh họa từ Internet)."), "Chiến hạm.",
          "illustration credit in brackets, lower case");
  ok_str (cut ("Sau đó, (Ảnh: UEF) chúng tôi về."), "Sau đó, chúng tôi về.",
          "a credit inside the line");
  ok_str (cut ("(Nguồn: Bloomberg)"), "", "a line that is only a credit");
  ok (vn_credit_find ("Ảnh minh họa", strlen ("Ảnh minh họa"), &c) && c.whole,
      "'Ảnh minh họa' alone is whole");
  ok_str (credit ("Những bức ảnh: đẹp và buồn"), "(none)",
          "a sentence with 'ảnh:' is no credit");
  ok_str (credit ("Ảnh: Du khách được phép nhập cảnh Singapore từ ngày mai"),
          "(none)", "'Ảnh:' before a sentence is no final credit");

  /* Bylines. */
  ok (byline ("Trung Trực, Văn Đăng") == VN_BYLINE_AUTHOR, "two names");
  ok (byline ("N.T") == VN_BYLINE_AUTHOR
      && byline ("H.Long") == VN_BYLINE_AUTHOR
      && byline ("KM") == VN_BYLINE_AUTHOR, "initials");
  ok (byline ("Thu Hiền/VOV") == VN_BYLINE_AUTHOR, "name and outlet");
  ok (byline ("Minh PhươngTheo Reuters, NPR") == VN_BYLINE_AUTHOR,
      "name glued to its source");
  ok (byline ("Theo IFL Science") == VN_BYLINE_SOURCE, "Theo X");
  ok (byline ("(Tổng hợp)") == VN_BYLINE_SOURCE
      && byline ("Tổng hợp") == VN_BYLINE_SOURCE, "(Tổng hợp)");
  ok (byline ("VietnamNet/SCMP") == VN_BYLINE_SOURCE, "two outlets");
  ok (byline ("Ảnh: BTC") == VN_BYLINE_CREDIT, "photo credit line");
  ok (byline ("Công Bính") == VN_BYLINE_AUTHOR,
      "a pen name with one rarer syllable");
  ok (byline ("Pedro Gomez") == VN_BYLINE_MAYBE, "capitalized, not names");
  ok (byline ("Theo Thông tư 64/2017, người bán xe không phải thông báo.")
      == VN_BYLINE_NONE, "a sentence opening with Theo");
  ok (byline ("Đội hình thi đấu") == VN_BYLINE_NONE, "a heading");
  ok (byline ("VTV.vn - Mưa lớn gây ngập nhiều tuyến phố.") == VN_BYLINE_NONE,
      "a tagged sentence");

  /* Residue. */
  ok (residue ("Tin liên quan") == VN_RESIDUE_RELATED
      && residue ("TIN LIÊN QUAN:") == VN_RESIDUE_RELATED, "related heading");
  ok (residue ("Chia sẻ") == VN_RESIDUE_CUE && residue ("rx online")
      == VN_RESIDUE_CUE, "listed residue");
  ok (residue ("3") == VN_RESIDUE_NUMBER && residue ("1.234")
      == VN_RESIDUE_NUMBER, "a number alone");
  ok (residue ("1.234 lượt xem") == VN_RESIDUE_COUNT
      && residue ("Bình luận (12)") == VN_RESIDUE_COUNT, "counts");
  ok (residue (">> Giá xăng giảm mạnh") == VN_RESIDUE_LINK
      && residue ("Xem thêm: Giá xăng giảm mạnh") == VN_RESIDUE_LINK,
      "link lines");
  ok (residue ("Cuộc thi do báo tổ chức. Chi tiết tại đây.")
      == VN_RESIDUE_PROMO, "promo box");
  ok (residue ("lorem ipsum") == VN_RESIDUE_MAYBE, "foreign fragment");
  ok (residue ("Chia sẻ với PV, ông A cho biết.") == VN_RESIDUE_NONE
      && residue ("Xem thêm các quy định mới.") == VN_RESIDUE_NONE
      && residue ("chào bạn") == VN_RESIDUE_NONE, "text that only looks so");

  /* Repetition: content words of the first found in the second. */
  ok (overlap ("Khen thưởng các cá nhân, tập thể xuất sắc",
               "Dịp này, UBND quận tặng giấy khen cho nhiều tập thể, cá nhân "
               "có thành tích xuất sắc.") >= 50, "a caption repeats");
  ok (overlap ("Giá vàng tăng mạnh", "Trời hôm nay mưa to ở Hà Nội.") == 0,
      "unrelated lines");
  ok (overlap ("Tàu ngầm mất tích", "tàu ngầm MẤT tích") == 75,
      "the case of a first letter is ignored, other capitals count");

  /* Cues: the longest phrase wins; weight 0 blocks a shorter one. */
  len = vn_cue_at (VN_CUE_CAPTION, "trao đổi", strlen ("trao đổi"), 0, &w,
                   &text);
  ok (len && w == 0, "'trao đổi' blocks 'trao'");
  len = vn_cue_at (VN_CUE_CAPTION, "trao quà", strlen ("trao quà"), 0, &w,
                   &text);
  ok (len == 4 && w == 2, "'trao' is a cue of weight 2");
  len = vn_cue_at (VN_CUE_CAPTION, "(trái)", strlen ("(trái)"), 1, &w, &text);
  ok (len == strlen ("(trái)"), "a cue in brackets");
  ok (vn_cue_word (VN_CUE_NAME, "Hiền", strlen ("Hiền"))
      && vn_cue_word (VN_CUE_SURNAME, "Nguyễn", strlen ("Nguyễn")),
      "name lists");
  ok (vn_cue_whole (VN_CUE_OUTLET, "reuters", 7), "outlets in any case");

  /* The loader: rows added, errors with file and line. */
  ok (vn_cues_load_text ("t1", "caption\tchụp hình\t2\n# note\n\n", 26) == 0,
      "a good row");
  len = vn_cue_at (VN_CUE_CAPTION, "chụp hình", strlen ("chụp hình"), 0, &w,
                   &text);
  ok (len && w == 2, "the row is a cue");
  ok (vn_cues_load_text ("t2", "caption\tx\t10\n", 13) < 0, "weight 10");
  ok (vn_cues_load_text ("t3", "name\tAn\t1\n", 10) < 0, "weight on a name");
  ok (vn_cues_load_text ("t4", "nokind\tx\n", 9) < 0, "unknown kind");
  ok (vn_cues_load_text ("t5", "caption\n", 8) < 0, "no phrase");
  ok (vn_cues_load_text ("t6", "caption\t\xff\n", 10) < 0, "bad UTF-8");

  vn_cues_release ();
  return tap_done ();
}
