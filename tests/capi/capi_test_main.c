/* The C API test program: `dhcpm_capi_test SECTION VECTOR_DIR`. A C99 program
 * that uses all of dhcpm.h; exits 0 when every check of the section held. */
#include <stdio.h>
#include <string.h>

#include "capi_sections.h"
#include "capi_test_support.h"

struct section {
  const char* name;
  void (*run)(void);
};

static const struct section sections[] = {
    {"vectors", test_vectors}, {"fields", test_fields},   {"errors", test_errors},
    {"builder", test_builder}, {"dissect", test_dissect}, {"family", test_family},
    {"records", test_records}, {"calls", test_calls},
};

int main(int argc, char** argv) {
  size_t i;
  if (argc != 3) {
    fprintf(stderr, "usage: %s SECTION VECTOR_DIR\n", argv[0]);
    return 2;
  }
  set_vector_dir(argv[2]);
  for (i = 0; i < sizeof sections / sizeof sections[0]; ++i) {
    if (strcmp(argv[1], sections[i].name) == 0) {
      sections[i].run();
      if (failure_count() != 0) {
        fprintf(stderr, "%s: %d check(s) failed\n", argv[1], failure_count());
        return 1;
      }
      printf("%s: every check held\n", argv[1]);
      return 0;
    }
  }
  fprintf(stderr, "unknown section %s\n", argv[1]);
  return 2;
}
