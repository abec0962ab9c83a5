# gen-abbrev-table.awk -- data/abbreviations.txt to the C table abbrev-table.h
#
#   LC_ALL=C awk -f lib/gen-abbrev-table.awk data/abbreviations.txt \
#       > abbrev-table.h
#
# POSIX awk only.  Run in the C locale, so that string comparison is byte
# order (strcoll is strcmp there) and a letter such as "Đ" is the two bytes
# of its UTF-8, the same in every awk.
#
# lib/punct.c finds forms by binary search, so a row out of order would make
# some forms silently unprotected: a file that is not strictly sorted, or has
# a row that is empty, holds white space, a quote or a backslash, or has
# neither a dot nor a slash, is refused with a message and exit status 1,
# and nothing is written.

BEGIN {
  n = 0
  maxlen = 0
  bad = 0
}

function fail(msg)
{
  print "gen-abbrev-table.awk: " FILENAME ":" FNR ": " msg | "cat 1>&2"
  bad = 1
  exit 1
}

/^#/ { next }

{
  if ($0 == "" || $0 ~ /[ \t\r"\\]/)
    fail("malformed row '" $0 "': one form a line, no white space, quote "  \
         "or backslash")
  if ($0 !~ /[.\/]/)
    fail("'" $0 "' has neither a dot nor a slash")
  if (n > 0 && !(form[n] < $0))
    fail("'" $0 "' is not after '" form[n] "' in byte order")
  form[++n] = $0
  if (length($0) > maxlen)
    maxlen = length($0)
}

END {
  if (bad)
    exit 1
  if (n == 0)
    {
      print "gen-abbrev-table.awk: " FILENAME ": no forms" | "cat 1>&2"
      exit 1
    }
  print "/* abbrev-table.h -- the abbreviations vn-punct never opens, generated"
  print "   from data/abbreviations.txt by lib/gen-abbrev-table.awk: do not"
  print "   edit.  Sorted in byte order, for a binary search. */"
  print ""
  print "static const char *const abbrev_table[] = {"
  for (i = 1; i <= n; i++)
    print "  \"" form[i] "\","
  print "};"
  print ""
  print "enum"
  print "{"
  print "  ABBREV_COUNT = " n ","
  print "  ABBREV_MAX = " maxlen "          /* bytes of the longest form */"
  print "};"
}
