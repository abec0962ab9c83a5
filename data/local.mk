## data/local.mk -- word lists and tables, installed under $(pkgdatadir)
dist_pkgdata_DATA += data/html5-entities.tsv data/rimes.tsv
dist_pkgdata_DATA += data/ngrams.tsv data/typos.tsv
EXTRA_DIST += data/SOURCES.md
