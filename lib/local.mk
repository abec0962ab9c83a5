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
	lib/reader.c lib/reader.h \
	lib/registry.c \
	lib/space.c \
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

LDADD = lib/libvnclean.a
