/* test-json.c -- unit tests of lib/json.c: checking, decoding, encoding */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "tap.h"

/* A string literal and its length, NUL bytes included. */
#define L(s) (s), sizeof (s) - 1

static const char *
status_name (enum vn_json_status st)
{
  switch (st)
    {
    case VN_JSON_OK:
      return "OK";
    case VN_JSON_NOFIELD:
      return "NOFIELD";
    case VN_JSON_NOTSTRING:
      return "NOTSTRING";
    case VN_JSON_INVALID:
      return "INVALID";
    }
  return "?";
}

/* One find; TOK, when not NULL, is the token expected between *START and
   *END.  Always the same number of checks, whatever happens. */
static void
t_find (const char *rec, size_t n, const char *field,
        enum vn_json_status want, const char *tok, const char *name)
{
  size_t s = 12345, e = 12345;
  enum vn_json_status st = vn_json_find (rec, n, field, &s, &e);

  ok (st == want, "find %s: %s (want %s)", name, status_name (st),
      status_name (want));
  if (tok)
    {
      if (st == want && s <= e && e <= n)
        ok_mem (rec + s, e - s, tok, strlen (tok), "find %s: token", name);
      else
        ok (0, "find %s: token (bad status or span %zu..%zu)", name, s, e);
    }
}

/* An invalid record; OFF, unless (size_t) -1, is the expected offset. */
static void
t_bad (const char *rec, size_t n, size_t off, const char *name)
{
  size_t s = 12345, e = 12345;
  enum vn_json_status st = vn_json_find (rec, n, "text", &s, &e);

  if (off == (size_t) -1)
    ok (st == VN_JSON_INVALID, "invalid: %s (%s)", name, status_name (st));
  else
    ok (st == VN_JSON_INVALID && s == off,
        "invalid: %s (%s at %zu, want at %zu)", name, status_name (st), s,
        off);
}

static void
t_decode (const char *tok, size_t n, const char *want, size_t want_len,
          const char *name)
{
  struct vn_buf b = { 0 };
  int r = vn_json_decode (tok, n, &b);

  if (r == 0)
    ok_mem (b.p ? b.p : "", b.len, want, want_len, "decode %s", name);
  else
    ok (0, "decode %s: returned %d", name, r);
  vn_buf_free (&b);
}

static void
t_lone (const char *tok, size_t n, const char *name)
{
  struct vn_buf b = { 0 };

  ok (vn_json_decode (tok, n, &b) == -1, "decode %s: -1", name);
  vn_buf_free (&b);
}

static void
t_encode (const char *s, size_t n, int ascii, const char *want,
          const char *name)
{
  struct vn_buf b = { 0 };

  vn_json_encode (s, n, ascii, &b);
  ok_mem (b.p, b.len, want, strlen (want), "encode%s %s",
          ascii ? " ascii" : "", name);
  vn_buf_free (&b);
}

/* encode then decode gives S back, and the token is one that vn_json_find
   accepts as a string member; with ASCII, no raw byte >= 0x80 is left. */
static void
t_round (const char *s, size_t n, int ascii, const char *name)
{
  struct vn_buf tok = { 0 }, rec = { 0 }, dec = { 0 };
  size_t st = 0, en = 0, i;
  int good, high = 0;

  vn_json_encode (s, n, ascii, &tok);
  vn_buf_puts (&rec, "{\"text\":");
  vn_buf_append (&rec, tok.p, tok.len);
  vn_buf_putc (&rec, '}');
  good = vn_json_find (rec.p, rec.len, "text", &st, &en) == VN_JSON_OK
    && en - st == tok.len && memcmp (rec.p + st, tok.p, tok.len) == 0
    && vn_json_decode (rec.p + st, en - st, &dec) == 0
    && dec.len == n && (n == 0 || memcmp (dec.p, s, n) == 0);
  for (i = 0; i < tok.len; i++)
    high |= (unsigned char) tok.p[i] >= 0x80;
  ok (good && !(ascii && high), "round trip%s: %s", ascii ? " ascii" : "",
      name);
  vn_buf_free (&tok);
  vn_buf_free (&rec);
  vn_buf_free (&dec);
}

static void
test_find (void)
{
  size_t s = 0, e = 0;

  t_find (L ("{\"text\":\"xin chào\"}"), "text", VN_JSON_OK,
          "\"xin chào\"", "simple");
  t_find (L (" \t\r\n{ \"text\" :\n\"a\" } \r\n"), "text", VN_JSON_OK,
          "\"a\"", "white space everywhere");
  t_find (L ("{\"id\":1,\"meta\":{\"text\":\"no\"},\"text\":\"yes\","
             "\"arr\":[{\"text\":\"x\"}]}"), "text", VN_JSON_OK, "\"yes\"",
          "among nested members");
  t_find (L ("{\"meta\":{\"text\":\"no\"},\"list\":[{\"text\":\"no\"}]}"),
          "text", VN_JSON_NOFIELD, NULL, "only nested");
  t_find (L ("{\"a\":[\"text\",\"b\"],\"b\":\"text\"}"), "text",
          VN_JSON_NOFIELD, NULL, "only as values");
  t_find (L ("{\"tex\":\"a\",\"texts\":\"b\",\"Text\":\"c\"}"), "text",
          VN_JSON_NOFIELD, NULL, "only near misses");
  t_find (L ("{}"), "text", VN_JSON_NOFIELD, NULL, "empty object");
  t_find (L ("{ \n }"), "text", VN_JSON_NOFIELD, NULL, "blank object");
  t_find (L ("{\"te\\u0078t\":\"v\"}"), "text", VN_JSON_OK, "\"v\"",
          "escaped key");
  t_find (L ("{\"a\\/b\":\"v\"}"), "a/b", VN_JSON_OK, "\"v\"",
          "escaped slash in key");
  t_find (L ("{\"tex\\t\":\"v\"}"), "text", VN_JSON_NOFIELD, NULL,
          "\\t in a key is a tab");
  t_find (L ("{\"v\\u0103n_b\\u1ea3n\":\"x\",\"n\":1}"), "văn_bản",
          VN_JSON_OK, "\"x\"", "escaped Vietnamese key");
  t_find (L ("{\"văn_bản\":\"x\"}"), "văn_bản", VN_JSON_OK, "\"x\"",
          "raw Vietnamese key");
  t_find (L ("{\"\\ud83d\\ude00\":\"x\"}"), "\xf0\x9f\x98\x80", VN_JSON_OK,
          "\"x\"", "key with a surrogate pair");
  t_find (L ("{\"\\ud83d\":\"x\"}"), "\xed\xa0\xbd", VN_JSON_NOFIELD, NULL,
          "key with a lone surrogate matches nothing");
  t_find (L ("{\"text\":\"a\",\"text\":\"b\"}"), "text", VN_JSON_OK,
          "\"b\"", "duplicate: last wins");
  t_find (L ("{\"text\":\"a\",\"x\":{\"text\":\"c\"},\"te\\u0078t\":\"b\","
             "\"y\":[\"text\"]}"), "text", VN_JSON_OK, "\"b\"",
          "duplicate spelt differently: last wins");
  t_find (L ("{\"text\":\"a\",\"text\":1}"), "text", VN_JSON_NOTSTRING,
          NULL, "duplicate: last is not a string");
  t_find (L ("{\"text\":null,\"text\":\"b\"}"), "text", VN_JSON_OK,
          "\"b\"", "duplicate: last is a string");
  t_find (L ("{\"text\":null}"), "text", VN_JSON_NOTSTRING, NULL, "null");
  t_find (L ("{\"text\":-12.5e3}"), "text", VN_JSON_NOTSTRING, NULL,
          "number");
  t_find (L ("{\"text\":{\"text\":\"a\"}}"), "text", VN_JSON_NOTSTRING,
          NULL, "object holding the key");
  t_find (L ("{\"text\" : [1, [2], {}] , \"b\":0}"), "text",
          VN_JSON_NOTSTRING, "[1, [2], {}]", "array (span given too)");
  t_find (L ("{\"a\":[true,false,null,-0,0,0.5,-1.5E-3,1e10,2e+7,3E-0,"
             "\"s\",{},[],[[]],{\"b\":{}}],\"text\":\"\"}"), "text",
          VN_JSON_OK, "\"\"", "every kind of value");
  t_find (L ("{\"text\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}"),
          "text", VN_JSON_OK,
          "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"",
          "every escape");
  t_find (L ("{\"text\":\"\\ud800\"}"), "text", VN_JSON_OK, "\"\\ud800\"",
          "lone surrogate escape is grammatical");
  t_find (L ("{\"text\":\"a\x7f" "b\"}"), "text", VN_JSON_OK,
          "\"a\x7f" "b\"", "raw DEL is allowed");
  t_find (L ("{\"text\":\"\xf4\x8f\xbf\xbf \xef\xbb\xbf\"}"), "text",
          VN_JSON_OK, "\"\xf4\x8f\xbf\xbf \xef\xbb\xbf\"",
          "U+10FFFF and U+FEFF in a string");

  /* Not one object. */
  t_bad (L (""), 0, "empty");
  t_bad (L ("  \t"), 3, "blank");
  t_bad (L ("[1]"), 0, "an array");
  t_bad (L ("\"text\""), 0, "a string");
  t_bad (L ("\xef\xbb\xbf{}"), 0, "byte order mark");
  t_bad (L ("{\"a\":1}{\"b\":2}"), 7, "two objects");
  t_bad (L ("{\"a\":1} x"), 8, "garbage after the object");
  t_bad (L ("{\"a\":1}\f"), 7, "form feed is not white space");
  /* Syntax. */
  t_bad (L ("{\"a\":1,}"), 7, "trailing comma");
  t_bad (L ("{\"a\":[1,2,]}"), 10, "trailing comma in array");
  t_bad (L ("{,}"), 1, "lone comma");
  t_bad (L ("{'a':1}"), 1, "single-quoted key");
  t_bad (L ("{\"a\":'x'}"), 5, "single-quoted value");
  t_bad (L ("{a:1}"), 1, "bare key");
  t_bad (L ("{\"a\":hello}"), 5, "bare word");
  t_bad (L ("{\"a\":tru}"), 8, "truncated literal");
  t_bad (L ("{\"a\":truex}"), 9, "literal with a tail");
  t_bad (L ("{\"a\":NaN}"), 5, "NaN");
  t_bad (L ("{\"a\" 1}"), 5, "missing colon");
  t_bad (L ("{\"a\":1 \"b\":2}"), 7, "missing comma");
  t_bad (L ("{\"a\":[1}"), 7, "mismatched bracket");
  t_bad (L ("{\"a\":1 /* c */}"), 7, "comment");
  t_bad (L ("{\"a\":1,\"text\":\"ok\",}"), 19,
         "invalid after the field was found");
  /* Numbers. */
  t_bad (L ("{\"a\":01}"), 6, "leading zero");
  t_bad (L ("{\"a\":-01}"), 7, "negative leading zero");
  t_bad (L ("{\"a\":00.5}"), 6, "double zero");
  t_bad (L ("{\"a\":+1}"), 5, "plus sign");
  t_bad (L ("{\"a\":.5}"), 5, "no integer part");
  t_bad (L ("{\"a\":1.}"), 7, "no fraction digits");
  t_bad (L ("{\"a\":1e}"), 7, "no exponent digits");
  t_bad (L ("{\"a\":1.5e+}"), 10, "signed exponent without digits");
  t_bad (L ("{\"a\":-}"), 6, "minus alone");
  t_bad (L ("{\"a\":0x1F}"), 6, "hexadecimal");
  /* Strings. */
  t_bad (L ("{\"a\":\"abc"), 9, "unterminated string");
  t_bad (L ("{\"a\":\"a\tb\"}"), 7, "raw tab");
  t_bad (L ("{\"a\":\"a\nb\"}"), 7, "raw newline");
  t_bad (L ("{\"a\":\"a\0b\"}"), 7, "raw NUL");
  t_bad (L ("{\"a\":\"\\x41\"}"), 7, "bad escape");
  t_bad (L ("{\"a\":\"\\'\"}"), 7, "escaped single quote");
  t_bad (L ("{\"a\":\"\\u12G4\"}"), 10, "bad hex digit");
  t_bad (L ("{\"a\":\"\\u12"), 10, "truncated \\u");
  t_bad (L ("{\"a\":\"\\"), 7, "truncated after backslash");
  t_bad (L ("{\"a\":\"\xff\"}"), 6, "byte 0xFF");
  t_bad (L ("{\"a\":\"ok \xc0\xaf\"}"), 9, "overlong form");
  t_bad (L ("{\"a\":\"Vi\xe1\xbb\"}"), 10, "cut sequence ends at quote");
  t_bad (L ("{\"a\":\"\xed\xa0\x80\"}"), 7, "encoded surrogate");
  t_bad (L ("{\"a\":\"\xf4\x90\x80\x80\"}"), 7, "above U+10FFFF");
  t_bad (L ("{\"a\xe1\":1}"), 4, "invalid UTF-8 in a key");
  t_bad (L ("{\"a\":\"\xe1\xbb"), 8, "cut sequence at end of record");
  t_bad (L ("{\"a\":1,\0\"b\":2}"), 7, "NUL between tokens");
  /* Truncated. */
  t_bad (L ("{"), 1, "just a brace");
  t_bad (L ("{\"a\""), 4, "key only");
  t_bad (L ("{\"a\":"), 5, "no value");
  t_bad (L ("{\"a\":[1,2"), 9, "open array");
  t_bad (L ("{\"a\":1"), 6, "no closing brace");
  t_bad (L ("{\"a\":12"), 7, "number at end");
  t_bad (L ("{\"a\":1."), 7, "fraction at end");

  /* On INVALID, END is not past N either. */
  s = e = 99;
  ok (vn_json_find ("{\"a\":", 5, "a", &s, &e) == VN_JSON_INVALID
      && s == 5 && e <= 5, "invalid: offsets stay within the record");
  /* The record need not be NUL-terminated: N is what counts. */
  ok (vn_json_find ("{\"text\":\"x\"}garbage", 12, "text", &s, &e)
      == VN_JSON_OK && s == 8 && e == 11, "only N bytes are read");
}

/* Deep nesting is depth on the heap, not recursion. */
static void
test_deep (void)
{
  const size_t depth = 100000;
  size_t n = 0, i, s = 0, e = 0;
  char *r = malloc (2 * depth + 32);

  n = 0;
  memcpy (r, "{\"text\":", 8);
  n = 8;
  memset (r + n, '[', depth);
  n += depth;
  ok (vn_json_find (r, n, "text", &s, &e) == VN_JSON_INVALID && s == n,
      "100000 unclosed '[': invalid at the end");
  memset (r + n, ']', depth);
  n += depth;
  r[n++] = '}';
  s = e = 0;
  ok (vn_json_find (r, n, "text", &s, &e) == VN_JSON_NOTSTRING && s == 8
      && e == n - 1, "100000 closed '[': valid, and not a string");
  r[n - 2] = '}';
  ok (vn_json_find (r, n, "text", &s, &e) == VN_JSON_INVALID && s == n - 2,
      "100000 '[' closed by '}': invalid there");

  memset (r, '[', depth);
  ok (vn_json_find (r, depth, "text", &s, &e) == VN_JSON_INVALID && s == 0,
      "100000 '[' at top level: not an object");

  /* Objects in objects, with the key at every level. */
  free (r);
  r = malloc (9 * depth + 32);
  n = 0;
  for (i = 0; i < depth; i++)
    {
      memcpy (r + n, "{\"text\":", 8);
      n += 8;
    }
  memcpy (r + n, "\"x\"", 3);
  n += 3;
  memset (r + n, '}', depth);
  n += depth;
  ok (vn_json_find (r, n, "text", &s, &e) == VN_JSON_NOTSTRING,
      "100000 nested objects: valid, outer value not a string");
  free (r);
}

/* A few megabytes, to see that nothing is quadratic. */
static void
test_big (void)
{
  struct vn_buf text = { 0 }, tok = { 0 }, rec = { 0 }, dec = { 0 };
  size_t i, s = 0, e = 0;

  for (i = 0; i < 200000; i++)
    vn_buf_puts (&text, i % 7 ? "Việt " : "\"\n\t\\ ");
  vn_json_encode (text.p, text.len, 0, &tok);
  vn_buf_puts (&rec, "{\"id\":1,\"text\":");
  vn_buf_append (&rec, tok.p, tok.len);
  vn_buf_puts (&rec, "}");
  ok (vn_json_find (rec.p, rec.len, "text", &s, &e) == VN_JSON_OK
      && vn_json_decode (rec.p + s, e - s, &dec) == 0
      && dec.len == text.len && memcmp (dec.p, text.p, text.len) == 0,
      "big record (%zu bytes) round trip", rec.len);
  vn_buf_clear (&tok);
  vn_buf_clear (&dec);
  vn_json_encode (text.p, text.len, 1, &tok);
  ok (vn_json_ascii_style (tok.p, tok.len)
      && vn_json_decode (tok.p, tok.len, &dec) == 0
      && dec.len == text.len && memcmp (dec.p, text.p, text.len) == 0,
      "big ASCII token (%zu bytes) round trip", tok.len);
  vn_buf_free (&text);
  vn_buf_free (&tok);
  vn_buf_free (&rec);
  vn_buf_free (&dec);
}

static void
test_decode (void)
{
  struct vn_buf b = { 0 };

  t_decode (L ("\"\""), "", 0, "empty");
  t_decode (L ("\"abc\""), L ("abc"), "plain");
  t_decode (L ("\"Việt Nam\""), L ("Việt Nam"), "raw UTF-8");
  t_decode (L ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""), L ("\"\\/\b\f\n\r\t"),
            "every short escape");
  t_decode (L ("\"Vi\\u1ec7t\""), L ("Việt"), "\\u1ec7");
  t_decode (L ("\"Vi\\u1EC7t\""), L ("Việt"), "\\u1EC7 (upper case)");
  t_decode (L ("\"\\u0041\\u00e9\\u0800\\uffff\""),
            L ("A\xc3\xa9\xe0\xa0\x80\xef\xbf\xbf"), "1, 2 and 3 bytes");
  t_decode (L ("\"\\ud83d\\ude00\""), L ("\xf0\x9f\x98\x80"),
            "surrogate pair");
  t_decode (L ("\"a\\uD83D\\uDE00b\""), L ("a\xf0\x9f\x98\x80" "b"),
            "surrogate pair (upper case)");
  t_decode (L ("\"\\udbff\\udfff\""), L ("\xf4\x8f\xbf\xbf"), "U+10FFFF");
  t_decode (L ("\"a\\u0000b\""), L ("a\0b"), "\\u0000 is a NUL byte");
  t_lone (L ("\"\\ud83d\""), "high surrogate at the end");
  t_lone (L ("\"\\ud83dx\""), "high surrogate then a letter");
  t_lone (L ("\"\\ud83d\\u0041\""), "high surrogate then \\u0041");
  t_lone (L ("\"\\ud83d\\ud83d\""), "two high surrogates");
  t_lone (L ("\"\\ude00\""), "low surrogate alone");
  t_lone (L ("\"\\ude00\\ud83d\""), "pair in the wrong order");
  t_lone (L ("\"\\ud83d\\n\""), "high surrogate then \\n");

  /* Appends, and leaves what was there. */
  vn_buf_puts (&b, "X");
  ok (vn_json_decode (L ("\"y\\n\""), &b) == 0 && b.len == 3
      && memcmp (b.p, "Xy\n", 3) == 0, "decode appends");
  vn_buf_free (&b);
  /* Never reads past N, even when handed a bad token. */
  ok (vn_json_decode (L ("\"\\\""), &b) == -1, "decode: dangling backslash");
  vn_buf_free (&b);
  ok (vn_json_decode (L ("\"\\u12\""), &b) == -1, "decode: short \\u");
  vn_buf_free (&b);
}

static void
test_ascii_style (void)
{
  ok (vn_json_ascii_style (L ("\"Vi\\u1ec7t\"")) == 1, "ascii_style: \\u1ec7");
  ok (vn_json_ascii_style (L ("\"caf\\u00e9\"")) == 1, "ascii_style: \\u00e9");
  ok (vn_json_ascii_style (L ("\"\\ud83d\\ude00\"")) == 1,
      "ascii_style: surrogate pair");
  ok (vn_json_ascii_style (L ("\"Việt\"")) == 0, "ascii_style: raw");
  ok (vn_json_ascii_style (L ("\"Vi\\u1ec7t Việt\"")) == 0,
      "ascii_style: mixed is not");
  ok (vn_json_ascii_style (L ("\"abc\"")) == 0, "ascii_style: plain ASCII");
  ok (vn_json_ascii_style (L ("\"\\u0041\\n\\u007f\"")) == 0,
      "ascii_style: only ASCII escapes");
  ok (vn_json_ascii_style (L ("\"\\\\u1ec7\"")) == 0,
      "ascii_style: escaped backslash, then text");
  ok (vn_json_ascii_style (L ("\"\\\\\\u1ec7\"")) == 1,
      "ascii_style: escaped backslash, then an escape");
}

static void
test_encode (void)
{
  static const struct { const char *s; size_t n; const char *name; } v[] = {
    { L (""), "empty" },
    { L ("plain ASCII / slash"), "ASCII" },
    { L ("Tiếng Việt có dấu: ă â đ ê ô ơ ư Ả Ẫ Ỵ"), "Vietnamese" },
    { L ("Vie\xcc\x82\xcc\xa3t"), "combining marks" },
    { L ("\"quoted\" and \\back\\slashed\\"), "quotes, backslashes" },
    { L ("\b\f\n\r\t\x01\x1f\x7f end"), "control characters" },
    { L ("a\0b\0"), "NUL bytes" },
    { L ("emoji \xf0\x9f\x98\x80 and U+10FFFF \xf4\x8f\xbf\xbf"), "emoji" },
    { L ("\xef\xbf\xbd U+FFFD, \xef\xbb\xbf BOM, \xe2\x80\xa8 LS"),
      "specials" },
  };
  size_t i;

  t_encode (L ("Việt"), 1, "\"Vi\\u1ec7t\"", "Việt");
  t_encode (L ("Việt"), 0, "\"Việt\"", "Việt");
  t_encode (L ("Đà Nẵng"), 1, "\"\\u0110\\u00e0 N\\u1eb5ng\"", "Đà Nẵng");
  t_encode (L ("a\"b\\c/d"), 0, "\"a\\\"b\\\\c/d\"", "quote, backslash");
  t_encode (L ("\b\f\n\r\t"), 0, "\"\\b\\f\\n\\r\\t\"", "short escapes");
  t_encode (L ("\x01\x1f\x7f\0"), 0, "\"\\u0001\\u001f\\u007f\\u0000\"",
            "other controls, lower-case hex");
  t_encode (L ("\xf0\x9f\x98\x80"), 1, "\"\\ud83d\\ude00\"", "emoji");
  t_encode (L ("\xf0\x9f\x98\x80"), 0, "\"\xf0\x9f\x98\x80\"", "emoji");
  t_encode (L ("a\xff" "b"), 1, "\"a\\ufffdb\"", "invalid byte");
  t_encode (L ("a\xff" "b"), 0, "\"a\xff" "b\"", "invalid byte kept raw");
  t_encode (L ("\xe1\xbb"), 1, "\"\\ufffd\\ufffd\"", "cut sequence");

  for (i = 0; i < sizeof v / sizeof v[0]; i++)
    {
      t_round (v[i].s, v[i].n, 0, v[i].name);
      t_round (v[i].s, v[i].n, 1, v[i].name);
    }

  {
    struct vn_buf b = { 0 };
    vn_buf_puts (&b, "{\"text\":");
    vn_json_encode (L ("x"), 0, &b);
    vn_buf_putc (&b, '\0');
    ok_str (b.p, "{\"text\":\"x\"", "encode appends");
    vn_buf_free (&b);
  }
}

int
main (void)
{
  test_find ();
  test_deep ();
  test_big ();
  test_decode ();
  test_ascii_style ();
  test_encode ();
  return tap_done ();
}
