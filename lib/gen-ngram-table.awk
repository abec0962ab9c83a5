# gen-ngram-table.awk -- data/ngrams.tsv to the C arrays of ngram-table.h
#
#   LC_ALL=C awk -f lib/gen-ngram-table.awk data/ngrams.tsv > ngram-table.h
#
# POSIX awk only, in the C locale (words are their UTF-8 bytes).  The words
# (rows "1") become one string of NUL-ended words and their counts, numbered
# from 1 in the order of the file; the pairs (rows "2", and "d" for a pair
# of a dictionary) become keys FIRST << 16 | SECOND with the count, bit 31
# set for a dictionary pair.  lib/ngram.c builds its hash tables from these
# arrays when it starts (a millisecond or two).  A malformed row, a pair of
# words that are not in the list, a duplicate or more than 65,535 words is
# refused with a message and exit status 1.

BEGIN {
  FS = "\t"
  nw = 0
  np = 0
  total = 0
}

function fail(msg)
{
  print "gen-ngram-table.awk: " FILENAME ":" FNR ": " msg | "cat 1>&2"
  bad = 1
  exit 1
}

/^#/ || /^$/ { next }

$1 == "1" {
  if (NF < 3 || NF > 4 || $3 !~ /^[0-9]+$/ || $2 == "" || $2 ~ /[ "\\]/ \
      || (NF == 4 && $4 != "k"))
    fail("expected 1<TAB>WORD<TAB>COUNT[<TAB>k]")
  if ($2 in id)
    fail("duplicate word '" $2 "'")
  if (++nw > 65535)
    fail("more than 65535 words")
  id[$2] = nw
  word[nw] = $2
  count[nw] = $3 > 4294967295 ? 4294967295 : $3 + 0
  known[nw] = NF == 4
  total += $3
  next
}

$1 == "2" || $1 == "d" {
  if (($1 == "2" && (NF != 3 || $3 !~ /^[0-9]+$/)) || ($1 == "d" && NF != 2))
    fail("expected 2<TAB>WORD WORD<TAB>COUNT or d<TAB>WORD WORD")
  if (split($2, w, " ") != 2 || !(w[1] in id) || !(w[2] in id))
    fail("pair '" $2 "' is not two words of the list")
  k = id[w[1]] * 65536 + id[w[2]]
  if (!(k in pair))
    {
      pair[k] = 0
      order[++np] = k
    }
  if ($1 == "2")
    {
      if (pair[k] % 2147483648 != 0)
        fail("duplicate pair '" $2 "'")
      c = $3 + 0
      pair[k] += c > 65535 ? 65535 : (c == 0 ? 1 : c)
    }
  else
    {
      if (pair[k] >= 2147483648)
        fail("duplicate dictionary pair '" $2 "'")
      pair[k] += 2147483648
    }
  next
}

{ fail("unknown row type '" $1 "'") }

END {
  if (bad)
    exit 1
  if (nw == 0)
    {
      print "gen-ngram-table.awk: " FILENAME ": no words" | "cat 1>&2"
      exit 1
    }
  print "/* ngram-table.h -- syllable and pair counts, generated from"
  print "   data/ngrams.tsv by lib/gen-ngram-table.awk: do not edit */"
  print "#include <stdint.h>"
  print ""
  print "enum { NGRAM_WORDS = " nw ", NGRAM_PAIRS = " np " };"
  print "#define NGRAM_TOTAL UINT64_C (" sprintf("%.0f", total) ")"
  print ""
  print "/* Word I (from 1) is the I-th NUL-ended string. */"
  print "static const char ngram_words[] ="
  for (i = 1; i <= nw; i++)
    print "  \"" word[i] "\\0\""
  print "  ;"
  print ""
  print "/* The count of word I at [I - 1]; bit 31: a known syllable. */"
  print "static const uint32_t ngram_word_counts[NGRAM_WORDS] = {"
  for (i = 1; i <= nw; i++)
    printf "%s%s", (i % 8 == 1 ? "  " : " "), \
      sprintf("%.0fu,", count[i] + (known[i] ? 2147483648 : 0)) \
      (i % 8 == 0 || i == nw ? "\n" : "")
  print "};"
  print ""
  print "/* Pairs: FIRST << 16 | SECOND, then the count (bit 31: a dictionary"
  print "   pair). */"
  print "static const uint32_t ngram_pairs[NGRAM_PAIRS][2] = {"
  for (i = 1; i <= np; i++)
    printf "  { %.0fu, %.0fu },\n", order[i], pair[order[i]]
  print "};"
}
