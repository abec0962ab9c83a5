## data/local.mk -- word lists and tables, installed under $(pkgdatadir)
dist_pkgdata_DATA += data/html5-entities.tsv data/rimes.tsv \
	data/abbreviations.txt \
	data/compounds.txt data/phrase-starts.txt data/reduplicatives.txt \
	data/vietnamese-letters.tsv data/vps.tsv
dist_pkgdata_DATA += data/structure-cues.tsv data/names.tsv data/stopwords.txt
dist_pkgdata_DATA += data/ngrams.tsv data/typos.tsv
EXTRA_DIST += data/SOURCES.md
