// The one-pass cursor and the owning decoder agree (issue 15): for every
// _ARRAY type, on every golden array vector in every NDR layout and framing,
// on 10,000 generated arrays, and on truncations and bit flips of the
// vectors — the same accept/reject, the same error code, offset and path, the
// same warnings, and element for element the same records, read field by
// field and as owning copies.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "dhcpm/codec.hpp"
#include "dhcpm/cursor.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/record_types.hpp"
#include "support/array_types.hpp"
#include "support/family_files.hpp"
#include "support/vectors.hpp"

namespace dhcpm::test {
namespace {

// "" when every field of the view reads as the record holds it, else the first that does not.
template <class Element>
std::string field_difference(const record_view<Element>& v, const Element& r) {
  std::string out;
  schema::for_each_field(record_schema<Element>::fields, [&](const auto& f, auto index) {
    using entry = std::remove_cvref_t<decltype(f)>;
    constexpr field_kind kind = field_table<Element>[index].kind;
    if (!out.empty()) return;
    if constexpr (kind == field_kind::lpwstr) {
      if (!(v.template get<entry::member>() == entry::of(r))) out = std::string(f.path);
    } else if constexpr (kind == field_kind::binary_data) {
      const auto& d = entry::of(r);
      const auto data = v.data();
      if (v.data_length() != d.data_length || data.has_value() != d.data.has_value() ||
          (data && !std::equal(data->begin(), data->end(), d.data->begin(), d.data->end()))) {
        out = std::string(f.path);
      }
    } else if constexpr (holds_number(kind)) {
      if (static_cast<std::uint64_t>(v.template get<entry::member>()) != static_cast<std::uint64_t>(entry::of(r))) {
        out = std::string(f.path);
      }
    }
  });
  return out;
}

// "" when the cursor over `input` agrees with decode, else what differs.
template <class Array>
std::string disagreement(byte_span input, const wire_format& format, const decode_options& options) {
  using Element = typename Array::element;
  // What decode makes of the bytes: the array, or (ptr framing) the pointer to it.
  std::optional<decoded<Array>> owned;
  bool null_pointer = false;
  std::optional<error> refused;
  if (format.frame == framing::ptr) {
    auto got = decode<std::optional<Array>>(input, format, options);
    if (!got) {
      refused = got.error_value();
    } else if (!got->value) {
      null_pointer = true;
      owned.emplace(decoded<Array>{Array{}, got->warnings, got->wire});
    } else {
      owned.emplace(decoded<Array>{std::move(*got->value), got->warnings, got->wire});
    }
  } else {
    auto got = decode<Array>(input, format, options);
    if (got) {
      owned.emplace(std::move(*got));
    } else {
      refused = got.error_value();
    }
  }

  result<array_cursor<Array>> cursor = open_cursor<Array>(input, format, options);
  if (!cursor) {
    if (!refused) return "decode accepts, the cursor does not open: " + describe(cursor.error_value());
    return cursor.error_value() == *refused
               ? ""
               : "errors differ: " + describe(*refused) + " vs opening " + describe(cursor.error_value());
  }
  const Array* expected = owned && !null_pointer ? &owned->value : nullptr;
  if (expected != nullptr || null_pointer) {
    if (cursor->is_null() != null_pointer) return "NULL pointers differ";
    if (cursor->num_elements() != owned->value.num_elements ||
        cursor->clients_is_null() != !owned->value.clients.has_value()) {
      return "array header differs";
    }
    const std::size_t slots = owned->value.clients ? owned->value.clients->size() : 0;
    const std::size_t records = owned->value.clients ? owned->value.clients->record_count() : 0;
    if (cursor->size() != slots || cursor->record_count() != records) return "sizes differ";
  }
  std::size_t slot = 0;
  for (const auto element : *cursor) {
    if (cursor->index() != slot) return "index() is " + std::to_string(cursor->index()) + " at slot " + std::to_string(slot);
    if (expected != nullptr) {
      if (!expected->clients || slot >= expected->clients->size()) return "the cursor goes past the last slot";
      const Element* record = (*expected->clients)[slot];
      if (element.has_value() != (record != nullptr)) return "NULL-ness of element " + std::to_string(slot) + " differs";
      if (element) {
        if (const std::string field = field_difference(*element, *record); !field.empty()) {
          return "element " + std::to_string(slot) + " reads " + field + " differently";
        }
        if (!(element->to_value() == *record)) return "element " + std::to_string(slot) + " copies differently";
      }
    }
    ++slot;
  }
  if (!cursor->done()) return "the iteration did not end";
  if (refused) {
    if (cursor->complete()) return "decode refuses (" + describe(*refused) + "), the cursor completes";
    return *cursor->failure() == *refused ? ""
                                          : "errors differ: " + describe(*refused) + " vs " + describe(*cursor->failure());
  }
  if (!cursor->complete()) return "decode accepts, the cursor stops: " + describe(*cursor->failure());
  if (slot != cursor->size()) return "the cursor stops after " + std::to_string(slot) + " slots";
  if (!(cursor->warnings() == owned->warnings)) return "warnings differ";
  if (cursor->next()) return "next() goes on after the end";
  return "";
}

std::string agree(value_type type, byte_span input, const wire_format& format, const decode_options& options) {
  std::string problem;
  with_array_type(type, [&](auto t) { problem = disagreement<typename decltype(t)::type>(input, format, options); });
  return problem;
}

// Every array file of the family set, strict and lenient, bare; and its
// value encoded behind a pointer and in every type serialization layout.
TEST(CursorAgreement, EveryFamilyArrayVectorInEveryLayoutAndFraming) {
  std::size_t files = 0;
  for (const family_file& f : family_files()) {
    if (!is_array_type(f.value())) continue;
    ++files;
    const bytes input = read_bytes(f.bin());
    for (const bool strict : {true, false}) {
      EXPECT_EQ(agree(f.value(), input, wire_format{.wire = f.wire()}, {.strict = strict}), "")
          << f.vector << "." << f.layout << (strict ? " strict" : " lenient");
    }
    with_array_type(f.value(), [&](auto t) {
      using Array = typename decltype(t)::type;
      const auto value = decode<Array>(input, f.wire());
      ASSERT_TRUE(value) << describe(value.error_value());
      for (const layout wire : {layout::pickle_ndr20, layout::pickle_ndr20be, layout::pickle_ndr64,
                                layout::pickle2_ndr20}) {
        const auto pickled = encode(value->value, wire);
        ASSERT_TRUE(pickled) << describe(pickled.error_value());
        EXPECT_EQ(disagreement<Array>(*pickled, wire_format{.wire = wire}, {}), "") << f.vector << " " << to_string(wire);
        EXPECT_EQ(disagreement<Array>(*pickled, wire_format{.wire = layout::pickle}, {}), "") << f.vector;
      }
      const std::optional<Array> pointed(value->value);
      const wire_format ptr{.wire = f.wire(), .frame = framing::ptr};
      const auto behind = encode(pointed, ptr);
      ASSERT_TRUE(behind) << describe(behind.error_value());
      EXPECT_EQ(disagreement<Array>(*behind, ptr, {}), "") << f.vector << " behind a pointer";
      const auto null = encode(std::optional<Array>{}, ptr);
      ASSERT_TRUE(null);
      EXPECT_EQ(disagreement<Array>(*null, ptr, {}), "") << "a NULL pointer";
    });
  }
  EXPECT_EQ(files, 7u * 15u);  // seven family arrays, five vectors in three layouts each
}

// The failover array's vectors in every NDR file kind.
TEST(CursorAgreement, EveryFailoverArrayVector) {
  struct kind {
    layout wire;
    const char* name;
  };
  const kind kinds[] = {
      {layout::ndr20, "ndr20"},           {layout::ndr20be, "ndr20be"},       {layout::ndr64, "ndr64"},
      {layout::ndr20, "foreign.ndr20"},   {layout::ndr64, "foreign.ndr64"},   {layout::pickle, "pickle.ndr20"},
      {layout::pickle, "pickle.ndr20be"}, {layout::pickle_ndr64, "pickle.ndr64"}, {layout::pickle2_ndr20, "pickle2.ndr20"},
      {layout::pickle_ndr20be, "foreign.pickle.ndr20be"},
  };
  std::size_t files = 0;
  for (const vector_info& v : all_vectors()) {
    if (v.type != value_kind::array) continue;
    for (const kind& k : kinds) {
      if (!v.has(k.name)) continue;
      ++files;
      const bytes input = read_vector_file(v, k.name);
      EXPECT_EQ(disagreement<client_info_array>(input, wire_format{.wire = k.wire}, {}), "") << v.file_name(k.name);
    }
  }
  EXPECT_GE(files, 40u);
}

// 10,000 generated arrays: 1,250 of each _ARRAY type, through the NDR
// layouts, a pointer and type serialization in turn.
TEST(CursorAgreement, TenThousandGeneratedArrays) {
  const wire_format formats[] = {
      {.wire = layout::ndr20},        {.wire = layout::ndr20be},       {.wire = layout::ndr64},
      {.wire = layout::pickle_ndr20}, {.wire = layout::pickle_ndr64}, {.wire = layout::ndr64, .frame = framing::ptr},
      {.wire = layout::ndr20be, .frame = framing::ptr},
  };
  std::size_t arrays = 0;
  for (std::size_t type = 0; type < record_type_count; ++type) {
    with_array_type(static_cast<value_type>(type), [&](auto t) {
      using Array = typename decltype(t)::type;
      generate_options small;
      small.max_elements = 4;
      const std::vector<Array> values = generate_values<Array>(1250, 0xC0850 + type, small);
      for (std::size_t i = 0; i < values.size(); ++i) {
        const wire_format& format = formats[i % std::size(formats)];
        const auto encoded = format.frame == framing::ptr ? encode(std::optional<Array>(values[i]), format)
                                                          : encode(values[i], format);
        ASSERT_TRUE(encoded) << describe(encoded.error_value());
        ASSERT_EQ(disagreement<Array>(*encoded, format, {}), "")
            << record_schema<typename Array::element>::array_idl_name << " value " << i << " in " << to_string(format.wire);
        ++arrays;
      }
    });
  }
  EXPECT_EQ(arrays, 10'000u);
}

// Truncations and single-bit flips, strict and lenient: for each family
// array file every cut of the first 192 bytes and every bit of the first 96
// (the headers, the id table, the first record), then every 37th cut and one
// bit of every 23rd byte; for the failover arrays in NDR 2.0, NDR64 and
// pickled NDR64 the same. Exact-size buffers, so that ASan sees any over-read.
TEST(CursorAgreement, SweepInputs) {
  std::size_t inputs = 0;
  const auto sweep = [&](value_type type, const bytes& full, const wire_format& format, const std::string& name) {
    const auto check = [&](std::size_t n, std::size_t flip_byte, unsigned bit) {
      auto buffer = std::make_unique<std::uint8_t[]>(n);
      std::copy_n(full.begin(), n, buffer.get());
      if (flip_byte < n) buffer[flip_byte] ^= static_cast<std::uint8_t>(1u << bit);
      for (const bool strict : {true, false}) {
        ++inputs;
        const std::string problem = agree(type, byte_span(buffer.get(), n), format, {.strict = strict});
        if (!problem.empty()) {
          ADD_FAILURE() << name << ": " << n << " bytes, bit " << bit << " of byte " << flip_byte
                        << (strict ? " strict: " : " lenient: ") << problem;
          return false;
        }
      }
      return true;
    };
    for (std::size_t n = 0; n < full.size(); n += n < 192 ? 1 : 37) {
      if (!check(n, SIZE_MAX, 0)) return;
    }
    for (std::size_t at = 0; at < full.size(); at += at < 96 ? 1 : 23) {
      for (unsigned bit = at < 96 ? 0 : at % 8; bit < 8; bit += at < 96 ? 1 : 8) {
        if (!check(full.size(), at, bit)) return;
      }
    }
  };
  for (const family_file& f : family_files()) {
    if (!is_array_type(f.value())) continue;
    sweep(f.value(), read_bytes(f.bin()), wire_format{.wire = f.wire()}, f.vector + "." + f.layout);
  }
  for (const vector_info& v : all_vectors()) {
    if (v.type != value_kind::array) continue;
    for (const auto& [wire, kind] : {std::pair{layout::ndr20, "ndr20"}, std::pair{layout::ndr64, "ndr64"},
                                     std::pair{layout::pickle_ndr64, "pickle.ndr64"}}) {
      if (v.has(kind)) sweep(value_type::array, read_vector_file(v, kind), wire_format{.wire = wire}, v.file_name(kind));
    }
  }
  EXPECT_GE(inputs, 50'000u);
}

TEST(Cursor, RefusesWhatItCannotReadFrontToBack) {
  const bytes input = read_bytes("family/DHCP_CLIENT_INFO_PB_ARRAY.3.ndr20.bin");
  for (const wire_format& format : {wire_format{.wire = layout::x64}, wire_format{.wire = layout::x86},
                                    wire_format{.wire = layout::pickle, .all = true},
                                    wire_format{.wire = layout::ndr20, .frame = framing::response}}) {
    const auto cursor = open_cursor<dhcp_client_info_pb_array>(input, format);
    ASSERT_FALSE(cursor) << to_string(format.wire);
    EXPECT_EQ(cursor.error_value().code, error_code::unsupported);
  }
}

// The contract of the header: elements before a bad one are handed out, the
// bad one stops the iteration with decode's error, and complete() is false.
TEST(Cursor, StopsAtTheFirstBadElementAfterHandingOutTheOnesBefore) {
  generate_options fifty;
  fifty.elements = 50;
  fifty.null_element_percent = 0;
  realistic_generator g(7, fifty);
  const auto value = g.value<dhcp_client_info_pb_array>();
  bytes input = *encode(value, layout::ndr20);
  // Make element 30's ClientName unterminated: its last unit is not NUL.
  std::size_t name_end = 0;
  {
    auto c = open_cursor<dhcp_client_info_pb_array>(input, layout::ndr20);
    while (c->next()) {
      if (c->index() != 30) continue;
      const auto name = c->current()->get<&dhcp_client_info::client_name>();
      ASSERT_FALSE(name.is_null());
      const auto units = name.units();
      // Where its terminator is: the units follow the record's flat part (host order is NDR 2.0's).
      const auto* p = std::search(input.data() + c->current()->offset(), input.data() + input.size(),
                                  reinterpret_cast<const std::uint8_t*>(units.data()),
                                  reinterpret_cast<const std::uint8_t*>(units.data() + units.size()));
      name_end = static_cast<std::size_t>(p - input.data()) + 2 * units.size();
      break;
    }
  }
  ASSERT_GT(name_end, 0u);
  input[name_end] = 'x';
  auto cursor = open_cursor<dhcp_client_info_pb_array>(input, layout::ndr20);
  ASSERT_TRUE(cursor);
  std::size_t handed_out = 0;
  while (cursor->next()) ++handed_out;
  EXPECT_EQ(handed_out, 30u);
  EXPECT_TRUE(cursor->done());
  EXPECT_FALSE(cursor->complete());
  ASSERT_TRUE(cursor->failure());
  EXPECT_EQ(cursor->failure()->code, error_code::missing_terminator);
  EXPECT_EQ(cursor->failure()->path, "Clients[30].ClientName");
  const auto decoded = decode<dhcp_client_info_pb_array>(input, layout::ndr20);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error_value(), *cursor->failure());
}

}  // namespace
}  // namespace dhcpm::test
