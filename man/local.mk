## man/local.mk -- man pages made from --help, so they cannot drift
man_MANS += man/vn-entities.1 man/vn-space.1 man/vn-unicode.1 man/vn-tones.1 man/vn-typos.1
CLEANFILES += $(man_MANS)

man/%.1: filters/%
	$(AM_V_GEN)$(MKDIR_P) man && \
	$(HELP2MAN) --no-info --no-discard-stderr --source='$(PACKAGE_STRING)' \
		--name="`./$< --help | sed -n 2p | sed 's/\.$$//'`" \
		--output=$@ ./$<
