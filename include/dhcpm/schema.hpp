// A record type described as data. Each record type has one compile-time
// description — record_schema<Record> — listing its fields in member order:
// the IDL name (also the JSON key and the leaf of an error path), what kind of
// wire item it is, what its number means to a person, which value member holds
// it, and where it sits in native x64/x86 memory. The NDR walkers and encoders,
// the native image walker and encoder, the value builder, view accessors, JSON,
// dissection, the C API's field table, the generator, the fuzz mutator and the
// Wireshark plugin all iterate that description instead of listing fields
// themselves. docs/architecture.md, "Adding a record type", says how to add one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace dhcpm {

// What a field is on the wire and in the value.
enum class field_kind : std::uint8_t {
  u8,           // BYTE
  enum16,       // a plain IDL enum: 16 bits in NDR 2.0, 32 in NDR64 and in memory
  u32,          // DWORD, BOOL
  ipv4,         // DHCP_IP_ADDRESS / DHCP_IP_MASK: a DWORD, shown as a dotted quad
  filetime,     // DATE_TIME: dwLowDateTime, dwHighDateTime; one 64-bit value
  binary_data,  // DHCP_BINARY_DATA: DWORD DataLength, [size_is(DataLength)] BYTE* Data
  lpwstr,       // [string] wchar_t*: a unique pointer to a NUL-terminated UTF-16 string
  structure,    // a nested struct: its members are the fields that follow, one level deeper
  // A unique pointer to a conformant array of unique pointers to records, its
  // size the DWORD field before it: an _ARRAY's [size_is(NumElements)] Clients.
  // The schema names the element type (record_schema<...>::element).
  pointer_array,
  // A non-encapsulated union ([switch_is(...)]): the fields that follow with it
  // as their parent are its arms, each selected by one value (`arm`) of the
  // discriminant, an earlier member (`selector`). On the NDR wire the union
  // is its tag (the discriminant again) and then the one selected arm; in
  // native memory the arms overlap and the union is as large as the largest.
  // A union and its arms end their record (union_arm.hpp relies on it).
  union_,
  u16,  // WORD
  // A unique pointer to a conformant array of structs held inline (not
  // pointers to them), as many as the DWORD field before it says: a
  // DHCP_PROPERTY_ARRAY's [size_is(NumElements)] Elements. The schema names
  // the struct type (record_schema<...>::inline_element). On the NDR wire the
  // pointee is max_count, every element's flat part, then every element's
  // pointees in element order; in memory, the structs one after another.
  struct_array,
  // A unique pointer to one struct, its type named by the schema
  // (record_schema<...>::pointee): DHCP_CLIENT_INFO_EX's Properties. Its
  // pointee is that struct's flat part, then its own pointees.
  struct_pointer,
};

// How a field's number reads for a person (dissection, the Wireshark plugin).
enum class field_meaning : std::uint8_t {
  number,             // a plain count or time in seconds: decimal
  ipv4,               // a dotted quad
  filetime,           // UTC date and time
  client_type,        // bClientType names (field_meaning.hpp)
  address_state,      // AddressState parts
  quarantine_status,  // QuarantineStatus names
  boolean,            // TRUE / FALSE
  reserved,           // kept raw: hexadecimal
  none,               // not a number (strings, Data, structures)
  search_type,        // DHCP_SEARCH_INFO_TYPE names
  property_id,        // DHCP_PROPERTY_ID names
  property_type,      // DHCP_PROPERTY_TYPE names
  filter_status,      // FILTER_STATUS_* flags
};

inline constexpr std::uint8_t no_parent = 0xFF;

// Whether a field of this kind holds one number (not a string, a
// DHCP_BINARY_DATA, a structure or a union): what the C API's dhcpm_field reads.
[[nodiscard]] constexpr bool holds_number(field_kind k) noexcept {
  return k != field_kind::lpwstr && k != field_kind::binary_data && k != field_kind::structure &&
         k != field_kind::pointer_array && k != field_kind::union_ && k != field_kind::struct_array &&
         k != field_kind::struct_pointer;
}

inline constexpr std::int8_t not_an_arm = -1;

// One field of a record type.
struct field_info {
  std::string_view path;  // relative to the record, as in error paths: "OwnerHost.HostName"
  field_kind kind;
  field_meaning meaning = field_meaning::number;
  std::uint16_t x64 = 0;  // offset in the native x64 struct (dhcpsapi.h), checked by tests/abi
  std::uint16_t x86 = 0;  // the same for x86
  std::uint8_t parent = no_parent;  // the index of the enclosing structure field
  // The C API's constant for the field (dhcpm.h): a dhcpm_field for numbers
  // (for a DHCP_BINARY_DATA, the one of its DataLength), a dhcpm_string_field
  // for strings; -1 for none.
  std::int16_t c_id = -1;
  // For an arm of a union: the discriminant value that selects it.
  std::int8_t arm = not_an_arm;
  // For a union: the index of the field whose value selects its arm.
  std::uint8_t selector = no_parent;

  [[nodiscard]] constexpr bool is_arm() const noexcept { return arm != not_an_arm; }

  // The IDL member name: the JSON key and the last part of the path ("HostName").
  [[nodiscard]] constexpr std::string_view name() const noexcept {
    const std::size_t dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
  }
  [[nodiscard]] constexpr bool is_pointer() const noexcept {
    return kind == field_kind::lpwstr || kind == field_kind::binary_data || kind == field_kind::pointer_array ||
           kind == field_kind::struct_array || kind == field_kind::struct_pointer;
  }
};

namespace schema {

// The member a field lives in, reached through a chain of member pointers
// (&client_info::owner_host, &host_info::host_name).
template <auto First, auto... Rest, class Object>
[[nodiscard]] constexpr auto& member_of(Object& object) noexcept {
  if constexpr (sizeof...(Rest) == 0) {
    return object.*First;
  } else {
    return member_of<Rest...>(object.*First);
  }
}

// A field's description together with the value member that holds it.
template <auto... Members>
struct field : field_info {
  static constexpr auto member = std::get<sizeof...(Members) - 1>(std::tuple{Members...});  // the last of the chain
  template <class Record>
  [[nodiscard]] static constexpr auto& of(Record& record) noexcept {
    return member_of<Members...>(record);
  }
};

// The field_info of every entry of a description tuple, as an array.
template <class Fields>
[[nodiscard]] constexpr auto infos_of(const Fields& fields) noexcept {
  return std::apply([](const auto&... f) { return std::array<field_info, sizeof...(f)>{f...}; }, fields);
}

// Calls visit(entry, index constant) for each entry of a description tuple,
// unrolled at compile time.
// Always inlined: the decoders and encoders run this per record, and each
// visit must fold down to the loads and stores of its field.
template <class Fields, class Visit>
[[gnu::always_inline]] constexpr void for_each_field(const Fields& fields, Visit&& visit) {
  [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
    (visit(std::get<I>(fields), std::integral_constant<std::size_t, I>{}), ...);
  }(std::make_index_sequence<std::tuple_size_v<Fields>>{});
}

}  // namespace schema

// Specialised once per record type (client_info_schema.hpp): a struct with
//   idl_name   the IDL type name
//   fields     a tuple of schema::field<...> entries in member order
//   x64_size, x86_size   sizeof in native memory
//   native_only  true for a type that exists only in native x64/x86 memory
// and, for an _ARRAY, `element`: the record type its pointer_array points to;
// for a record with a struct_array, `inline_element`: the type of its structs;
// for one with a struct_pointer, `pointee`: the type of the struct it points to.
template <class Record>
struct record_schema;

// The field table of a record type, as a plain array.
template <class Record>
inline constexpr auto field_table = schema::infos_of(record_schema<Record>::fields);

// How many of Record's fields are of kind k.
template <class Record>
[[nodiscard]] constexpr std::size_t count_of_kind(field_kind k) noexcept {
  std::size_t n = 0;
  for (const field_info& f : field_table<Record>) n += f.kind == k ? 1 : 0;
  return n;
}

// The index of Record's first field of kind K (the size of the table if none).
template <class Record, field_kind K>
inline constexpr std::size_t first_field_of_kind = [] {
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    if (field_table<Record>[i].kind == K) return i;
  }
  return field_table<Record>.size();
}();

// The member that holds Record's first field of kind K
// (member_of_kind<field_kind::binary_data>(record): its DHCP_BINARY_DATA).
template <field_kind K, class Record>
[[nodiscard]] constexpr auto& member_of_kind(Record& record) noexcept {
  using plain = std::remove_const_t<Record>;
  return std::get<first_field_of_kind<plain, K>>(record_schema<plain>::fields).of(record);
}

}  // namespace dhcpm
