/* transcript.c -- run golden transcript tests (.vt) and print TAP */

/* Usage: transcript [IGNORED...] FILE.vt

   A transcript describes shell commands together with their standard
   input, the files they start from, and the exact bytes they must produce.
   Each case runs with /bin/sh -c in a fresh temporary directory and becomes
   one TAP test point, so that Automake's tap-driver.sh counts every case.
   Only the last argument is used because Automake may put LOG_FLAGS before
   the file name.

   The program is deliberately self-contained (libc + POSIX only): it has to
   keep reporting sensibly while the library under test is broken.

   Format, one item per line (a prefix and its TEXT are separated by exactly
   one space; a prefix alone on its line stands for an empty TEXT):

     # ...          comment (outside content lines); blank lines are ignored
     == TITLE       starts a new case
     $ COMMAND      the command, run by /bin/sh -c (exactly one per case)
     < TEXT         a line of standard input
     > TEXT         a line of expected standard output
     ! TEXT         a line of expected standard error
     >*  /  !*      do not check standard output / standard error
     ? N            expected exit status, 0..255 (default 0)
     file NAME      the following '+' lines are the content of file NAME,
                    created in the work directory before the command runs
     + TEXT         a content line of the last 'file'
     expect NAME    the following '=' lines are the expected content of
                    NAME after the command ran
     = TEXT         a content line of the last 'expect'

   Each content line stands for TEXT followed by a newline.  Escapes in TEXT:
   \\ \t \r \n \0 \xHH, and \c at the very end of TEXT to drop the newline.

   Exit status: 0 if every case passed, 1 if some failed, 99 (a hard error
   for Automake, reported as "Bail out!") if the transcript is malformed or
   the harness itself could not work.  */

#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Seconds a case may run.  Overridable at compile time so that the timeout
   handling itself can be tested without waiting a minute.  */
#ifndef TRANSCRIPT_TIMEOUT
# define TRANSCRIPT_TIMEOUT 60
#endif

/* Upper bound on captured stdout or stderr.  Far above anything a golden
   file holds, but it keeps a runaway command (think 'yes') from eating all
   memory during the timeout.  */
#ifndef TRANSCRIPT_MAX_OUTPUT
# define TRANSCRIPT_MAX_OUTPUT ((size_t) 1 << 30)
#endif

/* Automake's test drivers treat 99 as a hard error, not a test failure.  */
#define EXIT_HARD 99

/* Limits for diagnostics, so that a 10 MB mismatch does not produce a 10 MB
   log: short blocks are shown whole, long ones as a window around the first
   difference, and long lines as a window of bytes.  */
#define SHOW_ALL_LINES 40
#define SHOW_BEFORE 5
#define SHOW_AFTER 15
#define SHOW_LINE_BYTES 1000

#define IO_CHUNK 65536

/* ------------------------------------------------------------------ */
/* Global state needed to clean up on fatal errors and signals.  */

static const char *vt_name;     /* the transcript, for messages */
static pid_t cur_pid;           /* running command (group leader), or 0 */
static char *cur_dir;           /* current work directory, or NULL */
static bool keep_dirs;          /* KEEP_TRANSCRIPT_DIRS is set */
static bool cleaning;           /* guards against recursive cleanup */

static volatile sig_atomic_t got_signal;
static int sig_pipe[2] = { -1, -1 };

static bool remove_tree (const char *path);

/* Kill the running command's process group and remove the work directory,
   so that neither a failure nor an interrupt leaves debris behind.  Errors
   are deliberately ignored here: we are already on the way out, with a
   better message printed than any this could add.  */
static void
cleanup_current (void)
{
  if (cleaning)
    return;
  cleaning = true;
  if (cur_pid > 0)
    {
      int st;
      kill (-cur_pid, SIGKILL);
      while (waitpid (cur_pid, &st, 0) == -1 && errno == EINTR)
        continue;
      cur_pid = 0;
    }
  if (cur_dir)
    {
      if (!keep_dirs)
        remove_tree (cur_dir);
      free (cur_dir);
      cur_dir = NULL;
    }
  cleaning = false;
}

/* A problem of the harness or of the transcript, not of the code under
   test: "Bail out!" makes tap-driver.sh report an ERROR, and so does the
   exit status 99.  */
static void die (const char *fmt, ...)
  __attribute__ ((noreturn, format (printf, 1, 2)));

static void
die (const char *fmt, ...)
{
  va_list ap;
  fputs ("Bail out! ", stdout);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  fflush (stdout);
  cleanup_current ();
  exit (EXIT_HARD);
}

/* Errors found while parsing: always with file:line so they can be fixed.  */
static void parse_error (long line, const char *fmt, ...)
  __attribute__ ((noreturn, format (printf, 2, 3)));

static void
parse_error (long line, const char *fmt, ...)
{
  va_list ap;
  printf ("Bail out! %s:%ld: ", vt_name, line);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  fflush (stdout);
  exit (EXIT_HARD);
}

static void warn (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));

static void
warn (const char *fmt, ...)
{
  va_list ap;
  fputs ("transcript: warning: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

/* The handler only records the signal; the main loop, which polls the
   self-pipe, does the cleaning up outside of signal context.  */
static void
on_signal (int sig)
{
  int saved = errno;
  got_signal = sig;
  if (write (sig_pipe[1], "", 1) < 0)
    {
      /* The pipe is full or gone; got_signal is enough then.  */
    }
  errno = saved;
}

static void
check_signal (void)
{
  int sig = got_signal;
  if (!sig)
    return;
  cleanup_current ();
  fflush (stdout);
  signal (sig, SIG_DFL);
  raise (sig);
  _exit (128 + sig);
}

/* ------------------------------------------------------------------ */
/* Memory.  */

struct buf
{
  char *p;
  size_t len, cap;
};

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p)
    die ("memory exhausted");
  return p;
}

static void
buf_reserve (struct buf *b, size_t extra)
{
  size_t cap;
  if (b->cap - b->len >= extra)
    return;
  if (b->len + extra < b->len)
    die ("memory exhausted");
  cap = b->cap ? b->cap : 256;
  while (cap - b->len < extra)
    {
      if (cap > SIZE_MAX / 2)
        {
          cap = b->len + extra;
          break;
        }
      cap *= 2;
    }
  b->p = xrealloc (b->p, cap);
  b->cap = cap;
}

static void
buf_add (struct buf *b, const void *s, size_t n)
{
  buf_reserve (b, n);
  if (n)
    memcpy (b->p + b->len, s, n);
  b->len += n;
}

static void
buf_addc (struct buf *b, char c)
{
  buf_add (b, &c, 1);
}

static void
buf_free (struct buf *b)
{
  free (b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}

static bool
buf_eq (const struct buf *a, const struct buf *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->p, b->p, a->len) == 0);
}

static char *
xstrndup (const char *s, size_t n)
{
  char *r = xrealloc (NULL, n + 1);
  memcpy (r, s, n);
  r[n] = '\0';
  return r;
}

/* "A" + "/" + "B" as a new string.  */
static char *
path_join (const char *a, const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  char *r = xrealloc (NULL, la + 1 + lb + 1);
  memcpy (r, a, la);
  r[la] = '/';
  memcpy (r + la + 1, b, lb + 1);
  return r;
}

/* ------------------------------------------------------------------ */
/* The parsed transcript.  */

struct vfile
{
  char *name;
  struct buf data;
  long line;
};

struct vcase
{
  char *title;
  long line;
  char *cmd;
  struct buf in, out, err;
  size_t nout, nerr;            /* '>' and '!' lines (not allowed with '*') */
  bool out_any, err_any;        /* '>*' and '!*' */
  int status;
  bool status_set;
  struct vfile *files, *expects;
  size_t nfiles, nexpects;
  long last_file, last_expect;  /* index receiving '+' / '=' lines, or -1 */
};

static struct vcase *cases;
static size_t ncases;

static bool
hexval (char c, unsigned *v)
{
  if (c >= '0' && c <= '9')
    *v = (unsigned) (c - '0');
  else if (c >= 'a' && c <= 'f')
    *v = (unsigned) (c - 'a' + 10);
  else if (c >= 'A' && c <= 'F')
    *v = (unsigned) (c - 'A' + 10);
  else
    return false;
  return true;
}

/* Append the bytes TEXT stands for, newline included unless it ends in \c.
   Unknown escapes are errors rather than literal text so that a typo cannot
   silently turn into a wrong expectation.  */
static void
decode_text (struct buf *dst, const char *s, size_t n, long line)
{
  bool newline = true;
  size_t i = 0;

  while (i < n)
    {
      unsigned hi, lo;
      char c = s[i];

      if (c != '\\')
        {
          buf_addc (dst, c);
          i++;
          continue;
        }
      if (i + 1 == n)
        parse_error (line, "backslash at end of line (write \\\\ for a "
                     "backslash, \\c to omit the newline)");
      switch (s[i + 1])
        {
        case '\\': buf_addc (dst, '\\'); break;
        case 't': buf_addc (dst, '\t'); break;
        case 'r': buf_addc (dst, '\r'); break;
        case 'n': buf_addc (dst, '\n'); break;
        case '0': buf_addc (dst, '\0'); break;
        case 'x':
          if (i + 4 > n || !hexval (s[i + 2], &hi) || !hexval (s[i + 3], &lo))
            parse_error (line, "\\x needs two hex digits");
          buf_addc (dst, (char) (hi << 4 | lo));
          i += 2;
          break;
        case 'c':
          if (i + 2 != n)
            parse_error (line, "\\c is only allowed at the very end of a "
                         "line");
          newline = false;
          break;
        default:
          if (s[i + 1] > ' ' && s[i + 1] < 0x7f)
            parse_error (line, "unknown escape sequence \\%c "
                         "(write \\\\ for a backslash)", s[i + 1]);
          parse_error (line, "unknown escape sequence \\ followed by byte "
                       "0x%02x (write \\\\ for a backslash)",
                       (unsigned char) s[i + 1]);
        }
      i += 2;
    }
  if (newline)
    buf_addc (dst, '\n');
}

/* File names are relative to the work directory and must stay inside it.  */
static void
check_name (const char *name, long line)
{
  const char *p = name;

  if (*name == '\0')
    parse_error (line, "missing file name");
  if (*name == '/')
    parse_error (line, "file name '%s' must be relative", name);
  for (;;)
    {
      size_t n = strcspn (p, "/");
      if (n == 0 || (n == 1 && p[0] == '.')
          || (n == 2 && p[0] == '.' && p[1] == '.'))
        parse_error (line, "file name '%s' must not contain empty, '.' or "
                     "'..' components", name);
      if (p[n] == '\0')
        break;
      p += n + 1;
    }
}

static void
finish_case (struct vcase *c)
{
  if (c && !c->cmd)
    parse_error (c->line, "case '%s' has no '$ COMMAND' line", c->title);
}

static struct vfile *
add_vfile (struct vfile **v, size_t *n, const char *name, size_t len,
           long line)
{
  struct vfile *f;
  char *s = xstrndup (name, len);
  size_t i;

  check_name (s, line);
  for (i = 0; i < *n; i++)
    if (strcmp ((*v)[i].name, s) == 0)
      parse_error (line, "'%s' named twice in this case (first on line %ld)",
                   s, (*v)[i].line);
  *v = xrealloc (*v, (*n + 1) * sizeof **v);
  f = &(*v)[(*n)++];
  memset (f, 0, sizeof *f);
  f->name = s;
  f->line = line;
  return f;
}

/* Does LINE (of length N) start with the keyword KW followed by a space or
   the end of the line?  */
static bool
keyword (const char *line, size_t n, const char *kw)
{
  size_t k = strlen (kw);
  return n >= k && memcmp (line, kw, k) == 0 && (n == k || line[k] == ' ');
}

static void
parse (const char *data, size_t size)
{
  const char *p = data, *end = data + size;
  struct vcase *c = NULL;
  long lineno = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      size_t n = nl ? (size_t) (nl - p) : (size_t) (end - p);
      const char *line = p;
      const char *text = n > 1 ? line + 2 : line + n;
      size_t tlen = n > 1 ? n - 2 : 0;
      size_t i;

      p = nl ? nl + 1 : end;
      lineno++;

      /* Literal NULs would truncate titles and commands, and literal CRs
         are almost always a DOS line ending nobody meant to test.  */
      if (memchr (line, '\0', n))
        parse_error (lineno, "literal NUL byte (write \\0)");
      if (memchr (line, '\r', n))
        parse_error (lineno, "literal carriage return (write \\r; is the "
                     "file in DOS format?)");

      for (i = 0; i < n && (line[i] == ' ' || line[i] == '\t'); i++)
        continue;
      if (i == n || line[0] == '#')
        continue;

      if (n >= 2 && line[0] == '=' && line[1] == '=')
        {
          finish_case (c);
          if (n == 2 || (n == 3 && line[2] == ' '))
            parse_error (lineno, "missing case title after '=='");
          if (line[2] != ' ')
            parse_error (lineno, "expected a space after '=='");
          cases = xrealloc (cases, (ncases + 1) * sizeof *cases);
          c = &cases[ncases++];
          memset (c, 0, sizeof *c);
          c->title = xstrndup (line + 3, n - 3);
          c->line = lineno;
          c->last_file = c->last_expect = -1;
          continue;
        }
      if (!c)
        parse_error (lineno, "expected '== TITLE' before this line");

      if (keyword (line, n, "file") || keyword (line, n, "expect"))
        {
          bool is_file = line[0] == 'f';
          size_t k = is_file ? 5 : 7;
          if (n <= k)
            parse_error (lineno, "missing file name after '%s'",
                         is_file ? "file" : "expect");
          if (is_file)
            {
              add_vfile (&c->files, &c->nfiles, line + k, n - k, lineno);
              c->last_file = (long) c->nfiles - 1;
            }
          else
            {
              add_vfile (&c->expects, &c->nexpects, line + k, n - k, lineno);
              c->last_expect = (long) c->nexpects - 1;
            }
          continue;
        }

      if (n > 1 && line[1] != ' ')
        {
          if (n == 2 && line[1] == '*' && (line[0] == '>' || line[0] == '!'))
            {
              bool out = line[0] == '>';
              if (out ? c->nout : c->nerr)
                parse_error (lineno, "'%c*' in a case that has '%c' lines",
                             line[0], line[0]);
              *(out ? &c->out_any : &c->err_any) = true;
              continue;
            }
          if (strchr ("$<>!?+=", line[0]))
            parse_error (lineno, "expected a single space after '%c'",
                         line[0]);
          parse_error (lineno, "unrecognised line");
        }

      switch (line[0])
        {
        case '$':
          if (c->cmd)
            parse_error (lineno, "second '$' line in case (a case has exactly "
                         "one command line)");
          if (tlen == 0)
            parse_error (lineno, "missing command after '$'");
          c->cmd = xstrndup (text, tlen);
          break;
        case '<':
          decode_text (&c->in, text, tlen, lineno);
          break;
        case '>':
        case '!':
          {
            bool out = line[0] == '>';
            if (out ? c->out_any : c->err_any)
              parse_error (lineno, "'%c' line in a case that has '%c*'",
                           line[0], line[0]);
            ++*(out ? &c->nout : &c->nerr);
            decode_text (out ? &c->out : &c->err, text, tlen, lineno);
          }
          break;
        case '?':
          {
            int v = 0;
            if (c->status_set)
              parse_error (lineno, "second '?' line in case");
            if (tlen == 0)
              parse_error (lineno, "missing exit status after '?'");
            for (i = 0; i < tlen; i++)
              {
                if (text[i] >= '0' && text[i] <= '9')
                  v = v * 10 + (text[i] - '0');
                if (text[i] < '0' || text[i] > '9' || v > 255)
                  parse_error (lineno, "exit status must be a number from 0 "
                               "to 255");
              }
            c->status = v;
            c->status_set = true;
          }
          break;
        case '+':
          if (c->last_file < 0)
            parse_error (lineno, "'+' line without a preceding 'file NAME' in "
                         "this case");
          decode_text (&c->files[c->last_file].data, text, tlen, lineno);
          break;
        case '=':
          if (c->last_expect < 0)
            parse_error (lineno, "'=' line without a preceding 'expect NAME' "
                         "in this case");
          decode_text (&c->expects[c->last_expect].data, text, tlen, lineno);
          break;
        default:
          parse_error (lineno, "unrecognised line");
        }
    }
  finish_case (c);
  if (ncases == 0)
    {
      /* Almost certainly a mistake; "1..0" would count as a skip.  */
      printf ("Bail out! %s: no test cases (a case starts with '== TITLE')\n",
              vt_name);
      exit (EXIT_HARD);
    }
}

static void
free_cases (void)
{
  size_t i, j;
  for (i = 0; i < ncases; i++)
    {
      struct vcase *c = &cases[i];
      free (c->title);
      free (c->cmd);
      buf_free (&c->in);
      buf_free (&c->out);
      buf_free (&c->err);
      for (j = 0; j < c->nfiles; j++)
        {
          free (c->files[j].name);
          buf_free (&c->files[j].data);
        }
      for (j = 0; j < c->nexpects; j++)
        {
          free (c->expects[j].name);
          buf_free (&c->expects[j].data);
        }
      free (c->files);
      free (c->expects);
    }
  free (cases);
}

/* ------------------------------------------------------------------ */
/* Low-level I/O.  */

static void
xclose (int fd)
{
  /* EINTR leaves the descriptor closed on Linux and unspecified elsewhere;
     retrying could close somebody else's descriptor, so accept it.  */
  if (close (fd) == -1 && errno != EINTR)
    die ("close: %s", strerror (errno));
}

static void
set_flag (int fd, int getcmd, int setcmd, int flag)
{
  int fl = fcntl (fd, getcmd);
  if (fl == -1 || fcntl (fd, setcmd, fl | flag) == -1)
    die ("fcntl: %s", strerror (errno));
}

/* pipe2 is not everywhere; this program is single-threaded, so setting
   FD_CLOEXEC afterwards cannot race with a fork.  */
static void
xpipe (int fd[2])
{
  if (pipe (fd) == -1)
    die ("pipe: %s", strerror (errno));
  set_flag (fd[0], F_GETFD, F_SETFD, FD_CLOEXEC);
  set_flag (fd[1], F_GETFD, F_SETFD, FD_CLOEXEC);
}

static int
write_all (int fd, const char *p, size_t n)
{
  while (n > 0)
    {
      ssize_t w = write (fd, p, n);
      if (w < 0)
        {
          if (errno == EINTR)
            continue;
          return -1;
        }
      p += w;
      n -= (size_t) w;
    }
  return 0;
}

/* Read a whole regular file.  Returns 0 or an errno value; a FIFO or
   device left by the command must not make us block forever.  */
static int
read_file (const char *path, struct buf *b)
{
  struct stat st;
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  int err = 0;

  if (fd == -1)
    return errno;
  if (fstat (fd, &st) == -1)
    err = errno;
  else if (S_ISDIR (st.st_mode))
    err = EISDIR;
  else if (!S_ISREG (st.st_mode))
    err = EINVAL;
  while (!err)
    {
      ssize_t r;
      buf_reserve (b, IO_CHUNK);
      r = read (fd, b->p + b->len, IO_CHUNK);
      if (r < 0)
        {
          if (errno != EINTR)
            err = errno;
        }
      else if (r == 0)
        break;
      else
        b->len += (size_t) r;
    }
  if (close (fd) == -1 && !err && errno != EINTR)
    err = errno;
  return err;
}

static int64_t
now_ms (void)
{
  struct timespec ts;
  if (clock_gettime (CLOCK_MONOTONIC, &ts) == -1)
    die ("clock_gettime: %s", strerror (errno));
  return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ------------------------------------------------------------------ */
/* Work directories.  */

/* Remove NAME (relative to AT) and everything below it without following
   symbolic links.  Directories get their permissions back first because a
   command may well have made them unreadable or read-only.  Failures are
   only warnings: the test result is already known.  */
static bool
remove_at (int at, const char *name, const char *shown)
{
  struct stat st;
  bool ok = true;

  if (fstatat (at, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
    {
      if (errno == ENOENT)
        return true;
      warn ("cannot remove %s: %s", shown, strerror (errno));
      return false;
    }
  if (S_ISDIR (st.st_mode))
    {
      struct dirent *e;
      DIR *d;
      int fd;

      if ((st.st_mode & S_IRWXU) != S_IRWXU
          && fchmodat (at, name, S_IRWXU, 0) == -1)
        warn ("cannot chmod %s: %s", shown, strerror (errno));
      fd = openat (at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd == -1)
        {
          warn ("cannot open %s: %s", shown, strerror (errno));
          return false;
        }
      d = fdopendir (fd);
      if (!d)
        {
          warn ("cannot read %s: %s", shown, strerror (errno));
          close (fd);
          return false;
        }
      for (;;)
        {
          errno = 0;
          e = readdir (d);
          if (!e)
            {
              if (errno)
                {
                  warn ("cannot read %s: %s", shown, strerror (errno));
                  ok = false;
                }
              break;
            }
          if (strcmp (e->d_name, ".") == 0 || strcmp (e->d_name, "..") == 0)
            continue;
          ok &= remove_at (dirfd (d), e->d_name, shown);
        }
      if (closedir (d) == -1)
        warn ("closedir %s: %s", shown, strerror (errno));
      if (unlinkat (at, name, AT_REMOVEDIR) == -1)
        {
          warn ("cannot remove %s: %s", shown, strerror (errno));
          ok = false;
        }
    }
  else if (unlinkat (at, name, 0) == -1)
    {
      warn ("cannot remove a file in %s: %s", shown, strerror (errno));
      ok = false;
    }
  return ok;
}

static bool
remove_tree (const char *path)
{
  return remove_at (AT_FDCWD, path, path);
}

/* Create the 'file' blocks of C inside DIR.  Failures here are errors in
   the transcript (e.g. "a" and "a/b" both as files), so they bail out.  */
static void
write_files (const char *dir, const struct vcase *c)
{
  size_t i;

  for (i = 0; i < c->nfiles; i++)
    {
      const struct vfile *f = &c->files[i];
      char *path = path_join (dir, f->name);
      char *slash = path + strlen (dir) + 1;
      int fd;

      /* mkdir -p for the leading components of NAME.  */
      while ((slash = strchr (slash, '/')))
        {
          *slash = '\0';
          if (mkdir (path, 0777) == -1 && errno != EEXIST)
            die ("%s:%ld: cannot create directory for '%s': %s",
                 vt_name, f->line, f->name, strerror (errno));
          *slash++ = '/';
        }
      fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd == -1)
        die ("%s:%ld: cannot create '%s': %s", vt_name, f->line, f->name,
             strerror (errno));
      if (write_all (fd, f->data.p, f->data.len) == -1)
        die ("%s:%ld: cannot write '%s': %s", vt_name, f->line, f->name,
             strerror (errno));
      if (close (fd) == -1)
        die ("%s:%ld: cannot write '%s': %s", vt_name, f->line, f->name,
             strerror (errno));
      free (path);
    }
}

/* ------------------------------------------------------------------ */
/* Running a command.  */

struct outcome
{
  struct buf out, err;
  int status;                   /* exit status, or 128 + signal number */
  int signo;                    /* the signal that ended it, or 0 */
  bool timed_out;
  bool shell_done;              /* on timeout: the shell itself had exited */
  bool too_much;                /* output exceeded TRANSCRIPT_MAX_OUTPUT */
};

/* In the child, after fork: report why the command could not be started on
   what is by then the case's stderr, so it shows up in the diagnostics.  */
static void __attribute__ ((noreturn))
child_fail (const char *what)
{
  const char *msg = strerror (errno);
  if (write_all (2, "transcript: ", 12) == 0
      && write_all (2, what, strlen (what)) == 0
      && write_all (2, ": ", 2) == 0
      && write_all (2, msg, strlen (msg)) == 0)
    write_all (2, "\n", 1);
  _exit (127);
}

static void __attribute__ ((noreturn))
child_exec (const char *dir, const char *cmd, int in, int out, int err)
{
  /* Our own process group, so that a timeout can kill the whole pipeline
     and whatever it started, not just the shell.  */
  if (setpgid (0, 0) == -1)
    child_fail ("setpgid");
  /* We ignore SIGPIPE to survive commands that do not read all their
     input; the command itself must get the usual behaviour back, since an
     ignored disposition survives exec.  */
  if (signal (SIGPIPE, SIG_DFL) == SIG_ERR)
    child_fail ("signal");
  if (chdir (dir) == -1)
    child_fail ("chdir");
  /* The pipe descriptors are all above 2 (main makes sure 0-2 are open),
     so dup2 never finds source == target, and it clears FD_CLOEXEC on the
     copies; the originals close themselves at exec.  */
  if (dup2 (in, 0) == -1 || dup2 (out, 1) == -1 || dup2 (err, 2) == -1)
    child_fail ("dup2");
  execl ("/bin/sh", "sh", "-c", cmd, (char *) NULL);
  child_fail ("/bin/sh");
}

static void
read_some (int *fd, struct buf *b, struct outcome *o)
{
  ssize_t r;

  buf_reserve (b, IO_CHUNK);
  r = read (*fd, b->p + b->len, IO_CHUNK);
  if (r < 0)
    {
      if (errno != EINTR && errno != EAGAIN)
        die ("read: %s", strerror (errno));
    }
  else if (r == 0)
    {
      xclose (*fd);
      *fd = -1;
    }
  else
    {
      b->len += (size_t) r;
      if (b->len > TRANSCRIPT_MAX_OUTPUT)
        o->too_much = true;
    }
}

/* Kill the command's process group.  ESRCH just means nobody is left.  */
static void
kill_group (pid_t pid)
{
  if (kill (-pid, SIGKILL) == -1 && errno != ESRCH && errno != EPERM)
    die ("kill: %s", strerror (errno));
}

/* Run C's command in DIR and capture everything it does.  Stdin is written
   while stdout and stderr are read, all multiplexed with poll, so that no
   amount of data in either direction can deadlock the two processes.  */
static void
run_command (const struct vcase *c, const char *dir, struct outcome *o)
{
  int inp[2], outp[2], errp[2];
  int in_fd, out_fd, err_fd;
  size_t in_off = 0;
  int64_t deadline;
  int64_t delay = 1;
  pid_t pid;
  int st;

  xpipe (inp);
  xpipe (outp);
  xpipe (errp);
  /* Anything still buffered would otherwise be inherited by the child.  */
  if (fflush (stdout) == EOF)
    die ("write error on standard output: %s", strerror (errno));
  (void) fflush (stderr);       /* only our own warnings; not worth dying */

  pid = fork ();
  if (pid == -1)
    die ("fork: %s", strerror (errno));
  if (pid == 0)
    child_exec (dir, c->cmd, inp[0], outp[1], errp[1]);
  cur_pid = pid;
  /* Also from the parent, so the group surely exists before any kill.
     EACCES: the child already exec'd, after its own setpgid.  */
  if (setpgid (pid, pid) == -1 && errno != EACCES && errno != ESRCH)
    die ("setpgid: %s", strerror (errno));

  xclose (inp[0]);
  xclose (outp[1]);
  xclose (errp[1]);
  in_fd = inp[1];
  out_fd = outp[0];
  err_fd = errp[0];
  if (c->in.len == 0)
    {
      /* No '<' lines: empty input, i.e. immediate end of file.  */
      xclose (in_fd);
      in_fd = -1;
    }
  else
    set_flag (in_fd, F_GETFL, F_SETFL, O_NONBLOCK);

  deadline = now_ms () + (int64_t) TRANSCRIPT_TIMEOUT * 1000;

  /* Keep going while any pipe is open: a command may close its outputs
     and still be reading its input, or the other way round.  */
  while (in_fd >= 0 || out_fd >= 0 || err_fd >= 0)
    {
      struct pollfd pf[4];
      int n = 0, i_in = -1, i_out = -1, i_err = -1;
      int64_t left;
      int r;

      check_signal ();
      if (o->too_much)
        break;
      left = deadline - now_ms ();
      if (left <= 0)
        {
          o->timed_out = true;
          break;
        }
      pf[n].fd = sig_pipe[0];
      pf[n++].events = POLLIN;
      if (in_fd >= 0)
        {
          i_in = n;
          pf[n].fd = in_fd;
          pf[n++].events = POLLOUT;
        }
      if (out_fd >= 0)
        {
          i_out = n;
          pf[n].fd = out_fd;
          pf[n++].events = POLLIN;
        }
      if (err_fd >= 0)
        {
          i_err = n;
          pf[n].fd = err_fd;
          pf[n++].events = POLLIN;
        }
      r = poll (pf, (nfds_t) n, left > INT_MAX ? INT_MAX : (int) left);
      if (r == -1)
        {
          if (errno == EINTR)
            continue;
          die ("poll: %s", strerror (errno));
        }
      for (int k = 0; k < n; k++)
        if (pf[k].revents & POLLNVAL)
          die ("poll: invalid descriptor");

      /* POLLERR/POLLHUP on the input pipe mean the reader is gone; the
         write below then fails with EPIPE, which is handled there.  */
      if (i_in >= 0 && pf[i_in].revents)
        {
          size_t want = c->in.len - in_off;
          ssize_t w = write (in_fd, c->in.p + in_off,
                             want < IO_CHUNK ? want : IO_CHUNK);
          if (w < 0)
            {
              if (errno == EPIPE)
                in_off = c->in.len;     /* the command stopped reading */
              else if (errno != EAGAIN && errno != EINTR)
                die ("write to command: %s", strerror (errno));
            }
          else
            in_off += (size_t) w;
          if (in_off == c->in.len)
            {
              xclose (in_fd);
              in_fd = -1;
            }
        }
      if (i_out >= 0 && pf[i_out].revents)
        read_some (&out_fd, &o->out, o);
      if (i_err >= 0 && pf[i_err].revents)
        read_some (&err_fd, &o->err, o);
    }

  if (!o->timed_out && !o->too_much)
    {
      /* Both outputs are closed, but the shell may not have exited yet (or
         may never).  waitid with WNOWAIT watches without reaping, so the
         process ID, and with it the process group, stays reserved until we
         have killed any leftover background jobs below.  */
      for (;;)
        {
          siginfo_t si;
          int64_t left;
          struct timespec ts;

          memset (&si, 0, sizeof si);
          if (waitid (P_PID, (id_t) pid, &si,
                      WEXITED | WNOHANG | WNOWAIT) == -1)
            {
              if (errno == EINTR)
                continue;
              die ("waitid: %s", strerror (errno));
            }
          if (si.si_pid == pid)
            break;
          check_signal ();
          left = deadline - now_ms ();
          if (left <= 0)
            {
              o->timed_out = true;
              break;
            }
          if (delay > left)
            delay = left;
          ts.tv_sec = 0;
          ts.tv_nsec = (long) delay * 1000000;
          if (nanosleep (&ts, NULL) == -1 && errno != EINTR)
            die ("nanosleep: %s", strerror (errno));
          if (delay < 50)
            delay *= 2;
        }
    }

  if (o->timed_out)
    {
      /* Worth telling apart: if the shell is done, a background job kept
         stdout or stderr open, which is a mistake in the test.  */
      siginfo_t si;
      memset (&si, 0, sizeof si);
      if (waitid (P_PID, (id_t) pid, &si, WEXITED | WNOHANG | WNOWAIT) == -1)
        die ("waitid: %s", strerror (errno));
      o->shell_done = si.si_pid == pid;
    }

  /* Leftover members of the group (background jobs, or everything after a
     timeout) would otherwise outlive the test and litter the directory.  */
  kill_group (pid);
  if (in_fd >= 0)
    xclose (in_fd);
  if (out_fd >= 0)
    xclose (out_fd);
  if (err_fd >= 0)
    xclose (err_fd);
  while (waitpid (pid, &st, 0) == -1)
    if (errno != EINTR)
      die ("waitpid: %s", strerror (errno));
  cur_pid = 0;

  if (WIFEXITED (st))
    o->status = WEXITSTATUS (st);
  else if (WIFSIGNALED (st))
    {
      o->signo = WTERMSIG (st);
      o->status = 128 + o->signo;
    }
  else
    die ("unexpected wait status %d", st);
}

/* ------------------------------------------------------------------ */
/* Reporting.  */

/* Length of a valid UTF-8 sequence at P, or 0 for a byte that must be
   shown as \xHH (invalid, overlong, surrogate, or a C1 control).  Showing
   such bytes raw would make the diagnostics, and any transcript pasted from
   them, invalid UTF-8.  */
static size_t
utf8_len (const unsigned char *p, size_t n)
{
  unsigned c = p[0], lo = 0x80, hi = 0xbf;
  size_t len, i;

  if (c >= 0xc2 && c <= 0xdf)
    {
      len = 2;
      if (c == 0xc2)
        lo = 0xa0;
    }
  else if (c >= 0xe0 && c <= 0xef)
    {
      len = 3;
      if (c == 0xe0)
        lo = 0xa0;
      else if (c == 0xed)
        hi = 0x9f;
    }
  else if (c >= 0xf0 && c <= 0xf4)
    {
      len = 4;
      if (c == 0xf0)
        lo = 0x90;
      else if (c == 0xf4)
        hi = 0x8f;
    }
  else
    return 0;
  if (n < len || p[1] < lo || p[1] > hi)
    return 0;
  for (i = 2; i < len; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return len;
}

/* Print bytes in the transcript escape syntax.  A final space is written
   \x20 when it would end the line, because editors like to strip it.  */
static void
put_escaped (const char *s, size_t n, bool at_eol)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t i = 0;

  while (i < n)
    {
      unsigned c = p[i];
      size_t k;

      switch (c)
        {
        case '\\': fputs ("\\\\", stdout); break;
        case '\t': fputs ("\\t", stdout); break;
        case '\r': fputs ("\\r", stdout); break;
        case '\n': fputs ("\\n", stdout); break;
        case '\0': fputs ("\\0", stdout); break;
        default:
          if (c < 0x20 || c == 0x7f || (c == ' ' && at_eol && i + 1 == n))
            printf ("\\x%02x", c);
          else if (c < 0x80)
            putchar ((int) c);
          else if ((k = utf8_len (p + i, n - i)) > 0)
            {
              fwrite (p + i, 1, k, stdout);
              i += k;
              continue;
            }
          else
            printf ("\\x%02x", c);
        }
      i++;
    }
}

/* Start offsets of the lines of B; line I is [v[I], v[I+1]), newline
   included, and v[n] == B->len.  */
struct lines
{
  size_t *v;
  size_t n;
};

static void
split_lines (const struct buf *b, struct lines *l)
{
  size_t i, cap = 16;

  l->v = xrealloc (NULL, cap * sizeof *l->v);
  l->n = 0;
  l->v[0] = 0;
  for (i = 0; i < b->len; )
    {
      const char *nl = memchr (b->p + i, '\n', b->len - i);
      i = nl ? (size_t) (nl - b->p) + 1 : b->len;
      if (l->n + 2 > cap)
        {
          cap *= 2;
          l->v = xrealloc (l->v, cap * sizeof *l->v);
        }
      l->v[++l->n] = i;
    }
}

/* Show one line the way it would be written in the transcript.  */
static void
show_line (char prefix, const struct buf *b, const struct lines *l,
           size_t i, size_t focus)
{
  const char *s = b->p + l->v[i];
  size_t len = l->v[i + 1] - l->v[i];
  bool nl = len > 0 && s[len - 1] == '\n';

  if (nl)
    len--;
  if (len > SHOW_LINE_BYTES)
    {
      /* Too long to show whole: a window around FOCUS (the first
         difference, or the start).  This is no longer pasteable, so say
         so in a comment.  */
      size_t from = focus > SHOW_LINE_BYTES / 4
                    ? focus - SHOW_LINE_BYTES / 4 : 0;
      if (from > len - SHOW_LINE_BYTES)
        from = len - SHOW_LINE_BYTES;
      printf ("# # (line %zu has %zu bytes; showing bytes %zu-%zu)\n",
              i + 1, len, from + 1, from + SHOW_LINE_BYTES);
      printf ("# %c ", prefix);
      put_escaped (s + from, SHOW_LINE_BYTES, false);
      putchar ('\n');
      return;
    }
  printf ("# %c", prefix);
  if (len > 0 || !nl)
    {
      putchar (' ');
      put_escaped (s, len, nl);
      if (!nl)
        fputs ("\\c", stdout);
    }
  putchar ('\n');
}

/* Show the lines of B around line K, marking K as the first difference at
   byte BYTE (no marker if K is SIZE_MAX).  Every line printed is "# "
   followed by valid transcript syntax (markers and notes are '#'
   comments), so the block can be pasted into the .vt file after stripping
   the leading "# ".  */
static void
show_block (const char *label, char prefix, const struct buf *b,
            const struct lines *l, size_t k, size_t byte)
{
  size_t from = 0, to = l->n, i;

  printf ("# %s:\n", label);
  if (l->n == 0)
    {
      puts ("# # (empty)");
      return;
    }
  if (l->n > SHOW_ALL_LINES)
    {
      /* Without a difference to show, the start is as good as anything.  */
      size_t pivot = k == SIZE_MAX ? 0 : k < l->n ? k : l->n;
      from = pivot > SHOW_BEFORE ? pivot - SHOW_BEFORE : 0;
      to = pivot + SHOW_AFTER < l->n ? pivot + SHOW_AFTER : l->n;
    }
  if (from > 0)
    printf ("# # (%zu line%s before not shown)\n", from, from == 1 ? "" : "s");
  for (i = from; i < to; i++)
    {
      show_line (prefix, b, l, i, i == k ? byte : 0);
      if (i == k)
        printf ("# # ^^^ first difference, at byte %zu\n", byte + 1);
    }
  if (k != SIZE_MAX && k >= l->n)
    puts ("# # ^^^ ends here");
  if (to < l->n)
    printf ("# # (%zu more line%s not shown)\n", l->n - to,
            l->n - to == 1 ? "" : "s");
}

/* Explain how GOT differs from EXP.  */
static void
show_diff (const char *what, char prefix, const struct buf *exp,
           const struct buf *got)
{
  struct lines le, lg;
  size_t k = 0, byte = 0;
  char label[256];

  split_lines (exp, &le);
  split_lines (got, &lg);
  for (; k < le.n && k < lg.n; k++)
    {
      size_t a = le.v[k + 1] - le.v[k], b = lg.v[k + 1] - lg.v[k];
      const char *pa = exp->p + le.v[k], *pb = got->p + lg.v[k];
      if (a != b || memcmp (pa, pb, a) != 0)
        {
          while (byte < a && byte < b && pa[byte] == pb[byte])
            byte++;
          break;
        }
    }
  printf ("# %s differs: first difference at line %zu, byte %zu "
          "(expected %zu line%s, got %zu)\n", what, k + 1, byte + 1,
          le.n, le.n == 1 ? "" : "s", lg.n);
  snprintf (label, sizeof label, "expected %s", what);
  show_block (label, prefix, exp, &le, k, byte);
  snprintf (label, sizeof label, "actual %s", what);
  show_block (label, prefix, got, &lg, k, byte);
  free (le.v);
  free (lg.v);
}

/* Output that was not compared but may explain a failure.  */
static void
show_plain (const char *what, char prefix, const struct buf *b)
{
  struct lines l;
  split_lines (b, &l);
  show_block (what, prefix, b, &l, SIZE_MAX, 0);
  free (l.v);
}

/* TAP gives '#' in a description the meaning of a directive ("# SKIP"),
   and tap-driver.sh treats it as escaped only after an odd number of
   backslashes; so double any backslashes right before a '#' and add one.  */
static void
put_title (const char *t)
{
  size_t bs = 0;

  for (; *t; t++)
    {
      if (*t == '#')
        {
          for (size_t i = 0; i <= bs; i++)
            putchar ('\\');
          bs = 0;
        }
      else
        bs = *t == '\\' ? bs + 1 : 0;
      putchar (*t);
    }
}

/* Run case number N (1-based) and print its TAP line.  Returns whether it
   passed.  */
static bool
run_case (const struct vcase *c, size_t n, const char *tmpbase)
{
  struct outcome o;
  struct buf *actual;
  int *err;
  bool pass, ok_out, ok_err, ok_status;
  size_t i;
  char *tmpl = path_join (tmpbase, "vt.XXXXXX");

  memset (&o, 0, sizeof o);
  if (!mkdtemp (tmpl))
    die ("cannot create a directory like %s: %s", tmpl, strerror (errno));
  cur_dir = tmpl;
  write_files (cur_dir, c);
  run_command (c, cur_dir, &o);

  /* Read the expected files now, before the directory goes away.  */
  actual = xrealloc (NULL, (c->nexpects + 1) * sizeof *actual);
  err = xrealloc (NULL, (c->nexpects + 1) * sizeof *err);
  pass = !o.timed_out && !o.too_much;
  for (i = 0; i < c->nexpects; i++)
    {
      char *path = path_join (cur_dir, c->expects[i].name);
      memset (&actual[i], 0, sizeof actual[i]);
      err[i] = read_file (path, &actual[i]);
      if (err[i] || !buf_eq (&actual[i], &c->expects[i].data))
        pass = false;
      free (path);
    }
  ok_out = c->out_any || buf_eq (&c->out, &o.out);
  ok_err = c->err_any || buf_eq (&c->err, &o.err);
  ok_status = o.status == c->status;
  pass = pass && ok_out && ok_err && ok_status;

  printf ("%sok %zu - ", pass ? "" : "not ", n);
  put_title (c->title);
  putchar ('\n');

  if (!pass)
    {
      printf ("# case at %s:%ld: $ %s\n", vt_name, c->line, c->cmd);
      if (o.timed_out || o.too_much)
        {
          if (o.timed_out)
            printf ("# timed out after %d seconds; process group killed\n",
                    TRANSCRIPT_TIMEOUT);
          if (o.shell_done)
            puts ("# (the shell had exited, but a process it started still "
                  "held stdout or stderr open)");
          else
            printf ("# output exceeded %zu bytes; process group killed\n",
                    (size_t) TRANSCRIPT_MAX_OUTPUT);
          if (o.err.len)
            show_plain ("stderr so far", '!', &o.err);
        }
      else
        {
          if (!ok_status)
            {
              printf ("# exit status: expected %d, got %d", c->status,
                      o.status);
              if (o.signo)
                printf (" (killed by signal %d: %s)", o.signo,
                        strsignal (o.signo));
              putchar ('\n');
            }
          if (!ok_out)
            show_diff ("stdout", '>', &c->out, &o.out);
          if (!ok_err)
            show_diff ("stderr", '!', &c->err, &o.err);
          for (i = 0; i < c->nexpects; i++)
            {
              const struct vfile *f = &c->expects[i];
              if (err[i] == ENOENT)
                printf ("# file %s: not created by the command\n", f->name);
              else if (err[i] == EINVAL)
                printf ("# file %s: not a regular file\n", f->name);
              else if (err[i])
                printf ("# file %s: %s\n", f->name, strerror (err[i]));
              else if (!buf_eq (&actual[i], &f->data))
                {
                  char what[PATH_MAX + 16];
                  snprintf (what, sizeof what, "file %s", f->name);
                  show_diff (what, '=', &f->data, &actual[i]);
                }
            }
          /* Unchecked stderr is shown anyway: it usually says why.  */
          if (c->err_any && o.err.len)
            show_plain ("stderr (not checked)", '!', &o.err);
        }
    }
  if (keep_dirs)
    printf ("# work directory kept: %s\n", cur_dir);

  for (i = 0; i < c->nexpects; i++)
    buf_free (&actual[i]);
  free (actual);
  free (err);
  buf_free (&o.out);
  buf_free (&o.err);

  if (fflush (stdout) == EOF)
    die ("write error on standard output: %s", strerror (errno));
  if (!keep_dirs)
    remove_tree (cur_dir);
  free (cur_dir);
  cur_dir = NULL;
  return pass;
}

/* ------------------------------------------------------------------ */
/* Setup.  */

/* Absolute form of a relative path, by prefixing the current directory.
   Not realpath: symbolic links are kept as the user wrote them.  */
static char *
absolute (const char *path)
{
  size_t size = 256;
  char *cwd = NULL, *r;

  if (path[0] == '/')
    return xstrndup (path, strlen (path));
  for (;;)
    {
      cwd = xrealloc (cwd, size);
      if (getcwd (cwd, size))
        break;
      if (errno != ERANGE)
        die ("getcwd: %s", strerror (errno));
      size *= 2;
    }
  while (path[0] == '.' && path[1] == '/')
    for (path += 2; *path == '/'; path++)
      continue;
  if (strcmp (path, ".") == 0 || path[0] == '\0')
    return cwd;
  r = path_join (cwd, path);
  free (cwd);
  return r;
}

/* The command runs in the work directory, so anything the environment
   names relative to the build directory must become absolute first.  */
static void
absolutize_env (void)
{
  const char *s = getenv ("srcdir");
  const char *path = getenv ("PATH");

  if (s && s[0] != '/')
    {
      char *a = absolute (s);
      if (setenv ("srcdir", a, 1) == -1)
        die ("setenv: %s", strerror (errno));
      free (a);
    }

  /* Relative PATH entries (e.g. "../filters" put there by a Makefile)
     would otherwise silently stop finding the programs under test.  Empty
     entries are left alone.  */
  if (path)
    {
      struct buf b = { NULL, 0, 0 };
      bool changed = false;
      const char *p = path;
      for (;;)
        {
          size_t n = strcspn (p, ":");
          if (n > 0 && p[0] != '/')
            {
              char *rel = xstrndup (p, n), *a = absolute (rel);
              buf_add (&b, a, strlen (a));
              free (rel);
              free (a);
              changed = true;
            }
          else
            buf_add (&b, p, n);
          if (p[n] == '\0')
            break;
          buf_addc (&b, ':');
          p += n + 1;
        }
      buf_addc (&b, '\0');
      if (changed && setenv ("PATH", b.p, 1) == -1)
        die ("setenv: %s", strerror (errno));
      buf_free (&b);
    }

  /* Golden output must not depend on the tester's locale.  */
  if (setenv ("LC_ALL", "C", 1) == -1)
    die ("setenv: %s", strerror (errno));
}

static void
setup_signals (void)
{
  static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
  struct sigaction sa;
  size_t i;

  /* A command that stops reading its input must not kill us: the write
     then fails with EPIPE, which run_command expects.  */
  if (signal (SIGPIPE, SIG_IGN) == SIG_ERR)
    die ("signal: %s", strerror (errno));

  xpipe (sig_pipe);
  set_flag (sig_pipe[0], F_GETFL, F_SETFL, O_NONBLOCK);
  set_flag (sig_pipe[1], F_GETFL, F_SETFL, O_NONBLOCK);

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    {
      struct sigaction old;
      if (sigaction (sigs[i], NULL, &old) == -1)
        die ("sigaction: %s", strerror (errno));
      /* Respect an inherited "ignore" (nohup and friends).  */
      if (old.sa_handler != SIG_IGN && sigaction (sigs[i], &sa, NULL) == -1)
        die ("sigaction: %s", strerror (errno));
    }
}

static void
read_transcript (struct buf *b)
{
  int fd = open (vt_name, O_RDONLY | O_CLOEXEC);

  if (fd == -1)
    die ("cannot open %s: %s", vt_name, strerror (errno));
  for (;;)
    {
      ssize_t r;
      buf_reserve (b, IO_CHUNK);
      r = read (fd, b->p + b->len, IO_CHUNK);
      if (r < 0)
        {
          if (errno == EINTR)
            continue;
          die ("cannot read %s: %s", vt_name, strerror (errno));
        }
      if (r == 0)
        break;
      b->len += (size_t) r;
    }
  if (close (fd) == -1 && errno != EINTR)
    die ("cannot read %s: %s", vt_name, strerror (errno));
}

int
main (int argc, char **argv)
{
  struct buf text = { NULL, 0, 0 };
  const char *tmp;
  char *tmpbase;
  size_t i, failed = 0;
  int fd;

  /* Descriptors 0-2 must be open so that no pipe gets one of those
     numbers; the child's dup2 calls rely on it.  */
  for (fd = 0; fd <= 2; fd++)
    if (fcntl (fd, F_GETFD) == -1)
      {
        if (errno != EBADF || open ("/dev/null", O_RDWR) != fd)
          return EXIT_HARD;
      }

  if (argc < 2)
    {
      fputs ("usage: transcript [IGNORED...] FILE.vt\n", stderr);
      puts ("Bail out! transcript: no transcript file given");
      return EXIT_HARD;
    }
  vt_name = argv[argc - 1];
  keep_dirs = getenv ("KEEP_TRANSCRIPT_DIRS") != NULL;

  read_transcript (&text);
  parse (text.p, text.len);
  buf_free (&text);

  absolutize_env ();
  tmp = getenv ("TMPDIR");
  tmpbase = absolute (tmp && *tmp ? tmp : "/tmp");
  setup_signals ();

  for (i = 0; i < ncases; i++)
    {
      check_signal ();
      if (!run_case (&cases[i], i + 1, tmpbase))
        failed++;
    }
  printf ("1..%zu\n", ncases);
  if (failed)
    printf ("# %zu of %zu case%s failed\n", failed, ncases,
            ncases == 1 ? "" : "s");

  free (tmpbase);
  free_cases ();
  if (fflush (stdout) == EOF || ferror (stdout))
    {
      fprintf (stderr, "transcript: write error on standard output\n");
      return EXIT_HARD;
    }
  return failed ? 1 : 0;
}
