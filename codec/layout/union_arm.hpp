// A record that ends in a union (schema.hpp, field_kind::union_) has one wire
// layout per arm: which arm is on the wire is known only once its
// discriminant has been read (or, encoding, from the value). union_arm<Record,
// A> is Record's schema with only its A-th arm present — the record that the
// walkers and encoders place, load and store once they know the arm. It keeps
// Record's fields, indices and slots (the slots of the absent arms are
// zero-wide: schema_layout.hpp), so paths, sinks and values need no mapping
// between the two: a slot means the same member in Record and in each arm.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>

#include "dhcpm/schema.hpp"

namespace dhcpm::detail {

// Never a value: a key for record_schema and the layout tables.
template <class Record, std::size_t A>
struct union_arm {};

// The record a schema key describes values of: Record itself, or the record of a union_arm.
template <class Schema>
struct whole_record {
  using type = Schema;
};
template <class Record, std::size_t A>
struct whole_record<union_arm<Record, A>> {
  using type = Record;
};
template <class Schema>
using whole_record_t = typename whole_record<Schema>::type;

// The index of Record's union field (the size of its table when it has none).
template <class Record>
inline constexpr std::size_t union_field_of = first_field_of_kind<Record, field_kind::union_>;
template <class Record>
inline constexpr bool has_union = union_field_of<whole_record_t<Record>> < field_table<whole_record_t<Record>>.size();

// The indices of Record's arm fields, in member order (the A of union_arm<Record, A> indexes it).
template <class Record>
inline constexpr std::size_t arm_count = [] {
  std::size_t n = 0;
  for (const field_info& f : field_table<Record>) n += f.is_arm() ? 1 : 0;
  return n;
}();
template <class Record>
inline constexpr std::array<std::size_t, arm_count<Record>> arm_fields = [] {
  std::array<std::size_t, arm_count<Record>> out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < field_table<Record>.size(); ++i) {
    if (field_table<Record>[i].is_arm()) out[n++] = i;
  }
  return out;
}();

// Which arm a discriminant value selects: its index in arm_fields, or arm_count when none does.
template <class Record>
[[nodiscard]] constexpr std::size_t arm_selected_by(std::uint64_t discriminant) noexcept {
  for (std::size_t a = 0; a < arm_count<Record>; ++a) {
    if (static_cast<std::uint64_t>(field_table<Record>[arm_fields<Record>[a]].arm) == discriminant) return a;
  }
  return arm_count<Record>;
}

// The one dispatch of the walkers and encoders: as_arm(std::type_identity<
// union_arm<Record, A>>{}) for the arm `discriminant` selects, or no_arm() when
// it selects none.
template <class Record, class AsArm, class NoArm>
decltype(auto) with_arm_selected_by(std::uint64_t discriminant, AsArm&& as_arm, NoArm&& no_arm) {
  const std::size_t arm = arm_selected_by<Record>(discriminant);
  if (arm == arm_count<Record>) return no_arm();
  return with_arm<Record>(arm, as_arm);
}

// The value of the member that switches r's union.
template <class Record>
[[nodiscard]] constexpr std::uint64_t discriminant_of(const Record& r) noexcept {
  constexpr std::size_t selector = field_table<Record>[union_field_of<Record>].selector;
  return std::get<selector>(record_schema<Record>::fields).of(r);
}

// "SearchType 7 selects no arm of SearchInfo"
template <class Record>
[[nodiscard]] std::string no_arm_message(std::uint64_t discriminant) {
  const field_info& u = field_table<Record>[union_field_of<Record>];
  return std::string(field_table<Record>[u.selector].name()) + " " + std::to_string(discriminant) +
         " selects no arm of " + std::string(u.name());
}

// The schema of one arm: Record's, with the arm it keeps.
template <class Record, std::size_t A>
struct arm_schema : record_schema<Record> {
  static constexpr std::int8_t active_arm = field_table<Record>[arm_fields<Record>[A]].arm;
};

// The arm a schema key keeps: not_an_arm (every arm, overlapping) for a record itself.
template <class Schema>
inline constexpr std::int8_t active_arm_of = not_an_arm;
template <class Record, std::size_t A>
inline constexpr std::int8_t active_arm_of<union_arm<Record, A>> = field_table<Record>[arm_fields<Record>[A]].arm;

// Whether field i of Schema is on the wire: every field but the arms it does not keep.
template <class Schema>
[[nodiscard]] constexpr bool is_present(std::size_t i) noexcept {
  const field_info& f = field_table<Schema>[i];
  return !f.is_arm() || active_arm_of<Schema> == not_an_arm || f.arm == active_arm_of<Schema>;
}

// Calls body(std::type_identity<union_arm<Record, A>>{}) for the arm index a (< arm_count<Record>).
template <class Record, class Body>
constexpr decltype(auto) with_arm(std::size_t a, Body&& body) {
  return [&]<std::size_t... A>(std::index_sequence<A...>) -> decltype(auto) {
    using result = decltype(body(std::type_identity<union_arm<Record, 0>>{}));
    if constexpr (std::is_void_v<result>) {
      (void)((a == A ? (body(std::type_identity<union_arm<Record, A>>{}), true) : false) || ...);
    } else {
      result out{};
      (void)((a == A ? (out = body(std::type_identity<union_arm<Record, A>>{}), true) : false) || ...);
      return out;
    }
  }(std::make_index_sequence<arm_count<Record>>{});
}

}  // namespace dhcpm::detail

namespace dhcpm {
template <class Record, std::size_t A>
struct record_schema<detail::union_arm<Record, A>> : detail::arm_schema<Record, A> {};
}  // namespace dhcpm
