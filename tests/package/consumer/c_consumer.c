/* A C99 consumer of dhcpm: decodes typical.ndr20.bin, prints its ClientName,
 * and checks that its NDR64 encoding is typical.ndr64.bin.
 * Usage: c_consumer VECTOR_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dhcpm/dhcpm.h>

static unsigned char* read_file(const char* dir, const char* name, size_t* size) {
  char path[1024];
  unsigned char* data = NULL;
  long length;
  FILE* f;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  f = fopen(path, "rb");
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (length = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
    data = (unsigned char*)malloc((size_t)length);
    if (data != NULL && fread(data, 1, (size_t)length, f) != (size_t)length) {
      free(data);
      data = NULL;
    }
    *size = (size_t)length;
  }
  fclose(f);
  return data;
}

int main(int argc, char** argv) {
  size_t ndr20_size = 0, ndr64_size = 0, out_size = 0, name_length = 0;
  unsigned char* ndr20;
  unsigned char* ndr64;
  uint8_t* out = NULL;
  char name[64];
  dhcpm_format format;
  dhcpm_value* value = NULL;
  dhcpm_error error;
  int ok;
  if (argc != 2) return 2;
  if (strcmp(dhcpm_version(), DHCPM_VERSION_STRING) != 0) return 3;
  ndr20 = read_file(argv[1], "typical.ndr20.bin", &ndr20_size);
  ndr64 = read_file(argv[1], "typical.ndr64.bin", &ndr64_size);
  if (ndr20 == NULL || ndr64 == NULL) return 4;

  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
  if (dhcpm_decode(ndr20, ndr20_size, &format, NULL, &value, &error) != DHCPM_OK) {
    fprintf(stderr, "decode: %s at %s\n", dhcpm_status_name(error.code), error.path);
    return 1;
  }
  dhcpm_client_string_utf8(dhcpm_value_client(value), DHCPM_STRING_CLIENT_NAME, name, sizeof name, &name_length);
  format.layout = DHCPM_LAYOUT_NDR64;
  ok = dhcpm_encode(value, &format, &out, &out_size, &error) == DHCPM_OK && out_size == ndr64_size &&
       memcmp(out, ndr64, out_size) == 0;
  printf("c_consumer: dhcpm %s, ClientName %s, NDR64 %s\n", dhcpm_version(), name, ok ? "identical" : "DIFFERENT");
  dhcpm_free(out);
  dhcpm_value_free(value);
  free(ndr20);
  free(ndr64);
  return ok ? 0 : 1;
}
