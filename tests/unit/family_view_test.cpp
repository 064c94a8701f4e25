// The views of every _ARRAY type (view_of<Array>) and of an enumeration
// response's array (view_call) agree with the owning decoders: on every
// family array vector and response vector, on 10,000 generated arrays and
// 7,000 generated responses, and on truncations and bit flips — the same
// accept/reject with the same error, the same warnings, and element for
// element the same records.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"
#include "dhcpm/view.hpp"
#include "support/array_types.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// "" when `view` holds exactly `expected`'s elements, else the first difference.
template <class Array>
std::string elements_differ(const basic_array_view<Array>& view, const Array& expected) {
  if (view.num_elements() != expected.num_elements || view.clients_is_null() != !expected.clients.has_value()) {
    return "array header differs";
  }
  const std::size_t slots = expected.clients ? expected.clients->size() : 0;
  if (view.size() != slots || view.record_count() != (expected.clients ? expected.clients->record_count() : 0)) {
    return "sizes differ";
  }
  std::size_t slot = 0;
  for (const auto element : view) {
    const auto* record = (*expected.clients)[slot];
    if (element.has_value() != (record != nullptr)) return "NULL-ness of element " + std::to_string(slot) + " differs";
    if (element && !(element->to_value() == *record)) return "element " + std::to_string(slot) + " differs";
    ++slot;
  }
  if (slot != slots) return "iteration visits " + std::to_string(slot) + " slots";
  if (!(view.to_value() == expected)) return "to_value() differs";
  return "";
}

template <class Array>
std::string view_disagreement(byte_span input, const wire_format& format, const decode_options& options) {
  const auto owned = decode<Array>(input, format, options);
  const auto view = view_of<Array>(input, format, options);
  // Not yet: an _EX array's view of a memory image (its elements' to_value() re-reads NDR).
  if (detail::has_pointee_struct<typename Array::element> && is_native(format.wire)) {
    return !view && view.error_value().code == error_code::unsupported ? "" : "an _EX image's view is not refused";
  }
  if (!owned || !view) {
    if (owned) return "decode accepts, the view refuses: " + describe(view.error_value());
    if (view) return "decode refuses (" + describe(owned.error_value()) + "), the view accepts";
    return view.error_value() == owned.error_value()
               ? ""
               : "errors differ: " + describe(owned.error_value()) + " vs " + describe(view.error_value());
  }
  if (!(view->warnings() == owned->warnings)) return "warnings differ";
  return elements_differ(*view, owned->value);
}

std::string agree(value_type type, byte_span input, const wire_format& format, const decode_options& options) {
  std::string problem;
  with_array_type(type, [&](auto t) { problem = view_disagreement<typename decltype(t)::type>(input, format, options); });
  return problem;
}

TEST(FamilyView, EveryFamilyArrayVectorInEveryLayout) {
  std::size_t files = 0;
  for (const family_file& f : family_files()) {
    if (!is_array_type(f.value())) continue;
    ++files;
    const bytes input = read_bytes(f.bin());
    for (const bool strict : {true, false}) {
      EXPECT_EQ(agree(f.value(), input, wire_format{.wire = f.wire()}, {.strict = strict}), "")
          << f.vector << "." << f.layout;
    }
    with_array_type(f.value(), [&](auto t) {
      using Array = typename decltype(t)::type;
      const auto value = decode<Array>(input, f.wire());
      ASSERT_TRUE(value);
      for (const layout wire : {layout::pickle_ndr20, layout::pickle_ndr64, layout::x64, layout::x86}) {
        const wire_format format = format_for<Array>(wire);
        if (check_format(value_type_of<Array>, format, true)) continue;  // no such layout for this type
        const auto encoded = encode(value->value, format);
        ASSERT_TRUE(encoded) << describe(encoded.error_value());
        EXPECT_EQ(view_disagreement<Array>(*encoded, format, {}), "") << f.vector << " " << to_string(wire);
      }
    });
  }
  EXPECT_EQ(files, 7u * 15u);
}

TEST(FamilyView, TenThousandGeneratedArrays) {
  const layout layouts[] = {layout::ndr20, layout::ndr20be, layout::ndr64, layout::pickle_ndr20, layout::x64};
  std::size_t arrays = 0;
  for (std::size_t type = 0; type < record_type_count; ++type) {
    with_array_type(static_cast<value_type>(type), [&](auto t) {
      using Array = typename decltype(t)::type;
      generate_options small;
      small.max_elements = 4;
      const std::vector<Array> values = generate_values<Array>(1250, 0x71E3 + type, small);
      for (std::size_t i = 0; i < values.size(); ++i) {
        wire_format format = format_for<Array>(layouts[i % std::size(layouts)]);
        if (check_format(value_type_of<Array>, format, true)) format = wire_format{.wire = layout::ndr20};
        const auto encoded = encode(values[i], format);
        ASSERT_TRUE(encoded) << describe(encoded.error_value());
        ASSERT_EQ(view_disagreement<Array>(*encoded, format, {}), "")
            << record_schema<typename Array::element>::array_idl_name << " value " << i << " in " << to_string(format.wire);
        ++arrays;
      }
    });
  }
  EXPECT_EQ(arrays, 10'000u);
}

// Every cut of the first 192 bytes and every bit of the first 96, then
// every 37th cut and a bit of every 23rd byte, strict and lenient.
TEST(FamilyView, SweepInputs) {
  std::size_t inputs = 0;
  for (const family_file& f : family_files()) {
    if (!is_array_type(f.value())) continue;
    const bytes full = read_bytes(f.bin());
    const auto check = [&](std::size_t n, std::size_t flip_byte, unsigned bit) {
      auto buffer = std::make_unique<std::uint8_t[]>(n);
      std::copy_n(full.begin(), n, buffer.get());
      if (flip_byte < n) buffer[flip_byte] ^= static_cast<std::uint8_t>(1u << bit);
      for (const bool strict : {true, false}) {
        ++inputs;
        const std::string problem = agree(f.value(), byte_span(buffer.get(), n), wire_format{.wire = f.wire()},
                                          {.strict = strict});
        if (!problem.empty()) {
          ADD_FAILURE() << f.vector << "." << f.layout << ": " << n << " bytes, bit " << bit << " of byte "
                        << flip_byte << (strict ? " strict: " : " lenient: ") << problem;
          return false;
        }
      }
      return true;
    };
    bool ok = true;
    for (std::size_t n = 0; ok && n < full.size(); n += n < 192 ? 1 : 37) ok = check(n, SIZE_MAX, 0);
    for (std::size_t at = 0; ok && at < full.size(); at += at < 96 ? 1 : 23) {
      for (unsigned bit = at < 96 ? 0 : at % 8; ok && bit < 8; bit += at < 96 ? 1 : 8) ok = check(full.size(), at, bit);
    }
  }
  EXPECT_GE(inputs, 50'000u);
}

TEST(FamilyView, RefusesOtherFramings) {
  const bytes input = read_bytes("family/DHCP_CLIENT_INFO_PB_ARRAY.3.ndr20.bin");
  for (const wire_format& format : {wire_format{.wire = layout::ndr20, .frame = framing::ptr},
                                    wire_format{.wire = layout::pickle, .all = true}}) {
    const auto view = view_of<dhcp_client_info_pb_array>(input, format);
    ASSERT_FALSE(view);
    EXPECT_EQ(view.error_value().code, error_code::unsupported);
  }
}

// ---- a stub's view --------------------------------------------------------

template <class Array>
std::string call_view_disagreement(byte_span input, call_stub_type type, std::size_t param, layout wire,
                                   const decode_options& options) {
  const auto decoded = decode_call(input, type, wire, options);
  const auto viewed = view_call<Array>(input, type, wire, options);
  if (!decoded || !viewed) {
    if (decoded) return "decode_call accepts, view_call refuses: " + describe(viewed.error_value());
    if (viewed) return "decode_call refuses (" + describe(decoded.error_value()) + "), view_call accepts";
    return viewed.error_value() == decoded.error_value()
               ? ""
               : "errors differ: " + describe(decoded.error_value()) + " vs " + describe(viewed.error_value());
  }
  if (!(viewed->warnings == decoded->warnings)) return "warnings differ";
  const auto params = type.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i != param && !(viewed->stub.params[i] == decoded->value.params[i])) {
      return std::string(params[i].name) + " differs";
    }
  }
  const auto& value = std::get<std::optional<any_record>>(decoded->value.params[param]);
  if (viewed->array.has_value() != value.has_value()) return "NULL ClientInfo differs";
  if (!value) return "";
  return elements_differ(*viewed->array, std::get<Array>(*value));
}

std::string call_agree(byte_span input, call_stub_type type, layout wire, const decode_options& options) {
  const std::optional<std::size_t> param = array_param(type);
  if (!param) return "not an enumeration response";
  std::string problem;
  with_array_type(type.params()[*param].type, [&](auto t) {
    problem = call_view_disagreement<typename decltype(t)::type>(input, type, *param, wire, options);
  });
  return problem;
}

TEST(CallView, ResponseVectorsTheirSweepsAndGeneratedResponses) {
  std::size_t inputs = 0;
  for (const call_file& f : call_files()) {
    if (!array_param(f.type)) continue;
    const bytes full = read_bytes(f.bin());
    for (std::size_t n = 0; n <= full.size(); ++n) {
      for (const bool strict : {true, false}) {
        ++inputs;
        ASSERT_EQ(call_agree(byte_span(full.data(), n), f.type, f.wire(), {.strict = strict}), "")
            << f.vector << "." << f.layout << " cut at " << n;
      }
    }
    for (std::size_t at = 0; at < full.size(); ++at) {
      bytes flipped = full;
      flipped[at] ^= static_cast<std::uint8_t>(1u << (at % 8));
      ++inputs;
      ASSERT_EQ(call_agree(flipped, f.type, f.wire(), {}), "") << f.vector << "." << f.layout << " byte " << at;
    }
  }
  for (std::size_t call = 0; call < call_table.size(); ++call) {
    const call_stub_type type{call, direction::response};
    if (!array_param(type)) continue;
    generate_options options;
    options.max_elements = 6;
    realistic_generator g(0x71E4 + call, options);
    for (std::size_t i = 0; i < 1000; ++i) {
      const layout wire = std::array{layout::ndr20, layout::ndr20be, layout::ndr64}[i % 3];
      const auto encoded = encode_call(generate_call(type, g), wire);
      ASSERT_TRUE(encoded);
      ++inputs;
      ASSERT_EQ(call_agree(*encoded, type, wire, {}), "") << type.info().method << " stub " << i;
    }
  }
  EXPECT_GE(inputs, 15'000u);
}

}  // namespace
}  // namespace dhcpm::test
