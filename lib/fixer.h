/* fixer.h -- the one shape every defect finder has, and the registry of them */
#ifndef VN_FIXER_H
#define VN_FIXER_H

#include "edit.h"
#include "line.h"

/* What a fixer knows of the document a line belongs to. */
struct vn_doc
{
  const char *name;     /* file name for messages ("-" is standard input) */
  int jsonl;            /* the document is a JSON string field, not a file:
                           it has no final newline of its own */
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

struct vn_fixer
{
  const char *name;     /* short name, e.g. "entities" (for --only/--skip) */
  const char *filter;   /* the filter that runs it alone, e.g. "vn-entities" */
  const char *summary;  /* one line for --help and the README */
  const struct vn_rule *rules;  /* every rule it can report, ended by {0} */
  const struct vn_fixer_option *options;        /* ended by {0}; may be NULL */

  /* Make a state with the defaults; free it. */
  void *(*create) (void);
  void (*destroy) (void *state);

  /* Set option NAME (one of OPTIONS) to ARG (NULL without argument).
     Return 0, or -1 after printing why ARG is not acceptable. */
  int (*set_option) (void *state, const char *name, const char *arg);

  /* A new document starts (may be NULL). */
  void (*begin_doc) (void *state, const struct vn_doc *doc);

  /* Propose edits for one line of the current document. */
  void (*line) (void *state, const struct vn_doc *doc,
                const struct vn_line *line, struct vn_edits *out);

  /* A --doc-sep line between two documents (may be NULL).  It is framing,
     not text: edits may touch its terminator only (vn-space makes it LF). */
  void (*separator) (void *state, const struct vn_doc *doc,
                     const struct vn_line *line, struct vn_edits *out);
};

/* Every fixer, in the order of the default pipeline (DESIGN.md). */
extern const struct vn_fixer *const vn_registry[];

/* The fixer called NAME, or NULL. */
const struct vn_fixer *vn_fixer_find (const char *name);

/* The fixers themselves (lib/<name>.c). */
extern const struct vn_fixer vn_fixer_entities;
extern const struct vn_fixer vn_fixer_unicode;
extern const struct vn_fixer vn_fixer_tones;
extern const struct vn_fixer vn_fixer_typos;
extern const struct vn_fixer vn_fixer_space;

#endif
