#include "harness/record_mutator.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace dhcpm::fuzz {
namespace {

// Mutants stay small: libFuzzer's max_len bounds them again after encoding.
constexpr std::size_t max_mutant_elements = 64;
// Changes reach records this deep (an _EX_ARRAY's client's property: 3).
constexpr int max_depth = 3;

template <class Record>
void mutate(Record& record, realistic_generator& g, int depth);

template <class T>
T number_for(realistic_generator& g) {
  constexpr std::uint64_t top = std::numeric_limits<T>::max();
  // Union selectors and enums live in 0..5; NDR 2.0 carries enums in 16 bits.
  static constexpr std::uint64_t corners[] = {0, 1, 2, 3, 4, 5, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF};
  const unsigned draw = static_cast<unsigned>(g.below(3));
  if (draw == 0) return static_cast<T>(std::min(corners[g.below(std::size(corners))], top));
  if (draw == 1) return static_cast<T>(top - g.below(2));
  return static_cast<T>(g.below(top) + g.below(2));
}

utf16_string string_for(realistic_generator& g) {
  switch (g.below(5)) {
    case 0: return utf16_string::null();
    case 1: return *utf16_string::from_utf8("");
    case 2: return utf16_string::from_units(u"\xD800lone");  // an unpaired surrogate
    case 3: return utf16_string::from_units(std::u16string(g.between(200, 600), u'w'));
    default: return *utf16_string::from_utf8("host-" + std::to_string(g.below(100000)) + ".corp.example.com");
  }
}

binary_data data_for(realistic_generator& g) {
  binary_data out;
  if (g.chance(25)) return out;  // NULL Data, DataLength 0
  out.data.emplace(static_cast<std::size_t>(g.below(25)));
  for (std::uint8_t& b : *out.data) b = static_cast<std::uint8_t>(g.below(256));
  out.data_length = static_cast<std::uint32_t>(out.data->size());
  return out;
}

// A list of elements (NULL ones as std::nullopt) changed as a whole or in one element.
template <class Element>
void change_elements(std::vector<std::optional<Element>>& elements, realistic_generator& g, int depth) {
  switch (g.below(5)) {
    case 0:
      if (!elements.empty()) elements.erase(elements.begin() + static_cast<std::ptrdiff_t>(g.below(elements.size())));
      return;
    case 1:
      if (!elements.empty() && elements.size() < max_mutant_elements) {
        elements.push_back(elements[g.below(elements.size())]);
      }
      return;
    case 2:
      if (elements.size() < max_mutant_elements) {
        elements.push_back(g.chance(30) ? std::nullopt : std::optional<Element>(g.value<Element>()));
      }
      return;
    default:
      if (elements.empty() || depth >= max_depth) return;
      if (std::optional<Element>& e = elements[g.below(elements.size())]) {
        mutate(*e, g, depth + 1);
      } else {
        e = g.value<Element>();
      }
  }
}

// An _ARRAY: Clients made NULL or present, its elements changed.
template <class Element>
void change_array(record_array<Element>& array, realistic_generator& g, int depth) {
  if (g.chance(10)) {
    array.clients.reset();
    array.num_elements = 0;
    return;
  }
  std::vector<std::optional<Element>> elements;
  if (array.clients) {
    for (std::size_t i = 0; i < array.clients->size(); ++i) {
      const Element* e = (*array.clients)[i];
      elements.push_back(e != nullptr ? std::optional<Element>(*e) : std::nullopt);
    }
  }
  change_elements(elements, g, depth);
  array.clients.emplace();
  for (std::optional<Element>& e : elements) {
    if (e) {
      array.clients->push_back(std::move(*e));
    } else {
      array.clients->push_back_null();
    }
  }
  array.num_elements = static_cast<std::uint32_t>(elements.size());
}

// A DHCP_PROPERTY_ARRAY: Elements (structs held inline) made NULL or changed.
void change_properties(dhcp_property_array& array, realistic_generator& g, int depth) {
  if (g.chance(10)) {
    array.elements.reset();
    array.num_elements = 0;
    return;
  }
  std::vector<std::optional<dhcp_property>> elements;
  if (array.elements) elements.assign(array.elements->begin(), array.elements->end());
  change_elements(elements, g, depth);
  array.elements.emplace();
  for (std::optional<dhcp_property>& e : elements) array.elements->push_back(e ? std::move(*e) : g.value<dhcp_property>());
  array.num_elements = static_cast<std::uint32_t>(array.elements->size());
}

// Whether a member is a pointer to one struct that has a schema of its own.
template <class T>
inline constexpr bool is_struct_pointer = false;
template <class T>
  requires requires { record_schema<T>::idl_name; }
inline constexpr bool is_struct_pointer<std::optional<T>> = true;

// Changes one member of a record by its type; false for members that are
// only containers of others (nested structures, unions), which the schema
// lists as fields of their own.
template <class Member>
bool change_member(Member& member, realistic_generator& g, int depth) {
  if constexpr (std::is_integral_v<Member>) {
    member = number_for<Member>(g);
    return true;
  } else if constexpr (std::is_same_v<Member, utf16_string>) {
    member = string_for(g);
    return true;
  } else if constexpr (std::is_same_v<Member, binary_data>) {
    member = data_for(g);
    return true;
  } else if constexpr (is_struct_pointer<Member>) {  // a unique pointer to one struct (an _EX's Properties)
    using pointee = typename Member::value_type;
    if (g.chance(20)) {
      member.reset();
    } else if (!member || g.chance(20)) {
      member = g.value<pointee>();
    } else if (depth < max_depth) {
      mutate(*member, g, depth + 1);
    }
    return true;
  } else {
    return false;
  }
}

template <class Record>
void mutate(Record& record, realistic_generator& g, int depth) {
  if constexpr (is_record_array<Record>) {
    change_array(record, g, depth);
  } else if constexpr (std::is_same_v<Record, dhcp_property_array>) {
    change_properties(record, g, depth);
  } else {
    // A field of the schema; a few tries to land on one that holds something.
    for (int tries = 0; tries < 4; ++tries) {
      const std::size_t pick = static_cast<std::size_t>(g.below(field_table<Record>.size()));
      bool changed = false;
      schema::for_each_field(record_schema<Record>::fields, [&](const auto& f, auto index) {
        if (index == pick) changed = change_member(f.of(record), g, depth);
      });
      if (changed) return;
    }
  }
}

}  // namespace

void mutate_record(any_record& record, realistic_generator& g) {
  const int changes = 1 + static_cast<int>(g.below(3));
  for (int i = 0; i < changes; ++i) {
    std::visit([&](auto& r) { mutate(r, g, 0); }, record);
  }
}

}  // namespace dhcpm::fuzz
