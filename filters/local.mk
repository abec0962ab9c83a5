## filters/local.mk -- one thin main per filter
bin_PROGRAMS += \
	filters/vn-recode \
	filters/vn-entities \
	filters/vn-unicode \
	filters/vn-tones \
	filters/vn-punct \
	filters/vn-repeats \
	filters/vn-typos \
	filters/vn-captions \
	filters/vn-bylines \
	filters/vn-boilerplate \
	filters/vn-space \
	filters/vn-clean \
	filters/vn-lint

filters_vn_recode_SOURCES = filters/vn-recode.c
filters_vn_entities_SOURCES = filters/vn-entities.c
filters_vn_unicode_SOURCES = filters/vn-unicode.c
filters_vn_tones_SOURCES = filters/vn-tones.c
filters_vn_punct_SOURCES = filters/vn-punct.c
filters_vn_repeats_SOURCES = filters/vn-repeats.c
filters_vn_space_SOURCES = filters/vn-space.c
filters_vn_clean_SOURCES = filters/vn-clean.c
filters_vn_lint_SOURCES = filters/vn-lint.c
filters_vn_captions_SOURCES = filters/vn-captions.c
filters_vn_bylines_SOURCES = filters/vn-bylines.c
filters_vn_boilerplate_SOURCES = filters/vn-boilerplate.c
filters_vn_typos_SOURCES = filters/vn-typos.c
