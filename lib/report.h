/* report.h -- findings for vn-lint: chosen by rule, written as text, JSON or
   SARIF, and judged against thresholds */
#ifndef VN_REPORT_H
#define VN_REPORT_H

#include <stdint.h>
#include <stdio.h>
#include "edit.h"

enum vn_report_format { VN_REPORT_TEXT, VN_REPORT_JSON, VN_REPORT_SARIF };

struct vn_report;

/* A report for the tool NAME (its version VERSION) that knows the rules
   RULES[0..NRULES) (for SARIF's rule list and for checking codes). */
struct vn_report *vn_report_new (const char *name, const char *version,
                                 const struct vn_rule *const *rules,
                                 size_t nrules);
void vn_report_free (struct vn_report *rep);

/* Options, as the user gave them.  Return 0, or -1 after saying why ARG is
   not acceptable. */
int vn_report_set_format (struct vn_report *rep, const char *arg);
int vn_report_select (struct vn_report *rep, const char *list);
int vn_report_ignore (struct vn_report *rep, const char *list);
int vn_report_max_defects (struct vn_report *rep, const char *arg);
int vn_report_threshold (struct vn_report *rep, const char *arg);

/* Does the rule CODE get reported? */
int vn_report_wants (const struct vn_report *rep, const char *code);

/* Start, add one finding (FIX: a defect the filters would fix; else a note
   left for review), end.  Write errors are the caller's to check on OUT. */
void vn_report_begin (struct vn_report *rep, FILE *out);
void vn_report_finding (struct vn_report *rep, const char *file,
                        uint64_t line, uint64_t col, const struct vn_rule *rule,
                        const char *message, int fix);
void vn_report_end (struct vn_report *rep);

/* Is any threshold exceeded?  Writes one line per exceeded threshold to
   ERR. */
int vn_report_failed (const struct vn_report *rep, FILE *err,
                      const char *program);

#endif
