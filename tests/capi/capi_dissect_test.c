/* dhcpm_dissect through its C callback: over every golden vector the regions
 * tile the input exactly once, in offset order; their kinds, paths and values
 * say what the bytes are; a callback can stop early; broken input is shown up
 * to where parsing stopped. */
#include <stdio.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"
#include "capi_vector_index.h"

/* What the callback saw. */
struct tally {
  uint64_t next_offset;          /* where the next region must start */
  uint64_t bytes;                /* sum of the lengths */
  size_t regions;                /* number of calls */
  size_t by_kind[DHCPM_REGION_TRAILING + 1];
  int out_of_order;              /* a region not starting where the previous ended */
  int bad_strings;               /* a NULL path or value */
  size_t stop_after;             /* 0: never stop */
  /* One region to look for, by path and kind. */
  const char* want_path;
  dhcpm_region_kind want_kind;
  char found_value[256];
  uint64_t found_offset;
  uint64_t found_length;
  int found;
};

static int count_region(const dhcpm_region* region, void* user_data) {
  struct tally* t = (struct tally*)user_data;
  if (region->offset != t->next_offset || region->length == 0) t->out_of_order = 1;
  if (region->path == NULL || region->value == NULL) {
    t->bad_strings = 1;
    return 1;
  }
  t->next_offset = region->offset + region->length;
  t->bytes += region->length;
  ++t->regions;
  if ((int)region->kind >= 0 && region->kind <= DHCPM_REGION_TRAILING) ++t->by_kind[region->kind];
  if (t->want_path != NULL && region->kind == t->want_kind && strcmp(region->path, t->want_path) == 0) {
    t->found = 1;
    t->found_offset = region->offset;
    t->found_length = region->length;
    snprintf(t->found_value, sizeof t->found_value, "%s", region->value);
  }
  return t->stop_after != 0 && t->regions >= t->stop_after;
}

static dhcpm_status dissect_file(const char* name, const char* suffix, dhcpm_type type, size_t keep,
                                 struct tally* t, dhcpm_dissect_summary* summary, dhcpm_error* error) {
  struct buffer whole = read_vector(name, suffix);
  struct buffer cut;
  dhcpm_format format;
  dhcpm_status status = DHCPM_ERR_INVALID_ARGUMENT;
  if (whole.data == NULL) return status;
  cut = copy_buffer(whole.data, keep < whole.size ? keep : whole.size);
  if (CHECK(format_of_suffix(suffix, type, &format))) {
    status = dhcpm_dissect(cut.data, cut.size, &format, NULL, count_region, t, summary, error);
  }
  free_buffer(&cut);
  free_buffer(&whole);
  return status;
}

/* Every vector file: the regions tile it, and count what the value holds. */
static void check_tiling(void) {
  size_t i;
  for (i = 0; i < VECTOR_FILE_COUNT; ++i) {
    const struct vector_file* file = &vector_files[i];
    struct tally t;
    dhcpm_dissect_summary summary;
    dhcpm_error error;
    memset(&t, 0, sizeof t);
    if (!CHECK_STATUS(dissect_file(file->name, file->suffix, file->type, SIZE_MAX, &t, &summary, &error),
                      DHCPM_OK)) {
      fprintf(stderr, "  %s.%s: %s at 0x%lx: %s\n", file->name, file->suffix, error.path,
              (unsigned long)error.offset, error.message);
      continue;
    }
    if (!CHECK(!t.out_of_order && !t.bad_strings) || !CHECK_U64(t.bytes, file->size) ||
        !CHECK_U64(summary.consumed, file->size)) {
      fprintf(stderr, "  in %s.%s\n", file->name, file->suffix);
    }
    CHECK_U64(summary.warning_count, 0);
    CHECK(t.by_kind[DHCPM_REGION_FIELD] > 0);
    CHECK_U64(t.by_kind[DHCPM_REGION_TRAILING], 0);
  }
}

/* typical.ndr20: 5 strings with their units, one Data, and what the regions
 * say about a field. */
static void check_typical_regions(void) {
  struct tally t;
  dhcpm_dissect_summary summary;
  memset(&t, 0, sizeof t);
  t.want_path = "ClientIpAddress";
  t.want_kind = DHCPM_REGION_FIELD;
  if (!CHECK_STATUS(dissect_file("typical", "ndr20", DHCPM_TYPE_CLIENT, SIZE_MAX, &t, &summary, NULL), DHCPM_OK)) {
    return;
  }
  CHECK(summary.layout == DHCPM_LAYOUT_NDR20);
  CHECK_U64(t.by_kind[DHCPM_REGION_STRING_UNITS], 5);
  CHECK_U64(t.by_kind[DHCPM_REGION_ACTUAL_COUNT], 5);
  CHECK_U64(t.by_kind[DHCPM_REGION_DATA_BYTES], 1);
  CHECK_U64(t.by_kind[DHCPM_REGION_REFERENT_ID], 6); /* Data and five strings */
  CHECK_U64(t.by_kind[DHCPM_REGION_HEADER], 0);
  if (CHECK(t.found)) {
    CHECK_U64(t.found_offset, 0);
    CHECK_U64(t.found_length, 4);
    CHECK_STRING(t.found_value, "192.168.1.10");
  }

  memset(&t, 0, sizeof t);
  t.want_path = "ClientName";
  t.want_kind = DHCPM_REGION_STRING_UNITS;
  if (CHECK_STATUS(dissect_file("typical", "ndr64", DHCPM_TYPE_CLIENT, SIZE_MAX, &t, NULL, NULL), DHCPM_OK) &&
      CHECK(t.found)) {
    CHECK_U64(t.found_length, 27 * 2); /* 26 units and the terminator */
    CHECK_STRING(t.found_value, "\"laptop-42.corp.example.com\"");
  }

  /* A pickled buffer, its layout detected: header regions, and the kind named. */
  memset(&t, 0, sizeof t);
  {
    struct buffer pickled = read_vector("typical", "pickle.ndr64");
    dhcpm_format format;
    dhcpm_format_init(&format, DHCPM_LAYOUT_AUTO, DHCPM_TYPE_CLIENT);
    if (pickled.data != NULL &&
        CHECK_STATUS(dhcpm_dissect(pickled.data, pickled.size, &format, NULL, count_region, &t, &summary, NULL),
                     DHCPM_OK)) {
      CHECK(summary.layout == DHCPM_LAYOUT_PICKLE_NDR64);
      CHECK(t.by_kind[DHCPM_REGION_HEADER] > 0);
      CHECK_U64(t.bytes, pickled.size);
    }
    free_buffer(&pickled);
  }
  CHECK_STRING(dhcpm_region_kind_name(DHCPM_REGION_STRING_UNITS), "string-units");
  CHECK_STRING(dhcpm_region_kind_name(DHCPM_REGION_OTHER), "other");
}

/* A callback that returns non-zero gets no more regions. */
static void check_early_stop(void) {
  struct tally t;
  dhcpm_dissect_summary summary;
  memset(&t, 0, sizeof t);
  t.stop_after = 3;
  CHECK_STATUS(dissect_file("array-3", "x64", DHCPM_TYPE_ARRAY, SIZE_MAX, &t, &summary, NULL), DHCPM_OK);
  CHECK_U64(t.regions, 3);
  CHECK_U64(summary.consumed, 760); /* the summary still covers the whole value */
}

/* Cut input: the regions up to the failure, and the failure itself. */
static void check_broken(void) {
  struct tally t;
  dhcpm_dissect_summary summary;
  dhcpm_error error;
  memset(&t, 0, sizeof t);
  CHECK_STATUS(dissect_file("typical", "ndr20", DHCPM_TYPE_CLIENT, 200, &t, &summary, &error),
               DHCPM_ERR_COUNT_EXCEEDS_INPUT);
  CHECK_U64(error.offset, 0xbc);
  CHECK_STRING(error.path, "ClientComment");
  CHECK(!t.out_of_order);
  CHECK_U64(t.bytes, summary.consumed);
  CHECK(summary.consumed > 0 && summary.consumed <= 200);

  /* No callback: the summary and status alone. */
  {
    struct buffer whole = read_vector("array-with-null", "ndr20be");
    dhcpm_format format;
    dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20BE, DHCPM_TYPE_ARRAY);
    if (whole.data != NULL) {
      CHECK_STATUS(dhcpm_dissect(whole.data, whole.size, &format, NULL, NULL, NULL, &summary, NULL), DHCPM_OK);
      CHECK_U64(summary.consumed, whole.size);
    }
    free_buffer(&whole);
  }
  CHECK_STATUS(dhcpm_dissect(NULL, 1, NULL, NULL, NULL, NULL, NULL, &error), DHCPM_ERR_INVALID_ARGUMENT);
}

/* Every prefix of a few vectors: the regions still tile [0, consumed), never
 * past the bytes given, and the walk stops with an error (a bad input, not a
 * bug) unless the prefix is the whole value. */
static void check_every_truncation(void) {
  static const char* const suffixes[] = {"ndr20be", "ndr64", "pickle2.ndr20", "x64", "ptr.ndr20"};
  size_t s;
  size_t keep;
  for (s = 0; s < sizeof suffixes / sizeof suffixes[0]; ++s) {
    struct buffer whole = read_vector("array-with-null", suffixes[s]);
    dhcpm_format format;
    if (whole.data == NULL || !CHECK(format_of_suffix(suffixes[s], DHCPM_TYPE_ARRAY, &format))) continue;
    for (keep = 0; keep < whole.size; ++keep) {
      struct buffer cut = copy_buffer(whole.data, keep);
      struct tally t;
      dhcpm_dissect_summary summary;
      dhcpm_error error;
      dhcpm_status status;
      memset(&t, 0, sizeof t);
      status = dhcpm_dissect(cut.data, cut.size, &format, NULL, count_region, &t, &summary, &error);
      if (!CHECK(status != DHCPM_OK && status != DHCPM_ERR_INTERNAL && error.code == status) ||
          !CHECK(!t.out_of_order && !t.bad_strings) || !CHECK_U64(t.bytes, summary.consumed) ||
          !CHECK(summary.consumed <= keep)) {
        fprintf(stderr, "  array-with-null.%s cut to %lu bytes: %s\n", suffixes[s], (unsigned long)keep,
                dhcpm_status_name(status));
      }
      free_buffer(&cut);
    }
    free_buffer(&whole);
  }
}

void test_dissect(void) {
  check_tiling();
  check_typical_regions();
  check_early_stop();
  check_broken();
  check_every_truncation();
}
