/* diag.c -- one way to fail: program name, errors, warnings, checked allocation */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"

const char *vn_program_name = "vnclean";

void
vn_set_program_name (const char *argv0)
{
  const char *slash = strrchr (argv0, '/');
  vn_program_name = slash ? slash + 1 : argv0;
}

void
vn_error (int status, int errnum, const char *fmt, ...)
{
  va_list ap;

  /* Whatever the filter wrote so far goes out before the message, so that
     a terminal shows them in the order they happened. */
  fflush (stdout);
  fprintf (stderr, "%s: ", vn_program_name);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  if (errnum)
    fprintf (stderr, ": %s", strerror (errnum));
  fputc ('\n', stderr);
  if (status)
    exit (status);
}

void
vn_warn_at (const char *file, uint64_t line, uint64_t col, const char *fmt, ...)
{
  va_list ap;

  fflush (stdout);
  fprintf (stderr, "%s: %s:%llu:%llu: ", vn_program_name, file,
           (unsigned long long) line, (unsigned long long) col);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

static void *
check (void *p)
{
  if (!p)
    vn_error (VN_EXIT_ERROR, 0, "memory exhausted");
  return p;
}

void *
vn_xmalloc (size_t n)
{
  return check (malloc (n ? n : 1));
}

void *
vn_xrealloc (void *p, size_t n)
{
  return check (realloc (p, n ? n : 1));
}

void *
vn_xcalloc (size_t n, size_t size)
{
  return check (calloc (n ? n : 1, size ? size : 1));
}

char *
vn_xstrdup (const char *s)
{
  return check (strdup (s));
}

size_t
vn_grow (size_t cap, size_t need)
{
  if (cap < 64)
    cap = 64;
  while (cap < need)
    {
      if (cap > (size_t) -1 / 2)
        vn_error (VN_EXIT_ERROR, 0, "memory exhausted");
      cap *= 2;
    }
  return cap;
}
