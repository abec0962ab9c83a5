## lib/local.mk -- libvnclean: the shared logic every filter stands on
noinst_LIBRARIES += lib/libvnclean.a

lib_libvnclean_a_SOURCES = \
	lib/ascii.h \
	lib/boilerplate.c \
	lib/buf.c lib/buf.h \
	lib/decode.c lib/decode.h \
	lib/bylines.c \
	lib/captions.c \
	lib/diag.c lib/diag.h \
	lib/diff.c lib/diff.h \
	lib/driver.c lib/driver.h \
	lib/edit.c lib/edit.h \
	lib/entities.c \
	lib/fixer.h \
	lib/json.c lib/json.h \
	lib/line.h \
	lib/punct.c \
	lib/reader.c lib/reader.h \
	lib/recode.c lib/recode.h \
	lib/ngram.c lib/ngram.h lib/ngram-hash.h \
	lib/registry.c \
	lib/report.c lib/report.h \
	lib/walk.c lib/walk.h \
	lib/repeats.c lib/repeats.h \
	lib/scan.h \
	lib/sse.h \
	lib/space.c \
	lib/structure.c lib/structure.h \
	lib/spell.c lib/spell.h \
	lib/syllable.c lib/syllable.h \
	lib/tones.c \
	lib/typos.c \
	lib/unicode.c \
	lib/utf8.c lib/utf8.h

# The entity table is generated from data/html5-entities.tsv (the list is
# the source; the C is derived, never edited by hand).
lib/entity-table.h: $(top_srcdir)/data/html5-entities.tsv \
		$(top_srcdir)/lib/gen-entity-table.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	$(AWK) -f $(top_srcdir)/lib/gen-entity-table.awk \
		$(top_srcdir)/data/html5-entities.tsv > $@-t && mv $@-t $@
BUILT_SOURCES += lib/entity-table.h
CLEANFILES += lib/entity-table.h
EXTRA_DIST += lib/gen-entity-table.awk
nodist_lib_libvnclean_a_SOURCES = lib/entity-table.h

# The rime table of lib/syllable.c, generated from data/rimes.tsv.  The C
# locale makes every awk read its UTF-8 as bytes, the same everywhere.
lib/rime-table.h: $(top_srcdir)/data/rimes.tsv \
		$(top_srcdir)/lib/gen-rime-table.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	LC_ALL=C $(AWK) -f $(top_srcdir)/lib/gen-rime-table.awk \
		$(top_srcdir)/data/rimes.tsv > $@-t && mv $@-t $@
BUILT_SOURCES += lib/rime-table.h
CLEANFILES += lib/rime-table.h
EXTRA_DIST += lib/gen-rime-table.awk
nodist_lib_libvnclean_a_SOURCES += lib/rime-table.h

# The abbreviations vn-punct never opens, generated from
# data/abbreviations.txt (sorted in byte order: LC_ALL=C).
lib/abbrev-table.h: $(top_srcdir)/data/abbreviations.txt \
		$(top_srcdir)/lib/gen-abbrev-table.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	LC_ALL=C $(AWK) -f $(top_srcdir)/lib/gen-abbrev-table.awk \
		$(top_srcdir)/data/abbreviations.txt > $@-t && mv $@-t $@
BUILT_SOURCES += lib/abbrev-table.h
CLEANFILES += lib/abbrev-table.h
EXTRA_DIST += lib/gen-abbrev-table.awk
nodist_lib_libvnclean_a_SOURCES += lib/abbrev-table.h
# The word data of lib/repeats.c, generated from the three lists in data/
# (scripts/gen-repeat-data made them; data/SOURCES.md).
REPEAT_LISTS = $(top_srcdir)/data/compounds.txt \
	$(top_srcdir)/data/phrase-starts.txt $(top_srcdir)/data/reduplicatives.txt
lib/repeat-table.h: $(REPEAT_LISTS) $(top_srcdir)/lib/gen-repeat-table.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	LC_ALL=C $(AWK) -f $(top_srcdir)/lib/gen-repeat-table.awk \
		$(REPEAT_LISTS) > $@-t && mv $@-t $@
BUILT_SOURCES += lib/repeat-table.h
CLEANFILES += lib/repeat-table.h
EXTRA_DIST += lib/gen-repeat-table.awk
nodist_lib_libvnclean_a_SOURCES += lib/repeat-table.h
# vn-recode's tables of VNI, VIQR and VPS, generated from data/ (TCVN3,
# VISCII and CP1258 come from iconv at run time).
lib/recode-tables.h: $(top_srcdir)/data/vietnamese-letters.tsv \
		$(top_srcdir)/data/vps.tsv $(top_srcdir)/lib/gen-recode-tables.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	LC_ALL=C $(AWK) -f $(top_srcdir)/lib/gen-recode-tables.awk \
		$(top_srcdir)/data/vietnamese-letters.tsv \
		$(top_srcdir)/data/vps.tsv > $@-t && mv $@-t $@
BUILT_SOURCES += lib/recode-tables.h
CLEANFILES += lib/recode-tables.h
EXTRA_DIST += lib/gen-recode-tables.awk
nodist_lib_libvnclean_a_SOURCES += lib/recode-tables.h

# ICU is for vn-unicode's normalizer; every program links the whole
# registry, so every program links ICU, and iconv (vn-recode) and libm.
LDADD = lib/libvnclean.a $(ICU_LIBS) $(LIBICONV) $(LIBM)

# The cue lists of the structure filters (vn-captions, vn-bylines,
# vn-boilerplate), compiled in from data/: lib/structure.c parses them with
# the code that reads --cues files.
STRUCTURE_LISTS = $(top_srcdir)/data/structure-cues.tsv \
	$(top_srcdir)/data/names.tsv $(top_srcdir)/data/stopwords.txt
lib/structure-data.h: $(STRUCTURE_LISTS) $(top_srcdir)/lib/gen-structure-data.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	LC_ALL=C $(AWK) -f $(top_srcdir)/lib/gen-structure-data.awk \
		$(STRUCTURE_LISTS) > $@-t && mv $@-t $@
BUILT_SOURCES += lib/structure-data.h
CLEANFILES += lib/structure-data.h
EXTRA_DIST += lib/gen-structure-data.awk
nodist_lib_libvnclean_a_SOURCES += lib/structure-data.h
# The syllable and pair counts of vn-typos, generated from data/ngrams.tsv
# (scripts/build-ngrams makes that file from a corpus), and its list of
# misspellings from data/typos.tsv.
# The pair table is laid out by a C program at build time (awk cannot hash
# the way lib/ngram.c looks up), so that nothing is built at start-up.
noinst_PROGRAMS = lib/gen-ngram-table
lib_gen_ngram_table_SOURCES = lib/gen-ngram-table.c lib/ngram-hash.h
lib_gen_ngram_table_LDADD =
lib/ngram-table.h: $(top_srcdir)/data/ngrams.tsv lib/gen-ngram-table$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) lib && \
	lib/gen-ngram-table$(EXEEXT) $(top_srcdir)/data/ngrams.tsv > $@-t && \
	mv $@-t $@
lib/typo-list.h: $(top_srcdir)/data/typos.tsv \
		$(top_srcdir)/lib/gen-typo-list.awk
	$(AM_V_GEN)$(MKDIR_P) lib && \
	LC_ALL=C $(AWK) -f $(top_srcdir)/lib/gen-typo-list.awk \
		$(top_srcdir)/data/typos.tsv > $@-t && mv $@-t $@
BUILT_SOURCES += lib/ngram-table.h lib/typo-list.h
CLEANFILES += lib/ngram-table.h lib/typo-list.h
EXTRA_DIST += lib/gen-typo-list.awk
nodist_lib_libvnclean_a_SOURCES += lib/ngram-table.h lib/typo-list.h
