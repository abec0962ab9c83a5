/* recode.h -- what vn-recode decides: the charset of a document, and the
   mojibake of a line (for lib/recode.c and its tests) */
#ifndef VN_RECODE_H
#define VN_RECODE_H

#include <stddef.h>
#include "buf.h"
#include "decode.h"

/* Mojibake: text that was read in the wrong charset and written as UTF-8. */
enum vn_mojibake
{
  VN_MOJI_NONE,
  VN_MOJI_UTF8,         /* UTF-8 read as Windows-1252 or Latin-1 */
  VN_MOJI_UTF8_TWICE,   /* ... and that once more */
  VN_MOJI_TCVN3,        /* TCVN3 bytes shown as Windows-1252 */
  VN_MOJI_VNI,          /* VNI bytes shown as Windows-1252 */
  VN_MOJI_COUNT
};

/* "UTF-8-as-CP1252", "TCVN3-as-CP1252"... */
const char *vn_mojibake_name (enum vn_mojibake kind);

/* The verdict on a document from its first bytes. */
struct vn_verdict
{
  enum vn_charset cs;   /* what it is read as */
  double confidence;    /* how likely CS is, 0..1 */
  int sure;             /* confident enough to convert */
  enum vn_charset best; /* when not SURE: the likeliest legacy charset */
  size_t evidence;      /* words that told the charsets apart */
  /* For a UTF-8 document: its lines, and those with mojibake repaired
     by kind. */
  size_t lines, moji_lines[VN_MOJI_COUNT];
};

/* Decide what S[0..N), the first bytes of a document (all of it when
   COMPLETE), is.  With MOJIBAKE, a UTF-8 document's lines are also
   searched for mojibake (for --detect). */
void vn_detect (const char *s, size_t n, int complete, int mojibake,
                struct vn_verdict *v);

/* One repair the mojibake search proposes for a line: S[OFF..OFF+LEN)
   becomes the UTF-8 in REPL (at REPL_OFF, REPL_LEN bytes); or, for a note
   (SURE 0), it only looks like mojibake of KIND. */
struct vn_moji_span
{
  size_t off, len, repl_off, repl_len;
  enum vn_mojibake kind;
  int sure;
};

struct vn_moji
{
  struct vn_moji_span *v;
  size_t n, cap;
  struct vn_buf repl;
  struct vn_buf scratch[4];
};

/* Find the mojibake in the UTF-8 line S[0..N): clear M and fill it with
   the repairs (and notes), in order.  Return the number of repairs. */
size_t vn_mojibake_line (const char *s, size_t n, struct vn_moji *m);
void vn_moji_free (struct vn_moji *m);

#endif
