/* diag.h -- one way to fail: program name, errors, warnings, checked allocation */
#ifndef VN_DIAG_H
#define VN_DIAG_H

#include <stddef.h>
#include <stdint.h>

/* Exit statuses shared by every filter (DESIGN.md, command-line contract). */
enum {
  VN_EXIT_OK = 0,       /* success */
  VN_EXIT_FOUND = 1,    /* --check found something to fix, or an input problem */
  VN_EXIT_ERROR = 2     /* usage or system error (write error, out of memory) */
};

extern const char *vn_program_name;

void vn_set_program_name (const char *argv0);

/* Print "PROG: MESSAGE" on stderr, followed by ": strerror(ERRNUM)" when ERRNUM
   is not 0; exit with STATUS when STATUS is not 0 (error(3) semantics). */
void vn_error (int status, int errnum, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));

/* Print "PROG: FILE:LINE:COL: MESSAGE" on stderr (a located input problem). */
void vn_warn_at (const char *file, uint64_t line, uint64_t col,
                 const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

/* Allocation that never returns NULL: "memory exhausted" and exit 2 instead. */
#define VN_NONNULL __attribute__ ((returns_nonnull))
void *vn_xmalloc (size_t n) VN_NONNULL;
void *vn_xrealloc (void *p, size_t n) VN_NONNULL;
void *vn_xcalloc (size_t n, size_t size) VN_NONNULL;
char *vn_xstrdup (const char *s) VN_NONNULL;
/* Grow *CAP (at least doubling) until it holds NEED; exit 2 on overflow. */
size_t vn_grow (size_t cap, size_t need);

#endif
