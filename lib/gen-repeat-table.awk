# gen-repeat-table.awk -- the word data of vn-repeats to the C table
# repeat-table.h
#
#   LC_ALL=C awk -f lib/gen-repeat-table.awk data/compounds.txt \
#       data/phrase-starts.txt data/reduplicatives.txt > repeat-table.h
#
# POSIX awk only, in the C locale (UTF-8 is bytes, compared as bytes).
#
# Each file is a list of syllable sequences, lower case, one a line, "#"
# lines being comments:
#   compounds.txt       "X Y<TAB>FLAGS", FLAGS some of w (a word), i
#                       (begins a longer word), f (ends one)
#   phrase-starts.txt   "X Y": X often begins a phrase before Y
#   reduplicatives.txt  "X X" or "A B A B": reduplication, kept
# Every syllable gets a number, in byte order; every pair of syllables that
# a file names becomes a 32-bit key, the first syllable's number in the high
# half, with the flags of all the files that name it.  The keys are written
# sorted, for a binary search.  A malformed row, a duplicate, or more than
# 65535 syllables is refused with a message and exit status 1.

BEGIN {
  FS = "\t"
  nsyl = 0
  npair = 0
  width = 0
  bad = 0
}

function fail(msg)
{
  print "gen-repeat-table.awk: " FILENAME ":" FNR ": " msg | "cat 1>&2"
  bad = 1
  exit 1
}

# A syllable as the data write it: bytes that are no ASCII but lower-case
# letters (the Vietnamese letters with marks are UTF-8, two or three bytes).
function check_syllable(s)
{
  if (s == "" || s ~ /[^a-z\200-\377]/)
    fail("'" s "' is not a lower-case syllable")
  if (!(s in id))
    {
      id[s] = ++nsyl
      syl[nsyl] = s
      if (length(s) > width)
        width = length(s)
    }
}

# Add FLAG to the pair of syllables A B (numbers are given later).
function add(a, b, flag,    k)
{
  check_syllable(a)
  check_syllable(b)
  k = a " " b
  if (!(k in pair))
    {
      pair[k] = ""
      pa[++npair] = a
      pb[npair] = b
    }
  if (index(pair[k], flag))
    fail("'" k "' twice")
  pair[k] = pair[k] flag
}

/^#/ { next }

FILENAME ~ /compounds\.txt$/ {
  if (NF != 2 || $2 !~ /^w?i?f?$/ || $2 == "")
    fail("expected SYLLABLE SYLLABLE<TAB>FLAGS (some of w i f)")
  if (split($1, s, " ") != 2 || $1 != s[1] " " s[2])
    fail("expected two syllables and one space, found '" $1 "'")
  for (i = 1; i <= length($2); i++)
    add(s[1], s[2], toupper(substr($2, i, 1)))
  next
}

FILENAME ~ /phrase-starts\.txt$/ {
  if (NF != 1 || split($1, s, " ") != 2 || $1 != s[1] " " s[2])
    fail("expected two syllables and one space")
  add(s[1], s[2], "S")
  next
}

FILENAME ~ /reduplicatives\.txt$/ {
  n = split($0, s, " ")
  if (NF != 1 || (n != 2 && n != 4) || (n == 2 && $0 != s[1] " " s[2]) \
      || (n == 4 && $0 != s[1] " " s[2] " " s[3] " " s[4]))
    fail("expected 'X X' or 'A B A B', one space apart")
  if (n == 2 && s[1] != s[2])
    fail("'" $0 "' is not a syllable written twice")
  if (n == 4 && (s[1] != s[3] || s[2] != s[4] || s[1] == s[2]))
    fail("'" $0 "' is not a pair of syllables written twice")
  add(s[1], s[2], n == 2 ? "D" : "P")
  next
}

{
  fail("unexpected input file")
}

# Heapsort of V[1..N]: strings in byte order when STR, else numbers.
function less(x, y, str)
{
  return str ? (x "") < (y "") : x + 0 < y + 0
}

function sift(v, start, end, str,    root, child, t)
{
  root = start
  while (2 * root <= end)
    {
      child = 2 * root
      if (child < end && less(v[child], v[child + 1], str))
        child++
      if (!less(v[root], v[child], str))
        return
      t = v[root]; v[root] = v[child]; v[child] = t
      root = child
    }
}

function heapsort(v, n, str,    i, t)
{
  for (i = int(n / 2); i >= 1; i--)
    sift(v, i, n, str)
  for (i = n; i > 1; i--)
    {
      t = v[1]; v[1] = v[i]; v[i] = t
      sift(v, 1, i - 1, str)
    }
}

# Print V[1..N] as the cells of a C initializer, PER a line.
function rows(v, n, per,    i, line)
{
  line = " "
  for (i = 1; i <= n; i++)
    {
      line = line " " v[i] ","
      if (i % per == 0 || i == n)
        {
          print line
          line = " "
        }
    }
}

END {
  if (bad)
    exit 1
  if (npair == 0)
    {
      print "gen-repeat-table.awk: no data" | "cat 1>&2"
      exit 1
    }
  if (nsyl > 65535)
    {
      print "gen-repeat-table.awk: more than 65535 syllables" | "cat 1>&2"
      exit 1
    }
  # Number the syllables in byte order.
  for (i = 1; i <= nsyl; i++)
    sorted[i] = syl[i]
  heapsort(sorted, nsyl, 1)
  for (i = 1; i <= nsyl; i++)
    num[sorted[i]] = i - 1
  for (i = 1; i <= npair; i++)
    {
      key[i] = num[pa[i]] * 65536 + num[pb[i]]
      fl[key[i]] = pair[pa[i] " " pb[i]]
    }
  heapsort(key, npair, 0)

  print "/* repeat-table.h -- the word data of vn-repeats, generated from"
  print "   data/compounds.txt, data/phrase-starts.txt and data/reduplicatives.txt"
  print "   by lib/gen-repeat-table.awk: do not edit */"
  print "#include <stdint.h>"
  print ""
  print "enum"
  print "{"
  print "  REP_SYLLABLES = " nsyl ","
  print "  REP_SYL_WIDTH = " width + 1 ",       /* the longest, with its NUL */"
  print "  REP_PAIRS = " npair
  print "};"
  print ""
  print "/* Every syllable of the data, NUL-padded, in byte order: its index"
  print "   is its number. */"
  print "static const char rep_syllable[REP_SYLLABLES][REP_SYL_WIDTH] = {"
  for (i = 1; i <= nsyl; i++)
    print "  \"" sorted[i] "\","
  print "};"
  print ""
  print "/* The pairs: the number of X in the high 16 bits, of Y in the low"
  print "   ones, ascending. */"
  print "static const uint32_t rep_pair_key[REP_PAIRS] = {"
  for (i = 1; i <= npair; i++)
    cell[i] = sprintf("%.0f", key[i]) "u"
  rows(cell, npair, 6)
  print "};"
  print ""
  print "/* The VN_PAIR_ flags (lib/repeats.h) of each pair. */"
  print "static const unsigned char rep_pair_flags[REP_PAIRS] = {"
  for (i = 1; i <= npair; i++)
    {
      # The bits of the VN_PAIR_ flags of lib/repeats.h.
      f = fl[key[i]]
      cell[i] = (index(f, "W") ? 1 : 0) + (index(f, "I") ? 2 : 0) \
        + (index(f, "F") ? 4 : 0) + (index(f, "S") ? 8 : 0) \
        + (index(f, "D") ? 16 : 0) + (index(f, "P") ? 32 : 0)
    }
  rows(cell, npair, 16)
  print "};"
}
