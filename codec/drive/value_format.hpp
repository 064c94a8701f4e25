// Whether a C++ Value can be read or written in a format: check_format's
// rules for its record type, and the format's framing and `all` must be the
// Value's (framed_value in codec.hpp).
#pragma once

#include <optional>
#include <string>

#include "dhcpm/codec.hpp"
#include "dhcpm/options.hpp"

namespace dhcpm::detail {

template <class Value>
[[nodiscard]] std::optional<error> check_value_format(const wire_format& format, bool encoding) {
  using traits = framed_value<Value>;
  if (std::optional<error> refused = check_format(value_type_of<typename traits::record>, format, encoding)) {
    return refused;
  }
  if (format.frame != traits::frame || format.all != traits::several) {
    return error{error_code::unsupported, 0, "",
                 "the value is " + std::string(traits::several ? "every value of a pickled buffer" : "one value") +
                     " in framing " + std::string(to_string(traits::frame)) + ", not the format's " +
                     std::string(format.all ? "every value" : "one value") + " in framing " +
                     std::string(to_string(format.frame))};
  }
  return std::nullopt;
}

}  // namespace dhcpm::detail
