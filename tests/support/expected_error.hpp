// What a hostile-input test expects of a failure: code, byte offset and field
// path (the message is free text and not compared).
#pragma once

#include <cstdint>
#include <string>

#include "dhcpm/error.hpp"

namespace dhcpm::test {

struct expected_error {
  error_code code;
  std::uint64_t offset;
  std::string path;
};

inline std::string show(const expected_error& e) {
  return std::string(to_string(e.code)) + " at offset " + std::to_string(e.offset) + " path \"" + e.path + "\"";
}

inline bool matches(const error& actual, const expected_error& e) {
  return actual.code == e.code && actual.offset == e.offset && actual.path == e.path;
}

}  // namespace dhcpm::test
