// The NDR encoder: the walker's order, written instead of read. Output is
// canonical — zero padding, referent ids 0x00020000 + 4k in the order the
// pointers appear in the bytes — which is what Windows and Samba produce.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstring>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "layout/field_path.hpp"
#include "layout/flat_values.hpp"
#include "layout/union_arm.hpp"
#include "ndr/ndr_format.hpp"
#include "wire/byte_writer.hpp"

namespace dhcpm::detail {

template <class F>
class ndr_encoder {
 public:
  // `referents_before`: the referent ids a call's earlier parameters used;
  // this value's ids count on from there.
  explicit ndr_encoder(std::vector<std::uint8_t>& out, std::uint64_t referents_before = 0)
      : out_(out), referents_(referents_before) {}

  void top_pointer(bool present) {
    out_.align(ps);
    out_.put<std::uint64_t, ps, F::byte_order>(present ? next_referent_id() : 0);
  }

  // A record: as it is, or, when it ends in a union, as the arm its discriminant selects.
  template <class Record>
  [[nodiscard]] bool record(const Record& r, const field_path& path) {
    if constexpr (has_union<Record>) {
      return with_arm_selected_by<Record>(
          discriminant_of(r), [&]<class Arm>(std::type_identity<Arm>) { return flat_record<Arm>(r, path); },
          [&] {
            return fail(error_code::invalid_union_tag, path.at(selector_field_of<Record>),
                        no_arm_message<Record>(discriminant_of(r)));
          });
    } else {
      return flat_record<Record>(r, path);
    }
  }

  // Writes r laid out as Schema: its record, or the arm of it that r selects.
  template <class Schema, class Record>
  [[nodiscard]] bool flat_record(const Record& r, const field_path& path) {
    return flat_part<Schema>(r, path) && pointees<Schema>(r, path);
  }

 private:
  // r's flat part, with a referent id for each non-NULL pointer.
  template <class Schema, class Record>
  [[nodiscard]] bool flat_part(const Record& r, const field_path& path) {
    constexpr const auto& l = layout_in<F, Schema>;
    out_.align(l.alignment);
    if (!check_representable<Schema>(r, path, out_.position())) return false;
    const std::size_t at = out_.reserve_zeroed(l.size);
    // Referent ids in the order the pointer fields appear in the bytes.
    flat_values_of<Schema> v = scalars_of<Schema>(r);
    const auto pointer = [&](record_field f, bool present) { field(v, f) = present ? next_referent_id() : 0; };
    if constexpr (has_binary_data<Schema>) pointer(data_field_of<Schema>, binary_of(r).data.has_value());
    for_each_string_of<Schema>(r, [&](auto f, const utf16_string& s) __attribute__((always_inline)) {
      pointer(f, !s.is_null());
    });
    if constexpr (has_inline_array<Schema>) {
      pointer(inline_array_field_of<Schema>, member_of_kind<field_kind::struct_array>(r).has_value());
    }
    if constexpr (has_struct_pointer<Schema>) {
      pointer(struct_pointer_field_of<Schema>, member_of_kind<field_kind::struct_pointer>(r).has_value());
    }
    store_flat<F>(out_.data_at(at), v);
    return true;
  }

  // r's pointees in member order: Data, the strings, the structs of its struct_array.
  template <class Schema, class Record>
  [[nodiscard]] bool pointees(const Record& r, const field_path& path) {
    if constexpr (has_binary_data<Schema>) {
      if (const auto& data = binary_of(r).data) {
        out_.align(cs);
        out_.put<std::uint64_t, cs, F::byte_order>(data->size());
        out_.put_bytes(data->data(), data->size());
      }
    }
    for_each_string_of<Schema>(r, [&](auto, const utf16_string& s) __attribute__((always_inline)) {
      if (!s.is_null()) string(s);
    });
    if constexpr (has_inline_array<Schema>) {
      if (const auto& list = member_of_kind<field_kind::struct_array>(r)) {
        out_.align(cs);
        out_.put<std::uint64_t, cs, F::byte_order>(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
          if (!inline_struct((*list)[i], path.inner_at(static_cast<std::int64_t>(i)), true)) return false;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
          if (!inline_struct((*list)[i], path.inner_at(static_cast<std::int64_t>(i)), false)) return false;
        }
      }
    }
    if constexpr (has_struct_pointer<Schema>) {
      using pointee = pointee_of<Schema>;
      if (const auto& p = member_of_kind<field_kind::struct_pointer>(r)) {
        if (!flat_part<pointee>(*p, path.pointee()) || !pointees<pointee>(*p, path.pointee())) return false;
      }
    }
    return true;
  }

  // An inline struct's flat part (flat) or its pointees (!flat), as the arm it selects.
  template <class Element>
  [[nodiscard]] bool inline_struct(const Element& e, const field_path& path, bool flat) {
    const auto write = [&]<class Schema>(std::type_identity<Schema>) {
      return flat ? flat_part<Schema>(e, path) : pointees<Schema>(e, path);
    };
    if constexpr (has_union<Element>) {
      return with_arm_selected_by<Element>(discriminant_of(e), write, [&] {
        return fail(error_code::invalid_union_tag, path.at(selector_field_of<Element>),
                    no_arm_message<Element>(discriminant_of(e)));
      });
    } else {
      return write(std::type_identity<Element>{});
    }
  }

 public:

  template <class Record>
  [[nodiscard]] bool array(const record_array<Record>& a, const field_path& path) {
    if (a.clients && a.clients->size() != a.num_elements) {
      return fail(error_code::inconsistent_value, path.at(array_field::clients),
                  "Clients holds " + std::to_string(a.clients->size()) + " elements but NumElements is " +
                      std::to_string(a.num_elements));
    }
    out_.align(F::array.alignment);
    const std::size_t at = out_.reserve_zeroed(F::array.size);
    out_.put_at<std::uint32_t, 4, F::byte_order>(at + F::array.num_elements.offset, a.num_elements);
    out_.put_at<std::uint64_t, ps, F::byte_order>(at + F::array.clients.offset, a.clients ? next_referent_id() : 0);
    if (!a.clients) return true;
    const record_list<Record>& clients = *a.clients;
    const std::size_t expected_end = elements_end(clients, out_.position());
    out_.reserve(expected_end - out_.position());  // one allocation, zeroed once
    out_.align(cs);
    out_.put<std::uint64_t, cs, F::byte_order>(clients.size());
    for (std::size_t i = 0; i < clients.size(); ++i) {
      out_.put<std::uint64_t, ps, F::byte_order>(clients[i] != nullptr ? next_referent_id() : 0);
    }
    for (std::size_t i = 0; i < clients.size(); ++i) {
      if (clients[i] != nullptr && !record(*clients[i], path.element_at(static_cast<std::int64_t>(i)))) return false;
    }
    assert(out_.position() == expected_end);
    return true;
  }

  void return_value(std::uint32_t value) {
    out_.align(4);
    out_.put<std::uint32_t, 4, F::byte_order>(value);
  }

  [[nodiscard]] error take_failure() { return std::move(failure_); }
  // The referent ids used so far (those before included).
  [[nodiscard]] std::uint64_t referents() const noexcept { return referents_; }

 private:
  static constexpr std::size_t ps = F::pointer_size;
  static constexpr std::size_t cs = F::count_size;
  // A count field must hold a string's units plus its terminator.
  static constexpr std::uint64_t max_count_value = cs == 4 ? std::numeric_limits<std::uint32_t>::max()
                                                           : std::numeric_limits<std::uint64_t>::max();

  // Refuses, before writing the record at `at`, what this layout cannot hold.
  // Errors point at the field's place in the output.
  template <class Schema, class Record>
  bool check_representable(const Record& r, const field_path& path, std::size_t at) {
    const auto fail_at = [&](error_code code, record_field f, std::string message) {
      failure_ = error{code, at + layout_in<F, Schema>[f].offset, path.at(f).str(), std::move(message)};
      return false;
    };
    if constexpr (F::status_size == 2) {  // an IDL enum is 16 bits in NDR 2.0
      bool fits = true;
      for_each_number_of<Schema>(r, [&](const auto& member, std::size_t slot, auto kind) {
        if constexpr (kind == field_kind::enum16) {
          if (fits && member > 0xFFFF) {
            const auto f = static_cast<record_field>(slot);
            fits = fail_at(error_code::value_out_of_range, f,
                           std::string(field_of<Schema>(f).name()) + " " + std::to_string(member) +
                               " does not fit the 16-bit enum of NDR 2.0");
          }
        }
      });
      if (!fits) return false;
    }
    if constexpr (has_binary_data<Schema>) {
      const binary_data& hw = binary_of(r);
      if (hw.data && hw.data->size() != hw.data_length) {
        return fail_at(error_code::inconsistent_value, data_field_of<Schema>,
                       "Data holds " + std::to_string(hw.data->size()) + " bytes but DataLength is " +
                           std::to_string(hw.data_length));
      }
    }
    if constexpr (has_inline_array<Schema>) {
      const auto& list = member_of_kind<field_kind::struct_array>(r);
      const std::uint64_t num = field(scalars_of<Schema>(r), inline_count_field_of<Schema>);
      if (list && list->size() != num) {
        return fail_at(error_code::inconsistent_value, inline_array_field_of<Schema>,
                       std::string(field_of<Schema>(inline_array_field_of<Schema>).name()) + " holds " +
                           std::to_string(list->size()) + " structs but " +
                           std::string(field_of<Schema>(inline_count_field_of<Schema>).name()) + " is " +
                           std::to_string(num));
      }
    }
    bool fits = true;
    for_each_string_of<Schema>(r, [&](auto f, const utf16_string& s) {
      if (fits && s.size() >= max_count_value) {
        fits = fail_at(error_code::value_out_of_range, f, "the string is too long for its count");
      }
    });
    return fits;
  }

  void string(const utf16_string& s) {
    const std::u16string_view units = s.units();
    out_.align(cs);
    out_.put<std::uint64_t, cs, F::byte_order>(units.size() + 1);  // max_count
    out_.put<std::uint64_t, cs, F::byte_order>(0);                 // offset
    out_.put<std::uint64_t, cs, F::byte_order>(units.size() + 1);  // actual_count
    const std::size_t at = out_.reserve_zeroed(2 * (units.size() + 1));  // the terminator stays zero
    if constexpr (F::byte_order == order::native) {
      if (!units.empty()) std::memcpy(out_.data_at(at), units.data(), 2 * units.size());  // already in wire order
    } else {
      for (std::size_t i = 0; i < units.size(); ++i) {
        out_.put_at<std::uint16_t, 2, F::byte_order>(at + 2 * i, static_cast<std::uint16_t>(units[i]));
      }
    }
  }

  // Where the pointee of Clients that array() writes from `at` ends: the
  // same order and alignment rules, added up, so the output is allocated once.
  template <class Record>
  [[nodiscard]] static std::size_t elements_end(const record_list<Record>& clients, std::size_t at) noexcept {
    constexpr const auto& l = layout_in<F, Record>;
    const auto align = [](std::size_t n, std::size_t a) { return (n + a - 1) / a * a; };
    at = align(at, cs) + cs + clients.size() * ps;
    for (std::size_t k = 0; k < clients.record_count(); ++k) {
      const Record& r = clients.record(k);
      at = align(at, l.alignment) + l.size;
      at = pointees_end<Record>(r, at);
    }
    return at;
  }

  // Where r's pointees (Schema's: r's record or one arm of it) that pointees() writes from `at` end.
  template <class Schema, class Record>
  [[nodiscard]] static std::size_t pointees_end(const Record& r, std::size_t at) noexcept {
    const auto align = [](std::size_t n, std::size_t a) { return (n + a - 1) / a * a; };
    if constexpr (has_binary_data<Schema>) {
      if (const auto& data = binary_of(r).data) at = align(at, cs) + cs + data->size();
    }
    for_each_string_of<Schema>(r, [&at, &align](auto, const utf16_string& s) __attribute__((always_inline)) {
      if (!s.is_null()) at = align(at, cs) + 3 * cs + 2 * (s.size() + 1);
    });
    if constexpr (has_inline_array<Schema>) {
      if (const auto& list = member_of_kind<field_kind::struct_array>(r)) {
        at = align(at, cs) + cs;
        for (const auto& e : *list) at = as_selected_arm(e, [&]<class Arm>(std::type_identity<Arm>) {
          return align(at, layout_in<F, Arm>.alignment) + layout_in<F, Arm>.size;
        });
        for (const auto& e : *list) at = as_selected_arm(e, [&]<class Arm>(std::type_identity<Arm>) {
          return pointees_end<Arm>(e, at);
        });
      }
    }
    if constexpr (has_struct_pointer<Schema>) {
      using pointee = pointee_of<Schema>;
      if (const auto& p = member_of_kind<field_kind::struct_pointer>(r)) {
        at = pointees_end<pointee>(*p, align(at, layout_in<F, pointee>.alignment) + layout_in<F, pointee>.size);
      }
    }
    return at;
  }

  // body(std::type_identity<Schema>) for e's schema: the arm it selects (its
  // first arm when none does: the encoder refuses e then, before any size matters).
  template <class Element, class Body>
  static std::size_t as_selected_arm(const Element& e, Body&& body) {
    if constexpr (has_union<Element>) {
      const std::size_t arm = arm_selected_by<Element>(discriminant_of(e));
      return with_arm<Element>(arm < arm_count<Element> ? arm : 0, body);
    } else {
      return body(std::type_identity<Element>{});
    }
  }

  // 0x00020000 + 4k, never 0 even after wrapping around the 32-bit space.
  std::uint64_t next_referent_id() noexcept {
    std::uint64_t id = 0;
    do {
      id = (0x00020000u + 4 * referents_++) & F::referent_mask;  // 32-bit ids, NDR64 too
    } while (id == 0);
    return id;
  }

  bool fail(error_code code, const field_path& path, std::string message) {
    failure_ = error{code, out_.position(), path.str(), std::move(message)};
    return false;
  }

  byte_writer out_;
  std::uint64_t referents_ = 0;
  error failure_;
};

}  // namespace dhcpm::detail
