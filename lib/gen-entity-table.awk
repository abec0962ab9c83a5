# gen-entity-table.awk -- data/html5-entities.tsv to the C table entity-table.h
#
#   awk -f lib/gen-entity-table.awk data/html5-entities.tsv > entity-table.h
#
# POSIX awk only (the build may run mawk, BusyBox or a BSD awk).
# lib/entities.c finds names by binary search, so a row out of order would
# make some names silently undecodable: a TSV that is not strictly sorted, or
# has a row that is not NAME<TAB>HEX[ HEX], is refused with a message and exit
# status 1, and nothing is written.

BEGIN {
  FS = "\t"
  # POSIX lets awk compare strings with strcoll(), which in most locales does
  # not follow byte order ("AElig" sorts after "Aacute" in en_US).  Names are
  # ASCII letters and digits, so their byte order is their position here.
  order = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
  hexdigits = "0123456789ABCDEF"
  n = 0
  maxlen = 0
  bad = 0
}

function fail(msg)
{
  print "gen-entity-table.awk: " FILENAME ":" FNR ": " msg | "cat 1>&2"
  bad = 1
  exit 1
}

# 1 when name A comes strictly before name B in byte order.
function before(a, b,    at, la, lb, ca, cb)
{
  la = length(a)
  lb = length(b)
  for (at = 1; at <= la && at <= lb; at++)
    {
      ca = index(order, substr(a, at, 1))
      cb = index(order, substr(b, at, 1))
      if (ca != cb)
        return ca < cb
    }
  return la < lb
}

function hexval(s,    at, acc)
{
  acc = 0
  for (at = 1; at <= length(s); at++)
    acc = acc * 16 + index(hexdigits, substr(s, at, 1)) - 1
  return acc
}

/^#/ { next }

{
  if (NF != 2)
    fail("malformed row: expected NAME<TAB>CODE POINTS, found " NF " field(s)")
  if ($1 !~ /^[A-Za-z][A-Za-z0-9]*$/)
    fail("malformed row: bad entity name '" $1 "'")
  if ($2 !~ /^[0-9A-F][0-9A-F]*( [0-9A-F][0-9A-F]*)?$/)
    fail("malformed row: code points of '" $1 "' are not one or two" \
         " upper-case hex numbers")
  k = split($2, cp, " ")
  for (i = 1; i <= k; i++)
    {
      # Leading zeros are not written by scripts/gen-entity-data, so a long
      # number is a broken row, and the length test keeps hexval exact.
      v = length(cp[i]) <= 6 ? hexval(cp[i]) : -1
      if (v <= 0 || v > 1114111 || (v >= 55296 && v <= 57343))
        fail("malformed row: '" cp[i] "' in '" $1 "' is not a Unicode" \
             " scalar value above 0")
    }
  if (n > 0 && !before(name[n], $1))
    fail("not sorted: '" $1 "' after '" name[n] "' (sort with LC_ALL=C)")
  n++
  name[n] = $1
  first[n] = cp[1]
  second[n] = k == 2 ? cp[2] : ""
  if (length($1) > maxlen)
    maxlen = length($1)
}

END {
  if (bad)
    exit 1
  if (n == 0)
    {
      print "gen-entity-table.awk: " FILENAME ": no entities" | "cat 1>&2"
      exit 1
    }
  print "/* entity-table.h -- HTML5 named character references, generated"
  print "   from data/html5-entities.tsv by lib/gen-entity-table.awk: do not"
  print "   edit */"
  print "#include <stdint.h>"
  print ""
  print "/* Sorted by name in byte order, for a binary search; CP[1] is 0"
  print "   for a name of one code point. */"
  print "static const struct entity"
  print "{"
  print "  const char *name;"
  print "  uint32_t cp[2];"
  print "} entity_table[] = {"
  for (i = 1; i <= n; i++)
    print "  { \"" name[i] "\", { 0x" first[i] ", " \
      (second[i] == "" ? "0" : "0x" second[i]) " } },"
  print "};"
  print ""
  print "enum"
  print "{"
  print "  ENTITY_COUNT = " n ","
  print "  ENTITY_NAME_MAX = " maxlen
  print "};"
}
