## data/local.mk -- word lists and tables, installed under $(pkgdatadir)
dist_pkgdata_DATA += data/html5-entities.tsv data/rimes.tsv \
	data/vietnamese-letters.tsv data/vps.tsv
EXTRA_DIST += data/SOURCES.md
