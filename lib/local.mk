## lib/local.mk -- libvnclean: the shared logic every filter stands on
noinst_LIBRARIES += lib/libvnclean.a

lib_libvnclean_a_SOURCES = \
	lib/ascii.h \
	lib/buf.c lib/buf.h \
	lib/diag.c lib/diag.h \
	lib/diff.c lib/diff.h \
	lib/driver.c lib/driver.h \
	lib/edit.c lib/edit.h \
	lib/entities.c \
	lib/fixer.h \
	lib/json.c lib/json.h \
	lib/line.h \
	lib/ngram.c lib/ngram.h lib/ngram-hash.h \
	lib/reader.c lib/reader.h \
	lib/scan.h \
	lib/registry.c \
	lib/space.c \
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

# ICU is for vn-unicode's normalizer; every program links the whole
# registry, so every program links ICU.
LDADD = lib/libvnclean.a $(ICU_LIBS) $(LIBM)
