/* gen-ngram-table.c -- data/ngrams.tsv to ngram-table.h: the words and
   pairs of vn-typos's n-gram table, laid out at build time in the open-
   addressing hash tables that lib/ngram.c reads, so that nothing is built
   when a filter starts
 
     lib/gen-ngram-table data/ngrams.tsv > ngram-table.h

   Rows (scripts/build-ngrams writes them): "1<TAB>WORD<TAB>COUNT[<TAB>k]"
   (k: a real syllable however rare), "2<TAB>WORD WORD<TAB>COUNT",
   "d<TAB>WORD WORD" (a pair that a dictionary lists), "#" comments.  Words
   are numbered from 1 in the order of the file.  A malformed row, a pair of
   words not in the list, a duplicate or more than 65,535 words is refused
   with FILE:LINE: and exit status 1, and nothing is written. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ngram-hash.h"

enum { MAX_WORDS = 65535 };

static const char *path;
static unsigned long lineno;

static void
die (const char *msg)
{
  fprintf (stderr, "gen-ngram-table: %s:%lu: %s\n", path, lineno, msg);
  exit (1);
}

static char *
xstrdup (const char *s)
{
  char *p = strdup (s);
  if (!p)
    {
      fprintf (stderr, "gen-ngram-table: memory exhausted\n");
      exit (1);
    }
  return p;
}

static void *
xrealloc (void *p, size_t n)
{
  p = realloc (p, n);
  if (!p)
    {
      fprintf (stderr, "gen-ngram-table: memory exhausted\n");
      exit (1);
    }
  return p;
}

static char **word;             /* by number */
static uint32_t *count;         /* by number - 1; bit 31: known */
static uint32_t nwords;
static uint16_t *word_slot;
static uint32_t word_size;

struct pair
{
  uint32_t key, value;
};
static struct pair *pair_slot;
static uint32_t pair_size, npairs;

/* The least power of two at least 3/2 of N: at most two thirds full,
   and as small as that allows, so that it stays in the cache. */
static uint32_t
table_size (uint32_t n)
{
  uint32_t s = 1;

  while (s < n + n / 2)
    s <<= 1;
  return s;
}

/* The number of the word S[0..N), or 0. */
static uint32_t
find_word (const char *s, size_t n)
{
  uint32_t h = vn_ngram_hash_word (s, n) & (word_size - 1), id;

  while ((id = word_slot[h]) != 0)
    {
      if (strlen (word[id]) == n && memcmp (word[id], s, n) == 0)
        return id;
      h = (h + 1) & (word_size - 1);
    }
  return 0;
}

static void
index_words (void)
{
  uint32_t i;

  word_size = table_size (nwords);
  word_slot = calloc (word_size, sizeof *word_slot);
  if (!word_slot)
    die ("memory exhausted");
  for (i = 1; i <= nwords; i++)
    {
      uint32_t h = vn_ngram_hash_word (word[i], strlen (word[i]))
        & (word_size - 1);
      while (word_slot[h])
        h = (h + 1) & (word_size - 1);
      word_slot[h] = (uint16_t) i;
    }
}

/* The slot of KEY: where it is, or the empty one where it would go. */
static struct pair *
pair_at (uint32_t key)
{
  uint32_t h = vn_ngram_hash_pair (key) & (pair_size - 1);

  while (pair_slot[h].key && pair_slot[h].key != key)
    h = (h + 1) & (pair_size - 1);
  return &pair_slot[h];
}

int
main (int argc, char **argv)
{
  FILE *fp;
  char *line = NULL, **pairs_text = NULL;
  size_t cap = 0, npt = 0, ptcap = 0, wcap = 0, i;
  ssize_t len;
  uint64_t total = 0;
  unsigned long *pairs_line = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: gen-ngram-table NGRAMS.TSV > ngram-table.h\n");
      return 1;
    }
  path = argv[1];
  fp = fopen (path, "r");
  if (!fp)
    {
      fprintf (stderr, "gen-ngram-table: %s: %s\n", path, strerror (errno));
      return 1;
    }
  /* First the words; the pair rows are kept until every word is numbered. */
  while ((len = getline (&line, &cap, fp)) >= 0)
    {
      char *f[4], *p = line, *end;
      int nf = 0;

      lineno++;
      if (len > 0 && line[len - 1] == '\n')
        line[--len] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        continue;
      if (line[0] != '1')
        {
          if (npt == ptcap)
            {
              ptcap = ptcap ? 2 * ptcap : 1024;
              pairs_text = xrealloc (pairs_text, ptcap * sizeof *pairs_text);
              pairs_line = xrealloc (pairs_line, ptcap * sizeof *pairs_line);
            }
          pairs_text[npt] = xstrdup (line);
          pairs_line[npt++] = lineno;
          continue;
        }
      while (nf < 4 && p)
        {
          f[nf++] = p;
          p = strchr (p, '\t');
          if (p)
            *p++ = '\0';
        }
      if (p || nf < 3 || strcmp (f[0], "1") || !*f[1] || strchr (f[1], ' ')
          || strchr (f[1], '"') || strchr (f[1], '\\')
          || (nf == 4 && strcmp (f[3], "k")))
        die ("expected 1<TAB>WORD<TAB>COUNT[<TAB>k]");
      errno = 0;
      total += strtoul (f[2], &end, 10);
      if (*end || end == f[2] || errno)
        die ("expected 1<TAB>WORD<TAB>COUNT[<TAB>k]");
      if (nwords == MAX_WORDS)
        die ("more than 65535 words");
      nwords++;
      if (nwords + 1 > wcap)
        {
          wcap = 2 * (nwords + 1);
          word = xrealloc (word, wcap * sizeof *word);
          count = xrealloc (count, wcap * sizeof *count);
        }
      word[nwords] = xstrdup (f[1]);
      {
        unsigned long c = strtoul (f[2], NULL, 10);
        count[nwords - 1] = (uint32_t) (c > 0x7FFFFFFF ? 0x7FFFFFFF : c)
          | (nf == 4 ? UINT32_C (0x80000000) : 0);
      }
    }
  if (ferror (fp))
    {
      fprintf (stderr, "gen-ngram-table: %s: %s\n", path, strerror (errno));
      return 1;
    }
  fclose (fp);
  if (nwords == 0)
    die ("no words");
  index_words ();
  for (i = 1; i <= nwords; i++)
    if (find_word (word[i], strlen (word[i])) != i)
      {
        lineno = 0;
        die ("duplicate word");
      }

  pair_size = table_size ((uint32_t) npt);
  pair_slot = calloc (pair_size, sizeof *pair_slot);
  if (!pair_slot)
    die ("memory exhausted");
  for (i = 0; i < npt; i++)
    {
      char *t = pairs_text[i], *a, *b, *c = NULL, *sp, *end;
      int dict = t[0] == 'd';
      uint32_t ia, ib;
      struct pair *s;

      lineno = pairs_line[i];
      if ((t[0] != '2' && t[0] != 'd') || t[1] != '\t')
        die ("unknown row type");
      a = t + 2;
      if (!dict)
        {
          c = strchr (a, '\t');
          if (!c)
            die ("expected 2<TAB>WORD WORD<TAB>COUNT");
          *c++ = '\0';
        }
      else if (strchr (a, '\t'))
        die ("expected d<TAB>WORD WORD");
      sp = strchr (a, ' ');
      if (!sp)
        die ("a pair is two words");
      *sp = '\0';
      b = sp + 1;
      ia = find_word (a, strlen (a));
      ib = find_word (b, strlen (b));
      if (!ia || !ib)
        die ("a pair of words that are not in the list");
      s = pair_at (ia << 16 | ib);
      if (!s->key)
        {
          s->key = ia << 16 | ib;
          npairs++;
        }
      if (dict)
        {
          if (s->value & UINT32_C (0x80000000))
            die ("duplicate dictionary pair");
          s->value |= UINT32_C (0x80000000);
        }
      else
        {
          unsigned long n;
          errno = 0;
          n = strtoul (c, &end, 10);
          if (*end || end == c || errno)
            die ("expected 2<TAB>WORD WORD<TAB>COUNT");
          if (s->value & 0xFFFF)
            die ("duplicate pair");
          s->value |= n > 0xFFFF ? 0xFFFF : (n ? (uint32_t) n : 1);
        }
      free (pairs_text[i]);
    }

  printf ("/* ngram-table.h -- syllable and pair counts, generated from\n"
          "   data/ngrams.tsv by lib/gen-ngram-table: do not edit */\n"
          "#include <stdint.h>\n\n");
  printf ("enum { NGRAM_WORDS = %lu, NGRAM_PAIRS = %lu,\n"
          "       NGRAM_WORD_SLOTS = %lu, NGRAM_PAIR_SLOTS = %lu };\n",
          (unsigned long) nwords, (unsigned long) npairs,
          (unsigned long) word_size, (unsigned long) pair_size);
  printf ("#define NGRAM_TOTAL UINT64_C (%llu)\n\n",
          (unsigned long long) total);
  printf ("/* Word I (from 1) starts at ngram_words[ngram_word_at[I]]. */\n"
          "static const char ngram_words[] =\n");
  {
    uint32_t off = 0;
    for (i = 1; i <= nwords; i++)
      printf ("  \"%s\\0\"\n", word[i]);
    printf ("  ;\n\nstatic const uint32_t ngram_word_at[NGRAM_WORDS + 1] "
            "= {\n  0,");
    for (i = 1; i <= nwords; i++)
      {
        printf ("%s%lu,", i % 8 == 0 ? "\n  " : " ", (unsigned long) off);
        off += (uint32_t) strlen (word[i]) + 1;
      }
    printf ("\n};\n\n");
  }
  printf ("/* The count of word I at [I - 1]; bit 31: a known syllable. */\n"
          "static const uint32_t ngram_word_counts[NGRAM_WORDS] = {");
  for (i = 0; i < nwords; i++)
    printf ("%s%luu,", i % 6 == 0 ? "\n  " : " ", (unsigned long) count[i]);
  printf ("\n};\n\n/* The word hash: numbers, 0 for an empty slot. */\n"
          "static const uint16_t ngram_word_slot[NGRAM_WORD_SLOTS] = {");
  for (i = 0; i < word_size; i++)
    printf ("%s%u,", i % 12 == 0 ? "\n  " : " ", word_slot[i]);
  /* Keys and values apart: whether a pair was seen at all is what is
     asked of nearly every word, and the keys alone are half as much to
     keep in the cache. */
  printf ("\n};\n\n/* The pair hash: keys FIRST << 16 | SECOND (0 empty), "
          "and in the same slot of\n   the next array the count, bit 15 for "
          "a dictionary pair (the count is\n   at most 32,767). */\n"
          "static const uint32_t ngram_pair_key[NGRAM_PAIR_SLOTS] = {");
  for (i = 0; i < pair_size; i++)
    printf ("%s%lu,", i % 8 == 0 ? "\n  " : " ",
            (unsigned long) pair_slot[i].key);
  printf ("\n};\n\nstatic const uint16_t ngram_pair_value[NGRAM_PAIR_SLOTS] "
          "= {");
  for (i = 0; i < pair_size; i++)
    {
      uint32_t v = pair_slot[i].value, c = v & 0xFFFF;
      printf ("%s%lu,", i % 12 == 0 ? "\n  " : " ",
              (unsigned long) ((c > 0x7FFF ? 0x7FFF : c)
                               | (v >> 31 ? 0x8000 : 0)));
    }
  printf ("\n};\n");
  if (fflush (stdout) || ferror (stdout))
    {
      fprintf (stderr, "gen-ngram-table: write error\n");
      return 1;
    }
  /* Freed, so that a leak checker at build time has nothing to say. */
  for (i = 1; i <= nwords; i++)
    free (word[i]);
  free (word);
  free (count);
  free (word_slot);
  free (pair_slot);
  free (pairs_text);
  free (pairs_line);
  free (line);
  return 0;
}
