## filters/local.mk -- one thin main per filter
bin_PROGRAMS += filters/vn-entities filters/vn-space

filters_vn_entities_SOURCES = filters/vn-entities.c
filters_vn_space_SOURCES = filters/vn-space.c
