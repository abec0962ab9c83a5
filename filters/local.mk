## filters/local.mk -- one thin main per filter
bin_PROGRAMS += filters/vn-entities filters/vn-space filters/vn-unicode \
	filters/vn-tones filters/vn-typos

filters_vn_entities_SOURCES = filters/vn-entities.c
filters_vn_space_SOURCES = filters/vn-space.c
filters_vn_unicode_SOURCES = filters/vn-unicode.c
filters_vn_tones_SOURCES = filters/vn-tones.c
filters_vn_typos_SOURCES = filters/vn-typos.c
