/* test-reader.c -- unit tests of the block-streaming line reader */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "reader.h"
#include "tap.h"

/* A file holding DATA[0..N), opened for reading. */
static int
file_with (const char *data, size_t n)
{
  char path[] = "/tmp/vn-reader-XXXXXX";
  int fd = mkstemp (path);
  if (fd < 0 || write (fd, data, n) != (ssize_t) n)
    {
      perror ("temporary file");
      exit (99);
    }
  unlink (path);
  lseek (fd, 0, SEEK_SET);
  return fd;
}

/* Read DATA with blocks of BLOCK bytes; put every line back together as
   "<content>|<eol>" records in OUT.  Return the reader's last status. */
static int
read_all (const char *data, size_t n, enum vn_invalid policy, size_t block,
          struct vn_buf *out, uint64_t *lines)
{
  int fd = file_with (data, n), rc;
  struct vn_reader *r = vn_reader_new (fd, "test", policy, block);
  struct vn_line ln;

  vn_buf_clear (out);
  *lines = 0;
  while ((rc = vn_reader_next (r, &ln)) > 0)
    {
      vn_buf_append (out, ln.text, ln.len);
      vn_buf_putc (out, '|');
      vn_buf_append (out, ln.text + ln.len, ln.eol_len);
      (*lines)++;
      if (ln.lineno != *lines)
        return 99;
    }
  vn_reader_free (r);
  close (fd);
  return rc;
}

int
main (void)
{
  struct vn_buf out = { 0 }, exp = { 0 };
  uint64_t lines;
  size_t block, i;
  int rc, all;

  /* Empty input: no line at all. */
  rc = read_all ("", 0, VN_INVALID_REPLACE, 0, &out, &lines);
  ok (rc == 0 && lines == 0, "empty input has no lines");

  /* Terminators: LF, CRLF, lone CR, and none at the end. */
  {
    const char *in = "a\nb\r\nc\rd";
    rc = read_all (in, strlen (in), VN_INVALID_REPLACE, 0, &out, &lines);
    ok_mem (out.p, out.len, "a|\nb|\r\nc|\rd|", sizeof "a|\nb|\r\nc|\rd|" - 1, "LF, CRLF, CR and no final newline");
    ok (lines == 4, "four lines");
  }

  /* Carry across block boundaries: Vietnamese text with 2- and 3-byte
     characters and CRLF, read with every block size from 1 to 40, so that
     every character and every CRLF is split at every offset. */
  {
    const char *in = "Việt Nam\r\nđã tổ chức\n\nHội nghị\r\r\nnăm 2004 ổn";
    const char *want = "Việt Nam|\r\nđã tổ chức|\n|\nHội nghị|\r|\r\nnăm 2004 ổn|";
    all = 1;
    for (block = 1; block <= 40; block++)
      {
        rc = read_all (in, strlen (in), VN_INVALID_FAIL, block, &out, &lines);
        if (rc != 0 || lines != 6 || out.len != strlen (want)
            || memcmp (out.p, want, out.len))
          {
            all = 0;
            printf ("# block %zu: [%.*s]\n", block, (int) out.len, out.p);
          }
      }
    ok (all, "multi-byte characters and CRLF split at every block offset");
  }

  /* A CR as the very last byte, in a block of its own. */
  rc = read_all ("ab\r", 3, VN_INVALID_REPLACE, 3, &out, &lines);
  ok_mem (out.p, out.len, "ab|\r", sizeof "ab|\r" - 1, "CR at the end of the input");

  /* A line much longer than the block. */
  {
    size_t n = 100000;
    char *big = malloc (n + 2);
    for (i = 0; i < n; i++)
      big[i] = "xyz "[i % 4];
    memcpy (big + n, "\nq", 2);
    rc = read_all (big, n + 2, VN_INVALID_REPLACE, 7, &out, &lines);
    ok (rc == 0 && lines == 2 && out.len == n + 4
        && memcmp (out.p, big, n) == 0, "a 100000-byte line through 7-byte blocks");
    free (big);
  }

  /* A 50 MB line (default block size): read whole, byte for byte. */
  {
    size_t n = 50u << 20;
    char *big = malloc (n + 1);
    for (i = 0; i + 3 <= n; i += 3)
      memcpy (big + i, "\xe1\xbb\x87", 3);   /* ệ */
    for (; i < n; i++)
      big[i] = 'a';
    big[n] = '\n';
    rc = read_all (big, n + 1, VN_INVALID_FAIL, 0, &out, &lines);
    ok (rc == 0 && lines == 1 && out.len == n + 2
        && memcmp (out.p, big, n) == 0, "a 50 MB line of Vietnamese");
    free (big);
  }

  /* NUL bytes are characters like any other: nothing is cut. */
  rc = read_all ("a\0b\n\0\n", 6, VN_INVALID_FAIL, 2, &out, &lines);
  ok_mem (out.p, out.len, "a\0b|\n\0|\n", sizeof "a\0b|\n\0|\n" - 1, "NUL bytes kept inside lines");

  /* Invalid UTF-8 under each policy. */
  {
    const char *in = "ok\nb\xC3(d\xE1\xBB\nend\xF0\x9F\n";
    size_t n = strlen (in);
    uint64_t count;
    struct vn_reader *r;
    struct vn_line ln;
    int fd;

    rc = read_all (in, n, VN_INVALID_REPLACE, 3, &out, &lines);
    ok_mem (out.p, out.len,
            "ok|\nb\xEF\xBF\xBD(d\xEF\xBF\xBD|\nend\xEF\xBF\xBD|\n", sizeof "ok|\nb\xEF\xBF\xBD(d\xEF\xBF\xBD|\nend\xEF\xBF\xBD|\n" - 1,
            "replace: each maximal subpart becomes one U+FFFD");
    ok (rc == 0 && lines == 3, "replace: every line still comes");

    rc = read_all (in, n, VN_INVALID_KEEP, 3, &out, &lines);
    ok_mem (out.p, out.len, "ok|\nb\xC3(d\xE1\xBB|\nend\xF0\x9F|\n", sizeof "ok|\nb\xC3(d\xE1\xBB|\nend\xF0\x9F|\n" - 1,
            "keep: bytes pass unchanged");

    fd = file_with (in, n);
    r = vn_reader_new (fd, "test", VN_INVALID_FAIL, 0);
    rc = vn_reader_next (r, &ln);
    ok (rc == 1 && ln.len == 2, "fail: the valid first line comes");
    rc = vn_reader_next (r, &ln);
    ok (rc == -1, "fail: the invalid line stops the reader");
    ok (vn_reader_next (r, &ln) == -1, "fail: and it stays stopped");
    count = vn_reader_invalid_count (r);
    ok (count == 1, "fail: one sequence counted");
    vn_reader_free (r);
    close (fd);
  }

  /* Surrogates, overlong forms and code points past U+10FFFF are not UTF-8. */
  {
    const char *bad[] = { "\xED\xA0\x80", "\xC0\xAF", "\xE0\x80\xAF",
                          "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80",
                          "\xFF" };
    all = 1;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
      {
        rc = read_all (bad[i], strlen (bad[i]), VN_INVALID_FAIL, 0, &out,
                       &lines);
        all &= rc == -1;
      }
    ok (all, "surrogates, overlong forms, > U+10FFFF and stray bytes rejected");
    rc = read_all ("\xF4\x8F\xBF\xBF\xEF\xBF\xBF\n", 8, VN_INVALID_FAIL, 1,
                   &out, &lines);
    ok (rc == 0, "U+10FFFF and U+FFFF accepted");
  }

  /* Line numbers and offsets. */
  {
    const char *in = "ab\r\ncd\n\nef";
    int fd = file_with (in, strlen (in));
    struct vn_reader *r = vn_reader_new (fd, "test", VN_INVALID_FAIL, 1);
    struct vn_line ln;
    uint64_t offs[4], nums[4];
    for (i = 0; i < 4 && vn_reader_next (r, &ln) > 0; i++)
      {
        offs[i] = ln.offset;
        nums[i] = ln.lineno;
      }
    ok (i == 4 && offs[0] == 0 && offs[1] == 4 && offs[2] == 7 && offs[3] == 8,
        "byte offsets of lines");
    ok (nums[3] == 4, "line numbers");
    vn_reader_free (r);
    close (fd);
  }

  ok (vn_invalid_parse ("replace") == VN_INVALID_REPLACE
      && vn_invalid_parse ("keep") == VN_INVALID_KEEP
      && vn_invalid_parse ("fail") == VN_INVALID_FAIL
      && vn_invalid_parse ("drop") == -1, "policy names");

  vn_buf_free (&out);
  vn_buf_free (&exp);
  return tap_done ();
}
