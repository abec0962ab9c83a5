## tests/local.mk -- unit tests (TAP) and golden transcripts (.vt, TAP too),
## all under Automake's parallel harness; every check counts in the summary.
check_PROGRAMS += tests/transcript $(UNIT_TESTS)

tests_transcript_SOURCES = tests/transcript.c
tests_transcript_LDADD =
tests_unit_test_utf8_SOURCES = tests/unit/test-utf8.c tests/unit/tap.h
tests_unit_test_reader_SOURCES = tests/unit/test-reader.c tests/unit/tap.h
tests_unit_test_edit_SOURCES = tests/unit/test-edit.c tests/unit/tap.h
tests_unit_test_json_SOURCES = tests/unit/test-json.c tests/unit/tap.h
tests_unit_test_entities_SOURCES = tests/unit/test-entities.c tests/unit/tap.h
tests_unit_test_diff_SOURCES = tests/unit/test-diff.c tests/unit/tap.h
tests_unit_test_registry_SOURCES = tests/unit/test-registry.c tests/unit/tap.h
tests_unit_test_syllable_SOURCES = tests/unit/test-syllable.c tests/unit/tap.h
tests_unit_test_ngram_SOURCES = tests/unit/test-ngram.c tests/unit/tap.h
tests_unit_test_spell_SOURCES = tests/unit/test-spell.c tests/unit/tap.h

UNIT_TESTS = tests/unit/test-utf8 tests/unit/test-reader tests/unit/test-edit \
	tests/unit/test-json tests/unit/test-entities tests/unit/test-diff \
	tests/unit/test-registry tests/unit/test-syllable \
	tests/unit/test-ngram tests/unit/test-spell
GOLDEN_TESTS = \
	tests/golden/cli.vt \
	tests/golden/entities.vt \
	tests/golden/unicode.vt \
	tests/golden/tones.vt \
	tests/golden/typos.vt \
	tests/golden/space.vt \
	tests/golden/check.vt \
	tests/golden/diff.vt \
	tests/golden/stats.vt \
	tests/golden/in-place.vt \
	tests/golden/output.vt \
	tests/golden/jsonl.vt \
	tests/golden/doc-sep.vt \
	tests/golden/invalid.vt \
	tests/golden/errors.vt \
	tests/golden/seeds.vt
TESTS += $(UNIT_TESTS) $(GOLDEN_TESTS)
EXTRA_DIST += $(GOLDEN_TESTS) $(SAMPLE_RAW:sample/raw/%=tests/data/seeds/%)
EXTRA_DIST += tests/data/syllables.txt tests/data/tone-pairs.tsv \
	tests/data/SOURCES.md

TEST_EXTENSIONS = .vt
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
VT_LOG_DRIVER = $(LOG_DRIVER)
# Each case is a TAP line already; the exit status would count failures twice.
AM_VT_LOG_DRIVER_FLAGS = --ignore-exit
VT_LOG_COMPILER = $(top_builddir)/tests/transcript
# The transcripts run the built filters, never installed ones; LC_ALL=C
# shows that nothing depends on the locale.
AM_TESTS_ENVIRONMENT = \
	PATH='$(abs_top_builddir)/filters':"$$PATH"; export PATH; \
	LC_ALL=C; export LC_ALL; \
	abs_top_srcdir='$(abs_top_srcdir)'; export abs_top_srcdir;
