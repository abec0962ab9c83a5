/* line.h -- one line of a document, as the reader hands it to the fixers */
#ifndef VN_LINE_H
#define VN_LINE_H

#include <stddef.h>
#include <stdint.h>

/* TEXT[0..LEN) is the content, TEXT[LEN..LEN+EOL_LEN) the terminator as it was
   in the input: "\n", "\r\n", "\r", or nothing on a last line without one.
   Fixers may propose edits anywhere in TEXT[0..LEN+EOL_LEN), terminator
   included (that is how vn-space drops a blank line or turns CRLF into LF). */
struct vn_line
{
  const char *text;
  size_t len;
  size_t eol_len;
  uint64_t lineno;      /* 1-based line number in the input file */
  uint64_t offset;      /* byte offset of TEXT in the input file */
  /* One line of lookahead: the content of the next line of the same
     document as it was read (before any fixer), or NULL when this line is
     the document's last.  vn-space needs it to tell a blank line between
     paragraphs from a trailing one without ever taking back output. */
  const char *next;
  size_t next_len;
  /* The bytes as read, terminator included: TEXT[0..LEN+EOL_LEN) itself,
     unless --invalid=replace changed invalid sequences into U+FFFD (a
     change too: --diff shows it, -i writes it, --check fails on it). */
  const char *raw;
  size_t raw_len;
};

#endif
