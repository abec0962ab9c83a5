## tests/local.mk -- unit tests (TAP) and golden transcripts (.vt, TAP too),
## all under Automake's parallel harness; every check counts in the summary.
check_PROGRAMS += tests/transcript $(UNIT_TESTS) tests/tools/vn-doctest

tests_transcript_SOURCES = tests/transcript.c
tests_transcript_LDADD =
# A test-only filter with a document-scope stage (tests/golden/document.vt).
tests_tools_vn_doctest_SOURCES = tests/tools/vn-doctest.c
tests_unit_test_utf8_SOURCES = tests/unit/test-utf8.c tests/unit/tap.h
tests_unit_test_reader_SOURCES = tests/unit/test-reader.c tests/unit/tap.h
tests_unit_test_edit_SOURCES = tests/unit/test-edit.c tests/unit/tap.h
tests_unit_test_json_SOURCES = tests/unit/test-json.c tests/unit/tap.h
tests_unit_test_entities_SOURCES = tests/unit/test-entities.c tests/unit/tap.h
tests_unit_test_diff_SOURCES = tests/unit/test-diff.c tests/unit/tap.h
tests_unit_test_registry_SOURCES = tests/unit/test-registry.c tests/unit/tap.h
tests_unit_test_syllable_SOURCES = tests/unit/test-syllable.c tests/unit/tap.h
tests_unit_test_punct_SOURCES = tests/unit/test-punct.c tests/unit/tap.h
tests_unit_test_repeats_SOURCES = tests/unit/test-repeats.c tests/unit/tap.h

UNIT_TESTS = tests/unit/test-utf8 tests/unit/test-reader tests/unit/test-edit \
	tests/unit/test-json tests/unit/test-entities tests/unit/test-diff \
	tests/unit/test-registry tests/unit/test-syllable tests/unit/test-punct \
	tests/unit/test-repeats tests/unit/test-recode tests/unit/test-structure \
	tests/unit/test-ngram tests/unit/test-spell
tests_unit_test_recode_SOURCES = tests/unit/test-recode.c tests/unit/tap.h
tests_unit_test_structure_SOURCES = tests/unit/test-structure.c tests/unit/tap.h
tests_unit_test_ngram_SOURCES = tests/unit/test-ngram.c tests/unit/tap.h
tests_unit_test_spell_SOURCES = tests/unit/test-spell.c tests/unit/tap.h
GOLDEN_TESTS = \
	tests/golden/cli.vt \
	tests/golden/entities.vt \
	tests/golden/unicode.vt \
	tests/golden/tones.vt \
	tests/golden/punct.vt \
	tests/golden/repeats.vt \
	tests/golden/recode.vt \
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
	tests/golden/seeds.vt \
	tests/golden/document.vt \
	tests/golden/clean.vt \
	tests/golden/lint.vt \
	tests/golden/captions.vt \
	tests/golden/bylines.vt \
	tests/golden/boilerplate.vt \
	tests/golden/corpus.vt
TESTS += $(UNIT_TESTS) $(GOLDEN_TESTS)
EXTRA_DIST += $(GOLDEN_TESTS) $(SAMPLE_RAW:sample/raw/%=tests/data/seeds/%)
EXTRA_DIST += tests/tools/check-sarif
EXTRA_DIST += tests/data/syllables.txt tests/data/tone-pairs.tsv \
	tests/data/SOURCES.md
EXTRA_DIST += tests/data/recode/make-sample tests/data/recode/paragraphs.txt \
	tests/data/recode/tcvn3-as-cp1252.tsv tests/data/recode/vni-as-cp1252.tsv \
	$(RECODE_PAIRS:%=tests/data/recode/sentences.%)
RECODE_PAIRS = UTF-8 TCVN3 VISCII CP1258 VNI VPS VIQR

TEST_EXTENSIONS = .vt
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
VT_LOG_DRIVER = $(LOG_DRIVER)
# Each case is a TAP line already; the exit status would count failures twice.
AM_VT_LOG_DRIVER_FLAGS = --ignore-exit
VT_LOG_COMPILER = $(top_builddir)/tests/transcript
# The transcripts run the built filters, never installed ones; LC_ALL=C
# shows that nothing depends on the locale.
AM_TESTS_ENVIRONMENT = \
	PATH='$(abs_top_builddir)/filters:$(abs_top_builddir)/tests/tools:$(abs_top_srcdir)/tests/tools:$(abs_top_srcdir)/scripts':"$$PATH"; \
	export PATH; \
	LC_ALL=C; export LC_ALL; \
	VN_CLEAN='$(abs_top_builddir)/filters/vn-clean'; export VN_CLEAN; \
	abs_top_srcdir='$(abs_top_srcdir)'; export abs_top_srcdir;
