/* json.h -- just enough JSON for --jsonl: find one string field of a record,
   decode it, and encode the cleaned text back */
#ifndef VN_JSON_H
#define VN_JSON_H

#include <stddef.h>
#include "buf.h"

enum vn_json_status
{
  VN_JSON_OK = 0,       /* found: a string value */
  VN_JSON_NOFIELD,      /* valid object without that member */
  VN_JSON_NOTSTRING,    /* the member is there but its value is not a string */
  VN_JSON_INVALID,      /* not one valid JSON object (RFC 8259) */
};

/* REC[0..N) is one JSONL record (no line terminator).  Check that it is exactly
   one JSON object (surrounding white space allowed) and find its top-level
   member FIELD (compared after decoding the key; the last one wins when a key
   repeats, as in Python and jq).  On VN_JSON_OK, *START and *END delimit the
   value token, quotes included.  On VN_JSON_INVALID, *START (and *END) is
   the byte offset where the record stops being valid JSON (for a truncated
   UTF-8 sequence, the byte after its lead byte).  On VN_JSON_NOTSTRING they
   delimit the offending value; on VN_JSON_NOFIELD they are not set.  A BOM
   before the object makes the record invalid. */
enum vn_json_status vn_json_find (const char *rec, size_t n, const char *field,
                                  size_t *start, size_t *end);

/* Decode the string token TOK[0..N) (quotes included, already checked by
   vn_json_find) into UTF-8 appended to OUT.  Return 0, or -1 when it holds an
   escaped lone surrogate (\ud800 without its pair), which is not text, or
   is not a well-formed token. */
int vn_json_decode (const char *tok, size_t n, struct vn_buf *out);

/* Does the token TOK[0..N) write non-ASCII characters as \u escapes (and none
   raw)?  Then the cleaned text is written back the same way. */
int vn_json_ascii_style (const char *tok, size_t n);

/* Append S[0..N) (UTF-8) as a JSON string token, quotes included: '"', '\\'
   and control characters escaped (\n \r \t \b \f, else \u00XX, DEL too);
   non-ASCII characters raw, or as \uXXXX (surrogate pairs above U+FFFF) when
   ASCII.  Bytes that are not UTF-8 (kept by --invalid=keep) are copied raw,
   or written as \ufffd each when ASCII. */
void vn_json_encode (const char *s, size_t n, int ascii, struct vn_buf *out);

#endif
