/* structure.h -- what vn-captions, vn-bylines and vn-boilerplate share:
   the cue lists, words and sentences of a line, photo credits, bylines,
   web residue, and how much two lines say the same */
#ifndef VN_STRUCTURE_H
#define VN_STRUCTURE_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "fixer.h"

/* ---------------------------------------------------------------------- */
/* Cue lists (data/structure-cues.tsv, data/names.tsv, data/stopwords.txt,
   and the files of --cues)                                               */

enum vn_cue_kind
{
  VN_CUE_CAPTION,       /* in a line: evidence of a caption (weight) */
  VN_CUE_CAPTION_START, /* opening a line: evidence of a caption */
  VN_CUE_BODY_START,    /* opening a line: a connective (negative weight) */
  VN_CUE_BODY,          /* in a line: speech, first person (negative) */
  VN_CUE_CREDIT,        /* the word of a photo credit: Ảnh, Nguồn */
  VN_CUE_OUTLET,        /* a news outlet or agency (any case) */
  VN_CUE_SOURCE,        /* a whole byline naming the source: Tổng hợp */
  VN_CUE_RESIDUE,       /* a whole line of web residue (any case) */
  VN_CUE_RELATED,       /* residue heading a list of related headlines */
  VN_CUE_COUNTER,       /* the word of a view or share count */
  VN_CUE_LINK,          /* the call ending a link box (any case) */
  VN_CUE_ABBREV,        /* a word whose dot ends no sentence */
  VN_CUE_NAME,          /* a syllable of Vietnamese given names */
  VN_CUE_SURNAME,       /* a Vietnamese surname */
  VN_CUE_STOP,          /* a syllable too common to count as content */
  VN_CUE_NKINDS
};

/* The lists are one table for the whole process, built from the lists
   compiled in when the first structure fixer is created and freed with the
   last one; --cues given to any of the three filters adds to it (so that
   vn-clean, which runs all three, reads a file once).  Return 0, or -1
   after printing FILE:LINE: what is wrong. */
void vn_cues_acquire (void);
void vn_cues_release (void);
int vn_cues_load_file (const char *path);

/* Parse cues from TEXT[0..N), read from NAME (for messages). */
int vn_cues_load_text (const char *name, const char *text, size_t n);

/* Whether S[0..N) is a one-word cue of KIND (names, stop words, abbrev,
   credit, source): exact bytes, except stop words, compared folded. */
int vn_cue_word (enum vn_cue_kind kind, const char *s, size_t n);

/* Whether S[0..N) as a whole is a cue of KIND, case folded (outlets,
   residue, link calls). */
int vn_cue_whole (enum vn_cue_kind kind, const char *s, size_t n);

/* The longest cue of KIND that starts at S[AT] (a word start, or the '('
   of a phrase like "(trái)") and ends on a word boundary in S[0..N): its
   byte length, with its weight and text in *WEIGHT and *TEXT; 0 if none. */
size_t vn_cue_at (enum vn_cue_kind kind, const char *s, size_t n, size_t at,
                  int *weight, const char **text);

/* Append printf-style text to B. */
void vn_sbuf_printf (struct vn_buf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* A cue found in a line (vn_tokens_cues). */
struct vn_cue_hit
{
  enum vn_cue_kind kind;
  size_t off, len;
  int weight;
  const char *text;
};

/* ---------------------------------------------------------------------- */
/* Characters, words and sentences                                        */

/* Lower-case S[0..N) into OUT (ASCII and the Latin letters Vietnamese
   writes, which keep their length in UTF-8); return OUT. */
char *vn_fold (const char *s, size_t n, char *out);

/* Whether the character at S[0..N) is an upper-case letter. */
int vn_upper_at (const char *s, size_t n);

/* Whether the byte run at S[I] belongs to a word (a letter, a digit, a
   mark): ASCII letters and digits, and every non-ASCII character except
   the punctuation of U+00A0..U+00BF and U+2000..U+206F. */
int vn_word_char_at (const char *s, size_t n, size_t i, size_t *len);

/* The end of the word starting at S[I]: the next byte that is no word
   character. */
size_t vn_word_end (const char *s, size_t n, size_t i);

/* Sentences in S[0..N): a '.', '!', '?' or '…' ends one when the line
   ends there or a space and an upper-case letter (or an opening quote)
   follow, except after an abbreviation or an initial (TP., A.).  Counting
   stops at MAX (then MAX + 1 may be returned). */
int vn_sentences (const char *s, size_t n, int max);

/* Whether S[0..N) ends a sentence: its last character, closing quotes
   and brackets aside, is '.', '!', '?' or '…'. */
int vn_ends_sentence (const char *s, size_t n);

/* The characters of S[0..N) (UTF-8 lead bytes; fast, for lengths). */
size_t vn_chars (const char *s, size_t n);

/* S[0..N) without the white space at both ends. */
void vn_trim (const char **s, size_t *n);

/* ---------------------------------------------------------------------- */
/* Photo credits                                                          */

struct vn_credit
{
  size_t off, len;      /* the credit itself: "(Ảnh: UEF)", "Ảnh: Reuters" */
  size_t cut_off, cut_len;      /* what removing it takes: the space and
                                   dash before it, its own final dot when
                                   a sentence ended before it */
  int trailing;         /* nothing but punctuation follows it */
  int whole;            /* the line is the credit and nothing else */
};

/* Find the last photo credit in S[0..N): "(Ảnh: X)", "(ảnh minh họa)",
   "(Nguồn: X)", a final "Ảnh: Reuters" or "- Ảnh: X" (a name, not a
   sentence), a final "Ảnh minh họa".  Return 1 and fill *C, or 0. */
int vn_credit_find (const char *s, size_t n, struct vn_credit *c);

/* ---------------------------------------------------------------------- */
/* Bylines and residue                                                    */

enum vn_byline
{
  VN_BYLINE_NONE,
  VN_BYLINE_AUTHOR,     /* Trung Trực, Văn Đăng; N.T; Thu Hiền/VOV */
  VN_BYLINE_SOURCE,     /* Theo IFL Science; (Tổng hợp); VietnamNet/SCMP */
  VN_BYLINE_CREDIT,     /* Ảnh: BTC (the photographer, at the end) */
  VN_BYLINE_MAYBE       /* short and capitalized, but not all names */
};

/* What the line S[0..N) is as a byline, with the evidence appended to WHY
   (may be NULL). */
enum vn_byline vn_byline_kind (const char *s, size_t n, struct vn_buf *why);

enum vn_residue
{
  VN_RESIDUE_NONE,
  VN_RESIDUE_CUE,       /* Chia sẻ, Bình luận, rx online */
  VN_RESIDUE_RELATED,   /* Tin liên quan, Xem thêm: headlines follow */
  VN_RESIDUE_NUMBER,    /* 3 */
  VN_RESIDUE_COUNT,     /* 1.234 lượt xem, Bình luận (12) */
  VN_RESIDUE_LINK,      /* >> a headline; Xem thêm: a headline */
  VN_RESIDUE_PROMO,     /* ... Chi tiết tại đây. */
  VN_RESIDUE_NOTICE,    /* * Mọi ý kiến ... gửi về hộp thư: x@y.vn */
  VN_RESIDUE_MAYBE      /* a short fragment of lower-case non-Vietnamese */
};

/* What the line S[0..N) is as web residue, by itself. */
enum vn_residue vn_residue_kind (const char *s, size_t n);

/* The source tag opening S[0..N) ((CAO), TTO -, (Dân trí) -): the length
   to remove with the spaces after it, or 0. */
size_t vn_source_tag (const char *s, size_t n);

/* Whether S[0..N) reads like a headline: no final punctuation, an
   upper-case start, not too long (for related-article lists). */
int vn_headline_like (const char *s, size_t n);

/* ---------------------------------------------------------------------- */
/* Repetition                                                             */

enum { VN_MAX_CONTENT = 64 };

/* The words of a line as tokens (runs between ASCII spaces and
   punctuation, quotes and dashes trimmed), each keyed when first needed:
   a line compared with several neighbours is cut up once. */
struct vn_token
{
  uint32_t off;
  uint16_t len;         /* (a longer token is cut: no word is that long) */
  unsigned char shape;  /* 0..63, of its first byte and length */
  unsigned char keyed;
  uint64_t key;         /* its key (the case of its first letter
                           ignored), once KEYED */
};

struct vn_tokens
{
  const char *text;
  size_t len;
  struct vn_token *v;
  size_t n, cap;
};

void vn_tokens_fill (struct vn_tokens *t, const char *s, size_t n);
void vn_tokens_free (struct vn_tokens *t);

/* The cues of the KINDS (a bit mask of 1 << kind) among the words of T:
   at each word, the longest cue of each kind starting there; a word
   inside a cue found starts none.  Return how many, at most MAX. */
size_t vn_tokens_cues (const struct vn_tokens *t, unsigned kinds,
                       struct vn_cue_hit *hits, size_t max);

/* The content words of T (not stop words, not numbers) as keys, sorted
   and unique, into WORDS (room for VN_MAX_CONTENT), and a filter of their
   shapes into *SHAPES; return how many. */
size_t vn_tokens_content (struct vn_tokens *t, uint64_t *words,
                          uint64_t *shapes);

/* The share of the NW content WORDS (with their SHAPES) found among the
   words of T, as a percentage; 0 for fewer than two words. */
int vn_tokens_overlap (const uint64_t *words, size_t nw, uint64_t shapes,
                       struct vn_tokens *t);

/* The largest share of the content words of S[0..N) found in one of the K
   lines OTHER[], with the index of that line in *WHICH (may be NULL). */
int vn_overlap (const char *s, size_t n, const struct vn_line *const *other,
                size_t k, size_t *which);

/* ---------------------------------------------------------------------- */
/* The options all three filters share                                    */

/* The fixer options --cues=FILE and --explain, and their handler (the
   second form is a fixer's set_option: the lists are the process's). */
extern const struct vn_fixer_option vn_structure_options[];
int vn_structure_set_option (const char *name, const char *arg);
int vn_structure_fixer_option (void *state, const char *name,
                               const char *arg);

/* The state of a structure fixer that needs no more: the lines of text of
   the document at hand and two buffers for reasons.  The lists are
   acquired with it and released with it. */
struct vn_structure_state
{
  size_t *text;         /* indices of the lines that are not blank */
  size_t cap;
  struct vn_buf why, scratch;
};
void *vn_structure_create (void);
void vn_structure_destroy (void *state);

/* The indices of the lines of LINES[0..N) that are not blank, into
   *INDEX (grown to *CAP as needed); return how many. */
size_t vn_text_lines (const struct vn_line *lines, size_t n, size_t **index,
                      size_t *cap);

/* Whether the reasons of the edits into E will be read: by --check, or
   printed by --explain.  A fixer may skip what only a reason needs. */
int vn_structure_reasons (const struct vn_edits *e);

/* With --explain, print FILE:LINE: RULE: REASON on standard error. */
void vn_structure_explain (const struct vn_doc *doc,
                           const struct vn_line *ln,
                           const struct vn_rule *rule, const char *reason);

/* After the edits of a --jsonl document: when its last line, which had
   no line end, was deleted, delete the line end of the last line kept. */
void vn_structure_finish (const struct vn_doc *doc,
                          const struct vn_line *lines, size_t n,
                          struct vn_edits *out);

/* Replace LN->text[OFF..OFF+LEN) by REPL for RULE with REASON, and
   explain it. */
void vn_structure_fix (const struct vn_doc *doc, const struct vn_line *ln,
                       struct vn_edits *out, size_t off, size_t len,
                       const char *repl, const struct vn_rule *rule,
                       const char *reason);

/* Remove LN whole, terminator included, for RULE with REASON, and explain
   it. */
void vn_structure_delete (const struct vn_doc *doc, const struct vn_line *ln,
                          struct vn_edits *out, const struct vn_rule *rule,
                          const char *reason);

#endif
