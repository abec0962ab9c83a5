## man/local.mk -- man pages made from --help, so they cannot drift
man_MANS += \
	man/vn-recode.1 \
	man/vn-entities.1 \
	man/vn-unicode.1 \
	man/vn-tones.1 \
	man/vn-punct.1 \
	man/vn-repeats.1 \
	man/vn-typos.1 \
	man/vn-captions.1 \
	man/vn-bylines.1 \
	man/vn-boilerplate.1 \
	man/vn-space.1 \
	man/vn-clean.1 \
	man/vn-lint.1
CLEANFILES += $(man_MANS)

man/%.1: filters/%
	$(AM_V_GEN)$(MKDIR_P) man && \
	$(HELP2MAN) --no-info --no-discard-stderr --source='$(PACKAGE_STRING)' \
		--name="`./$< --help | sed -n 2p | sed 's/\.$$//'`" \
		--output=$@ ./$<
