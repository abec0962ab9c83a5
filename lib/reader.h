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

/* Number of invalid sequences seen so far. */
uint64_t vn_reader_invalid_count (const struct vn_reader *r);

#endif
