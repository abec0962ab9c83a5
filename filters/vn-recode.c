/* vn-recode.c -- legacy Vietnamese charsets and mojibake to UTF-8
   (CLEAN-TEXT.md section 1) */
#include <config.h>

#include "driver.h"

static const struct vn_fixer *const fixers[] = { &vn_fixer_recode, NULL };

static const struct vn_filter filter = {
  .name = "vn-recode",
  .description =
    "Convert Vietnamese text in legacy charsets, and mojibake, to UTF-8.\n"
    "\n"
    "Reads TCVN3 (ABC, TCVN 5712), VNI-Windows, VISCII, VPS, VIQR and CP1258\n"
    "and writes UTF-8 in NFC.  With -f auto, the default, each document is\n"
    "looked at (its first 64 KB) and read in the charset its words parse best\n"
    "in as Vietnamese syllables; UTF-8 stays UTF-8, byte for byte.  In UTF-8\n"
    "text, lines that went through Windows-1252 or Latin-1 once or twice\n"
    "(Viá»‡t), and TCVN3 or VNI bytes shown as Windows-1252 (Vµ ®»ng,\n"
    "Vaø ñaèng), are repaired where the result reads as Vietnamese and the\n"
    "text as it is does not; what only looks like it is listed (L190).\n"
    "VIQR leaves URLs and e-mail addresses alone, and a mark after a\n"
    "backslash (\\.) as it is.\n"
    "\n"
    "Bytes that cannot be converted are reported as FILE:LINE:COL (I001) and\n"
    "follow --invalid: replaced by U+FFFD, kept as they are (the output is\n"
    "then not UTF-8 there), or the input stops.  With --jsonl a record is\n"
    "UTF-8 already (JSON is): only mojibake is repaired there, and a legacy\n"
    "-f CHARSET is refused.\n",
  .fixers = fixers,
};

int
main (int argc, char **argv)
{
  return vn_filter_main (&filter, argc, argv);
}
