# gen-typo-list.awk -- data/typos.tsv to the C strings of typo-list.h
#
#   LC_ALL=C awk -f lib/gen-typo-list.awk data/typos.tsv > typo-list.h
#
# POSIX awk only.  Each row keeps its first three columns (wrong, right,
# conditions), which lib/typos.c reads as it reads a --typos file; the
# other columns (the corpus counts that justify the row) are documentation,
# and a row whose seventh column is "rejected" is left out.
# A row with fewer than two columns, a quote or a backslash is refused with
# a message and exit status 1.

BEGIN { FS = "\t"; n = 0 }

function fail(msg)
{
  print "gen-typo-list.awk: " FILENAME ":" FNR ": " msg | "cat 1>&2"
  bad = 1
  exit 1
}

/^#/ || /^$/ { next }

# Rows found by scripts/typo-evidence but rejected by a reader.
$7 == "rejected" { next }

{
  if (NF < 2 || $1 == "" || $2 == "")
    fail("expected WRONG<TAB>RIGHT[<TAB>CONDITIONS<TAB>...]")
  if ($0 ~ /["\\]/)
    fail("a quote or a backslash")
  row[++n] = $1 "\\t" $2 (NF >= 3 ? "\\t" $3 : "")
}

END {
  if (bad)
    exit 1
  print "/* typo-list.h -- the built-in misspellings, generated from"
  print "   data/typos.tsv by lib/gen-typo-list.awk: do not edit */"
  print ""
  print "static const char *const typo_rows[] = {"
  for (i = 1; i <= n; i++)
    print "  \"" row[i] "\","
  print "};"
}
