/* fixer.h -- the one shape every defect finder has, and the registry of them */
#ifndef VN_FIXER_H
#define VN_FIXER_H

#include <stdio.h>
#include "edit.h"
#include "line.h"

struct vn_decoder;

/* What a fixer knows of the document a line belongs to. */
struct vn_doc
{
  const char *name;     /* file name for messages ("-" is standard input) */
  int jsonl;            /* the document is a JSON string field, not a file:
                           it has no final newline of its own */
  int split;            /* its input is split into documents (--doc-sep) */
  uint64_t index;       /* 1-based: which document of its input it is */
  uint64_t lineno;      /* the input line it starts on (a --jsonl record's) */
  const char *text;     /* a --jsonl document is known whole before its
                           lines: its text (TEXT_LEN bytes); else NULL */
  size_t text_len;
  FILE *report;         /* where a report-only fixer writes (REPORT_ONLY) */
};

/* An option of one fixer; the filter (and later vn-clean) offers it as a
   long option.  HAS_ARG is 0 or 1, as for getopt_long. */
struct vn_fixer_option
{
  const char *name;
  int has_arg;
  const char *arg_name; /* shown in --help, e.g. "STYLE"; NULL without arg */
  const char *help;
};

/* A one-letter alias of a fixer option (vn-recode -f for --from-code). */
struct vn_fixer_alias
{
  char letter;
  const char *option;
};

struct vn_fixer
{
  const char *name;     /* short name, e.g. "entities" (for --only/--skip) */
  const char *filter;   /* the filter that runs it alone, e.g. "vn-entities" */
  const char *summary;  /* one line for --help and the README */
  const struct vn_rule *rules;  /* every rule it can report, ended by {0} */
  const struct vn_fixer_option *options;        /* ended by {0}; may be NULL */
  const struct vn_fixer_alias *aliases;         /* ended by {0}; may be NULL */

  /* Make a state with the defaults; free it. */
  void *(*create) (void);
  void (*destroy) (void *state);

  /* Set option NAME (one of OPTIONS) to ARG (NULL without argument).
     Return 0, or -1 after printing why ARG is not acceptable. */
  int (*set_option) (void *state, const char *name, const char *arg);

  /* A new document starts (may be NULL). */
  void (*begin_doc) (void *state, const struct vn_doc *doc);

  /* Propose edits for one line of the current document (NULL for a
     document-scope fixer, which has DOCUMENT instead). */
  void (*line) (void *state, const struct vn_doc *doc,
                const struct vn_line *line, struct vn_edits *out);

  /* Document scope, instead of LINE: propose edits for every line of the
     document at once, when it has been read whole and the stages before
     have run over it.  LINES[0..N) are its lines as they are now (lines an
     earlier stage deleted are gone; LINENO is still the input's); OUT[I]
     receives the edits of LINES[I].  An edit over a whole line, terminator
     included, with nothing in its place deletes the line.  A filter with
     such a stage holds each document in memory: memory then grows with
     the largest document, never with the input. */
  void (*document) (void *state, const struct vn_doc *doc,
                    const struct vn_line *lines, size_t n,
                    struct vn_edits *out);
  /* A --doc-sep line between two documents (may be NULL).  It is framing,
     not text: edits may touch its terminator only (vn-space makes it LF). */
  void (*separator) (void *state, const struct vn_doc *doc,
                     const struct vn_line *line, struct vn_edits *out);

  /* Input decoding (may be NULL; only a filter's first fixer may have
     it): the bytes of each document read from a file go through DECODER
     (lib/decode.h) before UTF-8 validation, so that this fixer and the
     ones after it see UTF-8.  vn-recode turns legacy charsets into UTF-8
     this way.  Not used with --jsonl: a JSON text is UTF-8 already. */
  const struct vn_decoder *decoder;

  /* After the options are set (may be NULL): the name of the option that
     made this fixer report-only (vn-recode --detect), or NULL.  The filter
     then writes no text; the fixer writes its report to DOC->REPORT. */
  const char *(*report_only) (void *state);
};

/* Every fixer, in the order of the default pipeline (DESIGN.md). */
extern const struct vn_fixer *const vn_registry[];

/* The fixer called NAME, or NULL. */
const struct vn_fixer *vn_fixer_find (const char *name);

/* The fixers themselves (lib/<name>.c). */
extern const struct vn_fixer vn_fixer_recode;
extern const struct vn_fixer vn_fixer_entities;
extern const struct vn_fixer vn_fixer_unicode;
extern const struct vn_fixer vn_fixer_tones;
extern const struct vn_fixer vn_fixer_punct;
extern const struct vn_fixer vn_fixer_repeats;
extern const struct vn_fixer vn_fixer_captions;
extern const struct vn_fixer vn_fixer_bylines;
extern const struct vn_fixer vn_fixer_boilerplate;
extern const struct vn_fixer vn_fixer_typos;
extern const struct vn_fixer vn_fixer_space;

#endif
