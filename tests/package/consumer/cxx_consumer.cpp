// A C++ consumer of dhcpm: decodes typical.ndr20.bin with the C++ API, makes
// its JSON, and reads it again through the C API. (The project compiles each
// public header alone beside it.)
// Usage: cxx_consumer VECTOR_DIR
#include <dhcpm/codec.hpp>
#include <dhcpm/dhcpm.h>
#include <dhcpm/field_meaning.hpp>
#include <dhcpm/json.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream file(std::string(argv[1]) + "/typical.ndr20.bin", std::ios::binary);
  const std::vector<std::uint8_t> input{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};

  const dhcpm::result<dhcpm::decoded<dhcpm::client_info>> decoded = dhcpm::decode<dhcpm::client_info>(input, dhcpm::layout::ndr20);
  if (!decoded) {
    std::cerr << dhcpm::format_error(decoded.error_value()) << '\n';
    return 1;
  }
  const std::string json = dhcpm::to_json(decoded->value);
  const std::optional<std::string> name = decoded->value.client_name.to_utf8();

  // The C API from C++: the same bytes, the same name.
  dhcpm_format format;
  dhcpm_format_init(&format, DHCPM_LAYOUT_NDR20, DHCPM_TYPE_CLIENT);
  dhcpm_value* value = nullptr;
  if (dhcpm_decode(input.data(), input.size(), &format, nullptr, &value, nullptr) != DHCPM_OK) return 1;
  char c_name[64];
  std::size_t length = 0;
  dhcpm_client_string_utf8(dhcpm_value_client(value), DHCPM_STRING_CLIENT_NAME, c_name, sizeof c_name, &length);
  dhcpm_value_free(value);

  const bool ok = name && *name == c_name && json.find("\"laptop-42.corp.example.com\"") != std::string::npos;
  std::cout << "cxx_consumer: dhcpm " << dhcpm_version() << ", ClientName " << c_name << ", "
            << dhcpm::client_type_name(decoded->value.client_type) << (ok ? "" : " MISMATCH") << '\n';
  return ok ? 0 : 1;
}
