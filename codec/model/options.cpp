// Layout and framing names, shared by the CLI's options and its messages.
#include "dhcpm/options.hpp"

#include "dhcpm/client_info_schema.hpp"
#include "dhcpm/record_types.hpp"

#include <array>
#include <initializer_list>
#include <tuple>
#include <utility>
#include <string>

namespace dhcpm {

std::string_view to_string(layout l) noexcept {
  switch (l) {
    case layout::ndr20: return "ndr20";
    case layout::ndr20be: return "ndr20be";
    case layout::ndr64: return "ndr64";
    case layout::pickle: return "pickle";
    case layout::pickle_ndr20: return "pickle-ndr20";
    case layout::pickle_ndr20be: return "pickle-ndr20be";
    case layout::pickle_ndr64: return "pickle-ndr64";
    case layout::pickle2_ndr20: return "pickle2-ndr20";
    case layout::x64: return "x64";
    case layout::x86: return "x86";
  }
  return "unknown";  // a value cast from outside the enumeration
}

std::string_view to_string(framing f) noexcept {
  switch (f) {
    case framing::bare: return "bare";
    case framing::ptr: return "ptr";
    case framing::response: return "response";
  }
  return "unknown";
}

std::optional<layout> parse_layout(std::string_view name) noexcept {
  for (layout l : all_layouts) {
    if (name == to_string(l)) return l;
  }
  return std::nullopt;
}

std::optional<framing> parse_framing(std::string_view name) noexcept {
  for (framing f : {framing::bare, framing::ptr, framing::response}) {
    if (name == to_string(f)) return f;
  }
  return std::nullopt;
}

namespace {

// Whether each value_type exists only in memory images, from its schema
// (a table: check_format runs on every decode and encode).
constexpr auto native_only_types = []<std::size_t... I>(std::index_sequence<I...>) {
  return std::array<bool, record_type_count>{record_schema<std::tuple_element_t<I, record_type_list>>::native_only...};
}(std::make_index_sequence<record_type_count>{});

}  // namespace

std::optional<error> check_format(value_type type, const wire_format& format, bool encoding) {
  const auto unsupported = [](std::string message) {
    return error{error_code::unsupported, 0, "", std::move(message)};
  };
  const layout wire = format.wire;
  const auto index = static_cast<std::size_t>(type);
  const bool native_only = index < native_only_types.size() && native_only_types[index];
  if (native_only && !is_native(wire)) {
    const std::string_view name = with_record_type(type, [](auto t) { return record_schema<typename decltype(t)::type>::idl_name; });
    return unsupported(std::string(name) + " exists only in x64/x86 memory images (no RPC method carries it), not in layout " +
                       std::string(to_string(wire)));
  }
  if (!is_ndr(wire) && format.frame != framing::bare) {
    return unsupported("layout " + std::string(to_string(wire)) + " carries bare values, not framing " +
                       std::string(to_string(format.frame)));
  }
  if (format.frame == framing::response && type != value_type::client) {
    if (type == value_type::array) return unsupported("the opnum 98 response carries one client record, not an array");
    const std::string_view name = with_record_type(type, [](auto t) { return record_schema<typename decltype(t)::type>::idl_name; });
    return unsupported("the opnum 98 response carries one DHCPV4_FAILOVER_CLIENT_INFO, not a " + std::string(name));
  }
  if (format.all && !is_pickle(wire)) {
    return unsupported("layout " + std::string(to_string(wire)) + " holds one value; only pickled buffers hold several");
  }
  if (encoding && wire == layout::pickle) {
    return unsupported(
        "encoding needs an explicit pickle layout (pickle-ndr20, pickle-ndr20be, pickle-ndr64, pickle2-ndr20)");
  }
  if (encoding && is_native(wire) && format.base % 16 != 0) {
    return error{error_code::value_out_of_range, 0, "", "the image base must be a multiple of 16"};
  }
  return std::nullopt;
}

}  // namespace dhcpm
