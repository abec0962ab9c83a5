/* decode.h -- legacy Vietnamese charsets to UTF-8 (NFC), a line at a time,
   and the input-decoding stage a fixer can put before the reader's UTF-8
   validation */
#ifndef VN_DECODE_H
#define VN_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* The charsets vn-recode reads.  TCVN3, VISCII and CP1258 are decoded with
   tables that iconv gives at run time; VNI and VPS with tables generated
   from data/; VIQR by its rules (RFC 1456). */
enum vn_charset
{
  VN_CS_UTF8,
  VN_CS_TCVN3,          /* TCVN 5712:1993 (VN1 and its subset VN3 = ABC) */
  VN_CS_VNI,            /* VNI-Windows */
  VN_CS_VISCII,
  VN_CS_VPS,
  VN_CS_VIQR,           /* ASCII with marks typed after the letter: Vie^.t */
  VN_CS_CP1258,         /* Windows-1258: tones as combining marks */
  VN_CS_COUNT
};

/* The name used in messages ("TCVN3", "VNI", ...). */
const char *vn_charset_name (enum vn_charset cs);

/* The charset called NAME (case-insensitive; aliases such as TCVN5712-1,
   ABC, WINDOWS-1258, UTF8), or -1. */
int vn_charset_parse (const char *name);

/* 1 when CS can be decoded here (iconv may lack a charset); else 0 with a
   message in *WHY. */
int vn_charset_available (enum vn_charset cs, const char **why);

/* A byte sequence the decoder could not convert: IN[IN_OFF..+IN_LEN) of
   the line, which would have gone at OUT_OFF of the output. */
struct vn_decode_error
{
  size_t in_off, in_len, out_off;
};

struct vn_decode_errors
{
  struct vn_decode_error *v;
  size_t n, cap;
};

void vn_decode_errors_free (struct vn_decode_errors *e);

/* Decode the line IN[0..N) (without its terminator) from CS, appending
   UTF-8 in NFC to OUT.  Each sequence that cannot be converted is left out
   of OUT and appended to ERR.  Line terminators are never made or eaten:
   every supported charset maps LF and CR to themselves and uses them for
   nothing else, so a decoded line is still exactly one line.  VIQR leaves
   valid UTF-8 as it is (only invalid UTF-8 is an error), and converts a
   word only when it becomes a Vietnamese syllable; CS must not be
   VN_CS_UTF8. */
void vn_decode (enum vn_charset cs, const char *in, size_t n,
                struct vn_buf *out, struct vn_decode_errors *err);

/* An input-decoding stage: a fixer that has one (struct vn_fixer's
   DECODER) turns the bytes of a document into UTF-8 before the reader
   validates them, so that the fixers after it see UTF-8 lines.  The reader
   calls it; STATE is the fixer's state. */
enum { VN_DECODE_AHEAD = 64 * 1024 };
struct vn_decoder
{
  /* A document starts.  AHEAD[0..N) are its first bytes as read, at most
     VN_DECODE_AHEAD of them, cut before a --doc-sep line; COMPLETE says
     that they are the whole document.  Return 1 to have each of its lines
     decoded by LINE, 0 to read it as UTF-8 (the usual validation). */
  int (*begin) (void *state, const char *ahead, size_t n, int complete);
  /* Decode one line, as vn_decode does. */
  void (*line) (void *state, const char *in, size_t n, struct vn_buf *out,
                struct vn_decode_errors *err);
  /* The charset being decoded, for messages. */
  const char *(*charset) (void *state);
};

/* How many words of IN[0..N) there are (*WORDS), how many of them the
   VIQR rules convert, and how many of
   those carry a mark that only VIQR writes that way (a modifier ^ ( +,
   dd, or a tone mark inside the word): the evidence for detecting it. */
void vn_viqr_evidence (const char *in, size_t n, size_t *words,
                       size_t *converted, size_t *strong);

/* Encode the UTF-8 text IN[0..N) in CS (VNI, VPS or VIQR: the tables of
   this file; the iconv charsets are encoded with iconv itself), appending
   to OUT.  Return the number of characters that have no encoding there
   (written as '?').  For tests and test data. */
size_t vn_encode (enum vn_charset cs, const char *in, size_t n,
                  struct vn_buf *out);

/* Windows-1252 as browsers read it: the byte a code point stands for, or
   -1.  Every byte has one (0x81, 0x8D, 0x8F, 0x90 and 0x9D, undefined,
   are read as the C1 control of the same number), so that mojibake made
   by reading bytes as Windows-1252 or Latin-1 can be turned back into
   the bytes. */
int vn_cp1252_byte (uint32_t cp);

/* The character the byte B is shown as in Windows-1252 (the inverse). */
uint32_t vn_cp1252_char (unsigned char b);

/* Compose the letter BASE with the combining tone mark MARK (U+0300,
   U+0301, U+0303, U+0309, U+0323) into the precomposed Vietnamese letter,
   or 0 when there is none. */
uint32_t vn_compose_tone (uint32_t base, uint32_t mark);

#endif
