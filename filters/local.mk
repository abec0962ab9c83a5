## filters/local.mk -- one thin main per filter
bin_PROGRAMS += filters/vn-entities filters/vn-space filters/vn-unicode \
	filters/vn-tones filters/vn-captions filters/vn-bylines \
	filters/vn-boilerplate

filters_vn_entities_SOURCES = filters/vn-entities.c
filters_vn_space_SOURCES = filters/vn-space.c
filters_vn_unicode_SOURCES = filters/vn-unicode.c
filters_vn_tones_SOURCES = filters/vn-tones.c
filters_vn_captions_SOURCES = filters/vn-captions.c
filters_vn_bylines_SOURCES = filters/vn-bylines.c
filters_vn_boilerplate_SOURCES = filters/vn-boilerplate.c
