// The cursor over a call's stub data (open_cursor with a call_stub_type) and
// decode_call agree: on every golden response vector of an enumeration, on
// generated responses of every enumeration call in every NDR layout, and on
// truncations and bit flips of the vectors, strict and lenient — the same
// accept/reject with the same error (code, offset in the stub, path from the
// parameter), the same warnings, the same records element for element, and
// the same DWORD parameters.
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
#include "dhcpm/cursor.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"
#include "support/array_types.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// "" when the cursor over stub `input` agrees with decode_call, else what differs.
template <class Array>
std::string disagreement(byte_span input, call_stub_type type, std::size_t param, layout wire,
                         const decode_options& options) {
  const auto params = type.params();
  const auto decoded = decode_call(input, type, wire, options);
  auto cursor = open_cursor<Array>(input, type, wire, options);
  if (!cursor) {
    if (decoded) return "decode_call accepts, the cursor does not open: " + describe(cursor.error_value());
    return cursor.error_value() == decoded.error_value()
               ? ""
               : "errors differ: " + describe(decoded.error_value()) + " vs opening " + describe(cursor.error_value());
  }
  // The DWORDs before the array are known at once.
  for (std::size_t i = 0; i < param; ++i) {
    if (decoded && params[i].kind == param_kind::dword &&
        cursor->dword(params[i].name) != std::get<std::uint32_t>(decoded->value.params[i])) {
      return std::string(params[i].name) + " differs when the cursor opens";
    }
  }
  const Array* expected = nullptr;
  if (decoded) {
    const auto& value = std::get<std::optional<any_record>>(decoded->value.params[param]);
    if (cursor->is_null() != !value.has_value()) return "NULL ClientInfo differs";
    if (value) {
      expected = &std::get<Array>(*value);
      if (cursor->num_elements() != expected->num_elements ||
          cursor->clients_is_null() != !expected->clients.has_value()) {
        return "array header differs";
      }
      if (cursor->size() != (expected->clients ? expected->clients->size() : 0)) return "sizes differ";
    }
  }
  std::size_t slot = 0;
  while (cursor->next()) {
    if (expected != nullptr) {
      if (!expected->clients || slot >= expected->clients->size()) return "the cursor goes past the last slot";
      const auto* record = (*expected->clients)[slot];
      const auto element = cursor->current();
      if (element.has_value() != (record != nullptr)) return "NULL-ness of element " + std::to_string(slot) + " differs";
      if (element && !(element->to_value() == *record)) return "element " + std::to_string(slot) + " differs";
    }
    ++slot;
  }
  if (!decoded) {
    if (cursor->complete()) return "decode_call refuses (" + describe(decoded.error_value()) + "), the cursor completes";
    return *cursor->failure() == decoded.error_value()
               ? ""
               : "errors differ: " + describe(decoded.error_value()) + " vs " + describe(*cursor->failure());
  }
  if (!cursor->complete()) return "decode_call accepts, the cursor stops: " + describe(*cursor->failure());
  if (!(cursor->warnings() == decoded->warnings)) return "warnings differ";
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i == param) continue;
    if (cursor->dword(params[i].name) != std::get<std::uint32_t>(decoded->value.params[i])) {
      return std::string(params[i].name) + " differs after the iteration";
    }
  }
  return "";
}

std::string agree(byte_span input, call_stub_type type, layout wire, const decode_options& options) {
  const std::optional<std::size_t> param = array_param(type);
  if (!param) return "not an enumeration response";
  std::string problem;
  with_record_type(type.params()[*param].type, [&](auto t) {
    using Array = typename decltype(t)::type;
    if constexpr (is_record_array<Array>) problem = disagreement<Array>(input, type, *param, wire, options);
  });
  return problem;
}

TEST(CallCursor, EveryEnumerationResponseVector) {
  std::size_t files = 0;
  for (const call_file& f : call_files()) {
    if (!array_param(f.type)) continue;
    ++files;
    const bytes input = read_bytes(f.bin());
    for (const bool strict : {true, false}) {
      EXPECT_EQ(agree(input, f.type, f.wire(), {.strict = strict}), "") << f.vector << "." << f.layout;
    }
  }
  EXPECT_EQ(files, 3u * 3u);  // three R_DhcpV4EnumSubnetClients responses in three layouts
}

TEST(CallCursor, GeneratedResponsesOfEveryEnumeration) {
  std::size_t stubs = 0;
  for (std::size_t call = 0; call < call_table.size(); ++call) {
    const call_stub_type type{call, direction::response};
    if (!array_param(type)) continue;
    generate_options options;
    options.max_elements = 6;
    realistic_generator g(0x57AB + call, options);
    for (std::size_t i = 0; i < 1000; ++i) {
      const call_stub stub = generate_call(type, g);
      const layout wire = std::array{layout::ndr20, layout::ndr20be, layout::ndr64}[i % 3];
      const auto encoded = encode_call(stub, wire);
      ASSERT_TRUE(encoded) << describe(encoded.error_value());
      ASSERT_EQ(agree(*encoded, type, wire, {}), "") << type.info().method << " stub " << i << " " << to_string(wire);
      ++stubs;
    }
  }
  EXPECT_EQ(stubs, 7u * 1000u);  // the seven enumerations of the family
}

// Every cut and every bit of each response vector (they are below 1 KiB);
// exact-size buffers for ASan.
TEST(CallCursor, SweepInputs) {
  std::size_t inputs = 0;
  for (const call_file& f : call_files()) {
    if (!array_param(f.type)) continue;
    const bytes full = read_bytes(f.bin());
    const auto check = [&](std::size_t n, std::size_t flip_byte, unsigned bit) {
      auto buffer = std::make_unique<std::uint8_t[]>(n);
      std::copy_n(full.begin(), n, buffer.get());
      if (flip_byte < n) buffer[flip_byte] ^= static_cast<std::uint8_t>(1u << bit);
      for (const bool strict : {true, false}) {
        ++inputs;
        const std::string problem = agree(byte_span(buffer.get(), n), f.type, f.wire(), {.strict = strict});
        if (!problem.empty()) {
          ADD_FAILURE() << f.vector << "." << f.layout << ": " << n << " bytes, bit " << bit << " of byte "
                        << flip_byte << (strict ? " strict: " : " lenient: ") << problem;
          return false;
        }
      }
      return true;
    };
    bool ok = true;
    for (std::size_t n = 0; ok && n < full.size(); ++n) ok = check(n, SIZE_MAX, 0);
    for (std::size_t at = 0; ok && at < full.size(); ++at) {
      for (unsigned bit = 0; ok && bit < 8; ++bit) ok = check(full.size(), at, bit);
    }
    // Bytes after the stub: an error strict, a warning lenient, in both.
    bytes longer = full;
    longer.push_back(0);
    for (const bool strict : {true, false}) {
      EXPECT_EQ(agree(longer, f.type, f.wire(), {.strict = strict}), "") << f.vector << " with a byte more";
    }
  }
  EXPECT_GE(inputs, 50'000u);
}

TEST(CallCursor, DwordsAreKnownWhenRead) {
  const bytes input = read_bytes("family/R_DhcpV4EnumSubnetClients.response.more-data.ndr20.bin");
  const call_stub_type type{*find_call("R_DhcpV4EnumSubnetClients"), direction::response};
  const auto decoded = decode_call(input, type, layout::ndr20);
  ASSERT_TRUE(decoded);
  auto cursor = open_cursor<dhcp_client_info_pb_array>(input, type, layout::ndr20);
  ASSERT_TRUE(cursor);
  EXPECT_EQ(cursor->dword("ResumeHandle"), std::get<std::uint32_t>(*decoded->value.find("ResumeHandle")));
  EXPECT_FALSE(cursor->dword("ReturnValue"));  // after the array: not read yet
  EXPECT_FALSE(cursor->dword("ClientInfo"));   // not a DWORD
  EXPECT_FALSE(cursor->dword("NoSuchParameter"));
  while (cursor->next()) {
  }
  ASSERT_TRUE(cursor->complete());
  EXPECT_EQ(cursor->dword("ReturnValue"), 234u);  // ERROR_MORE_DATA
  EXPECT_EQ(cursor->dword("ClientsRead"), std::get<std::uint32_t>(*decoded->value.find("ClientsRead")));
}

TEST(CallCursor, RefusesStubsWithoutThatArray) {
  const bytes input = read_bytes("family/R_DhcpV4EnumSubnetClients.response.more-data.ndr20.bin");
  const call_stub_type response{*find_call("R_DhcpV4EnumSubnetClients"), direction::response};
  const call_stub_type request{*find_call("R_DhcpV4EnumSubnetClients"), direction::request};
  const call_stub_type get{*find_call("R_DhcpV4FailoverGetClientInfo"), direction::response};
  const auto expect_unsupported = [](const auto& cursor) {
    ASSERT_FALSE(cursor);
    EXPECT_EQ(cursor.error_value().code, error_code::unsupported);
  };
  expect_unsupported(open_cursor<dhcp_client_info_array_vq>(input, response, layout::ndr20));
  expect_unsupported(open_cursor<dhcp_client_info_pb_array>(input, request, layout::ndr20));
  expect_unsupported(open_cursor<client_info_array>(input, get, layout::ndr20));
  expect_unsupported(open_cursor<dhcp_client_info_pb_array>(input, response, layout::x64));
}

}  // namespace
}  // namespace dhcpm::test
