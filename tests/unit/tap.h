/* tap.h -- minimal Test Anything Protocol output for the unit tests, read by
   Automake's tap-driver.sh so that every check counts in the summary */
#ifndef VN_TAP_H
#define VN_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

/* One check: "ok N - NAME" or "not ok N - NAME". */
#define ok(cond, ...)                                                   \
  do {                                                                  \
    int ok_ = (cond) ? 1 : 0;                                           \
    printf ("%sok %d - ", ok_ ? "" : "not ", ++tap_n);                  \
    printf (__VA_ARGS__);                                               \
    putchar ('\n');                                                     \
    if (!ok_) {                                                         \
      tap_failed++;                                                     \
      printf ("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);  \
    }                                                                   \
  } while (0)

/* Byte-exact comparison of two buffers, showing both on failure. */
#define ok_mem(got, got_len, exp, exp_len, ...)                         \
  do {                                                                  \
    size_t gl_ = (got_len), el_ = (exp_len);                            \
    int same_ = gl_ == el_ && memcmp ((got), (exp), gl_) == 0;          \
    ok (same_, __VA_ARGS__);                                            \
    if (!same_)                                                         \
      printf ("#   got      [%.*s] (%zu bytes)\n#   expected [%.*s] (%zu bytes)\n", \
              (int) gl_, (const char *) (got), gl_,                     \
              (int) el_, (const char *) (exp), el_);                    \
  } while (0)

#define ok_str(got, exp, ...) \
  ok_mem ((got), strlen (got), (exp), strlen (exp), __VA_ARGS__)

/* Open tests/data/NAME of the source tree ($abs_top_srcdir or $srcdir, as
   the harness sets them; else the current directory), or say why not. */
static inline FILE *
tap_open_data (const char *name)
{
  static const char *const vars[] = { "abs_top_srcdir", "srcdir" };
  char path[4096];
  size_t i;
  FILE *f;

  for (i = 0; i < 2; i++)
    {
      const char *dir = getenv (vars[i]);
      if (!dir)
        continue;
      snprintf (path, sizeof path, "%s/tests/data/%s", dir, name);
      f = fopen (path, "r");
      if (f)
        return f;
    }
  f = fopen (name, "r");
  if (!f)
    printf ("# cannot open tests/data/%s (set abs_top_srcdir)\n", name);
  return f;
}

/* Print the plan last (TAP allows it) and return the exit status. */
static inline int
tap_done (void)
{
  printf ("1..%d\n", tap_n);
  return tap_failed ? 1 : 0;
}

#endif
