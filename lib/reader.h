/* reader.h -- block-streaming line reader with UTF-8 validation */
#ifndef VN_READER_H
#define VN_READER_H

#include "line.h"

/* What to do with bytes that are not valid UTF-8 (--invalid=POLICY). */
enum vn_invalid
{
  VN_INVALID_REPLACE,   /* each maximal invalid subpart becomes U+FFFD (default) */
  VN_INVALID_KEEP,      /* pass the bytes through unchanged */
  VN_INVALID_FAIL       /* stop reading this input with an error */
};

/* Parse "replace", "keep" or "fail"; return -1 for anything else. */
int vn_invalid_parse (const char *s);

struct vn_reader;

/* Read FD, called NAME in messages, in blocks of BLOCK bytes (0: default).
   The reader never closes FD. */
struct vn_reader *vn_reader_new (int fd, const char *name,
                                 enum vn_invalid policy, size_t block);
void vn_reader_free (struct vn_reader *r);

/* Next line in *LINE: 1 when there is one, 0 at end of input, -1 on a read
   error or, with VN_INVALID_FAIL, an invalid sequence (both already reported
   on stderr).  *LINE stays valid until the next call.  Invalid sequences
   are reported as "FILE:LINE:COL: I001: ..." (the first few of each input,
   then a count at the end of it). */
int vn_reader_next (struct vn_reader *r, struct vn_line *line);

/* Put the decoder DEC (see lib/decode.h; STATE is its fixer's) between
   read(2) and the UTF-8 validation: at the start of each document it is
   shown the bytes ahead and says whether the document's lines are to be
   decoded; a decoded line is handed out in UTF-8 (LINE->RAW keeps the
   bytes as read), and what it cannot convert goes through the invalid-byte
   policy like invalid UTF-8 (reported as "cannot convert ... from
   CHARSET").  DOC_SEP, when not NULL, is the --doc-sep line, before which
   the bytes ahead of a document stop.  Call it before the first line. */
struct vn_decoder;
void vn_reader_set_decoder (struct vn_reader *r, const struct vn_decoder *dec,
                            void *state, const char *doc_sep,
                            size_t doc_sep_len);

/* The next line starts a new document (after a --doc-sep line): with a
   decoder, it is shown that document's bytes ahead. */
void vn_reader_begin_doc (struct vn_reader *r);

/* Number of invalid sequences seen so far. */
uint64_t vn_reader_invalid_count (const struct vn_reader *r);

#endif
