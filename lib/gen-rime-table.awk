# gen-rime-table.awk -- data/rimes.tsv to the C table rime-table.h
#
#   LC_ALL=C awk -f lib/gen-rime-table.awk data/rimes.tsv > rime-table.h
#
# POSIX awk only.  Run in the C locale, so that a letter such as "ư" is the
# two bytes of its UTF-8 and every awk reads the file the same way.
#
# Each rime becomes a key: the codes of its letters, five bits each, the
# first letter in the highest bits, the codes being 1 + the position of the
# letter in the alphabet below.  lib/syllable.c numbers its letters in the
# same order (its enum letter).  It looks up nearly every word of the text,
# so the keys go into an open-addressing hash table: slot KEY % 1021, then
# the next ones; a table at least four times as big as the rimes keeps the
# search short for words that are no rime too.  A row that is malformed, a
# letter outside the alphabet, a rime of more than four letters, a
# consonant inside the vowel or a duplicate is refused with a message and
# exit status 1, and nothing is written.

BEGIN {
  FS = "\t"
  nalpha = split("a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y",
                 alpha, " ")
  finals = " c ch m n ng nh p t i y o u "
  size = 1024
  modulus = 1021
  n = 0
  bad = 0
}

function fail(msg)
{
  print "gen-rime-table.awk: " FILENAME ":" FNR ": " msg | "cat 1>&2"
  bad = 1
  exit 1
}

# Split the word S into letter codes in CODES[1..]; return their number, or
# -1 when S has something that is not a letter of the alphabet.
function letters(s, codes,    pos, k, i, l, found)
{
  k = 0
  pos = 1
  while (pos <= length(s))
    {
      found = 0
      for (i = 1; i <= nalpha; i++)
        {
          l = alpha[i]
          if (substr(s, pos, length(l)) == l)
            {
              codes[++k] = i
              pos += length(l)
              found = 1
              break
            }
        }
      if (!found)
        return -1
    }
  return k
}

/^#/ { next }

{
  if (NF != 5)
    fail("malformed row: expected RIME<TAB>GLIDE<TAB>FINAL<TAB>AFTER"   \
         "<TAB>EXAMPLE, found " NF " field(s)")
  len = letters($1, code)
  if (len < 1 || len > 4)
    fail("rime '" $1 "' is not one to four letters of the alphabet")
  if ($2 != "-" && $2 != "o" && $2 != "u")
    fail("glide of '" $1 "' is '" $2 "', not o, u or -")
  if ($3 != "-" && index(finals, " " $3 " ") == 0)
    fail("final of '" $1 "' is '" $3 "', not one of" finals "or -")
  glen = $2 == "-" ? 0 : 1
  flen = $3 == "-" ? 0 : length($3)
  if (glen && substr($1, 1, 1) != $2)
    fail("rime '" $1 "' does not begin with its glide '" $2 "'")
  if (flen && substr($1, length($1) - flen + 1) != $3)
    fail("rime '" $1 "' does not end with its final '" $3 "'")
  if (glen + flen >= len)
    fail("rime '" $1 "' has no vowel between its glide and final")
  for (i = glen + 1; i <= len - flen; i++)
    if (index(" a ă â e ê i o ô ơ u ư y ", " " alpha[code[i]] " ") == 0)
      fail("rime '" $1 "' has the consonant '" alpha[code[i]] "' in its" \
           " vowel")
  if ($4 !~ /^N?C?Q?G?$/ || $4 == "")
    fail("onsets of '" $1 "' are '" $4 "', not some of N C Q G in order")
  key = 0
  for (i = 1; i <= 4; i++)
    key = key * 32 + (i <= len ? code[i] : 0)
  if (key in seen)
    fail("rime '" $1 "' twice")
  seen[key] = 1
  after = (index($4, "N") ? 1 : 0) + (index($4, "C") ? 2 : 0) \
    + (index($4, "Q") ? 4 : 0) + (index($4, "G") ? 8 : 0)
  n++
  stop = $3 == "c" || $3 == "ch" || $3 == "p" || $3 == "t"
  row[n] = "  { " key ", " glen ", " flen ", " stop ", " after " },\t/* " \
    $1 " */"
  # RIME_SLOT holds bytes, and a table at most a quarter full keeps the
  # probes short.
  if (n > 255)
    fail("more than 255 rimes")
  for (h = key % modulus; (h in slot); h = (h + 1) % size)
    ;
  slot[h] = n
}

END {
  if (bad)
    exit 1
  if (n == 0)
    {
      print "gen-rime-table.awk: " FILENAME ": no rimes" | "cat 1>&2"
      exit 1
    }
  print "/* rime-table.h -- the Vietnamese rimes, generated from data/rimes.tsv"
  print "   by lib/gen-rime-table.awk: do not edit */"
  print "#include <stdint.h>"
  print ""
  print "/* Which onsets a rime may follow (AFTER below). */"
  print "enum"
  print "{"
  print "  RIME_AFTER_NONE = 1,         /* no onset */"
  print "  RIME_AFTER_CONSONANT = 2,    /* any other than qu and gi */"
  print "  RIME_AFTER_QU = 4,"
  print "  RIME_AFTER_GI = 8"
  print "};"
  print ""
  print "/* KEY packs the letter codes of the rime, five bits each, the first"
  print "   letter highest; GLIDE and FINAL are lengths in letters; STOP says"
  print "   that the final is c, ch, p or t. */"
  print "static const struct rime"
  print "{"
  print "  uint32_t key;"
  print "  unsigned char glide, final, stop, after;"
  print "} rime_table[] = {"
  print "  { 0, 0, 0, 0, 0 },\t/* slot 0 of RIME_SLOT: no rime */"
  for (i = 1; i <= n; i++)
    print row[i]
  print "};"
  print ""
  print "enum"
  print "{"
  print "  RIME_COUNT = " n ","
  print "  RIME_HASH_SIZE = " size ",     /* a power of two */"
  print "  RIME_HASH_MODULUS = " modulus
  print "};"
  print ""
  print "/* The hash table: the rime with key K is in RIME_TABLE[RIME_SLOT[H]],"
  print "   H being the first of K % RIME_HASH_MODULUS, K % RIME_HASH_MODULUS + 1"
  print "   ... (modulo RIME_HASH_SIZE) whose rime has key K; a slot of 0 ends"
  print "   the search. */"
  print "static const unsigned char rime_slot[RIME_HASH_SIZE] = {"
  line = " "
  for (h = 0; h < size; h++)
    {
      line = line " " ((h in slot) ? slot[h] : 0) ","
      if (h % 16 == 15)
        {
          print line
          line = " "
        }
    }
  print "};"
}
