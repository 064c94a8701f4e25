// Writes a native memory image: the value at the base, then its referents in
// field order (Data bytes, then each string with its NUL), records aligned to
// the struct's alignment and strings to 2, pointers as absolute addresses —
// the deterministic layout of the golden vectors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "layout/field_path.hpp"
#include "layout/flat_values.hpp"
#include "layout/union_arm.hpp"
#include "native/native_format.hpp"
#include "wire/byte_writer.hpp"

namespace dhcpm::detail {

template <class N>
class native_encoder {
 public:
  // out must be empty: offsets in it are offsets from `base`.
  native_encoder(std::vector<std::uint8_t>& out, std::uint64_t base) : out_(out), base_(base) {}

  // A record: as it is, or, when it ends in a union, as the arm its discriminant selects.
  template <class Record>
  [[nodiscard]] bool record(const Record& r, const field_path& path) {
    if constexpr (has_union<Record>) {
      return with_arm_selected_by<Record>(
          discriminant_of(r), [&]<class Arm>(std::type_identity<Arm>) { return flat_record<Arm>(r, path); },
          [&] {
            return fail(error_code::invalid_union_tag, out_.position(), path.at(selector_field_of<Record>),
                        no_arm_message<Record>(discriminant_of(r)));
          });
    } else {
      return flat_record<Record>(r, path);
    }
  }

  // Writes r laid out as Schema (its record, or the arm of it that r selects), then its referents.
  template <class Schema, class Record>
  [[nodiscard]] bool flat_record(const Record& r, const field_path& path) {
    constexpr const auto& l = layout_in<N, Schema>;
    out_.align(l.alignment);
    const std::size_t at = out_.reserve_zeroed(l.size);
    return fill_record<Schema>(r, path, at);
  }

  // Writes r's flat part into the (zeroed) bytes at `at`, appending its referents.
  template <class Schema, class Record>
  [[nodiscard]] bool fill_record(const Record& r, const field_path& path, std::size_t at) {
    constexpr const auto& l = layout_in<N, Schema>;
    // Each referent's address is where it is about to be appended.
    flat_values_of<Schema> v = scalars_of<Schema>(r);
    if constexpr (has_binary_data<Schema>) {
      constexpr record_field hw_data = data_field_of<Schema>;
      const binary_data& hw = binary_of(r);
      if (hw.data && hw.data->size() != hw.data_length) {
        return fail(error_code::inconsistent_value, at + l[hw_data].offset, path.at(hw_data),
                    "Data holds " + std::to_string(hw.data->size()) + " bytes but DataLength is " +
                        std::to_string(hw.data_length));
      }
      if (hw.data) {
        field(v, hw_data) = address_here();
        out_.put_bytes(hw.data->data(), hw.data->size());
      }
    }
    bool held = true;
    for_each_string_of<Schema>(r, [&](auto f, const utf16_string& s) {
      if (!held || s.is_null()) return;
      // In memory a string ends at its first NUL: one inside it would cut it.
      if (s.units().find(u'\0') != std::u16string_view::npos) {
        held = fail(error_code::value_out_of_range, at + l[f].offset, path.at(f),
                    "a NUL inside the string cannot be held by a NUL-terminated string in memory");
        return;
      }
      out_.align(2);
      field(v, f) = address_here();
      const std::size_t units_at = out_.reserve_zeroed(2 * (s.size() + 1));  // the NUL stays zero
      for (std::size_t i = 0; i < s.size(); ++i) {
        store_uint<N::byte_order>(out_.data_at(units_at + 2 * i), 2, s.units()[i]);
      }
    });
    if (!held) return false;
    if constexpr (has_inline_array<Schema>) {
      constexpr record_field list_field = inline_array_field_of<Schema>;
      if (const auto& list = member_of_kind<field_kind::struct_array>(r)) {
        using element = inline_element_of<Schema>;
        constexpr const auto& el = layout_in<N, element>;
        if (list->size() != field(v, inline_count_field_of<Schema>)) {
          return fail(error_code::inconsistent_value, at + l[list_field].offset, path.at(list_field),
                      std::string(field_of<Schema>(list_field).name()) + " holds " + std::to_string(list->size()) +
                          " structs but " + std::string(field_of<Schema>(inline_count_field_of<Schema>).name()) +
                          " is " + std::to_string(field(v, inline_count_field_of<Schema>)));
        }
        out_.align(el.alignment);
        field(v, list_field) = address_here();
        const std::size_t block = out_.reserve_zeroed(list->size() * el.size);
        for (std::size_t i = 0; i < list->size(); ++i) {
          if (!inline_struct((*list)[i], path.inner_at(static_cast<std::int64_t>(i)), block + i * el.size)) return false;
        }
      }
    }
    if constexpr (has_struct_pointer<Schema>) {
      using pointee = pointee_of<Schema>;
      if (const auto& p = member_of_kind<field_kind::struct_pointer>(r)) {
        constexpr const auto& pl = layout_in<N, pointee>;
        out_.align(pl.alignment);
        field(v, struct_pointer_field_of<Schema>) = address_here();
        const std::size_t pointee_at = out_.reserve_zeroed(pl.size);
        if (!fill_record<pointee>(*p, path.pointee(), pointee_at)) return false;
      }
    }
    store_flat<N>(out_.data_at(at), v);
    return fits_address_space(path);
  }

  // An inline struct into its place at `at`, as the arm it selects.
  template <class Element>
  [[nodiscard]] bool inline_struct(const Element& e, const field_path& path, std::size_t at) {
    if constexpr (has_union<Element>) {
      return with_arm_selected_by<Element>(
          discriminant_of(e), [&]<class Arm>(std::type_identity<Arm>) { return fill_record<Arm>(e, path, at); },
          [&] {
            return fail(error_code::invalid_union_tag, at, path.at(selector_field_of<Element>),
                        no_arm_message<Element>(discriminant_of(e)));
          });
    } else {
      return fill_record<Element>(e, path, at);
    }
  }

  template <class Record>
  [[nodiscard]] bool array(const record_array<Record>& a, const field_path& path) {
    if (a.clients && a.clients->size() != a.num_elements) {
      return fail(error_code::inconsistent_value, N::array.clients.offset, path.at(array_field::clients),
                  "Clients holds " + std::to_string(a.clients->size()) + " elements but NumElements is " +
                      std::to_string(a.num_elements));
    }
    out_.align(N::array.alignment);
    const std::size_t at = out_.reserve_zeroed(N::array.size);
    store_uint<N::byte_order>(out_.data_at(at + N::array.num_elements.offset), 4, a.num_elements);
    if (!a.clients) return true;
    const record_list<Record>& clients = *a.clients;
    out_.align(N::pointer_size);
    store_uint<N::byte_order>(out_.data_at(at + N::array.clients.offset), N::pointer_size, address_here());
    const std::size_t table = out_.reserve_zeroed(clients.size() * N::pointer_size);
    for (std::size_t i = 0; i < clients.size(); ++i) {
      if (clients[i] == nullptr) continue;
      out_.align(layout_in<N, Record>.alignment);
      const std::uint64_t address = address_here();
      if (!record(*clients[i], path.element_at(static_cast<std::int64_t>(i)))) return false;
      store_uint<N::byte_order>(out_.data_at(table + i * N::pointer_size), N::pointer_size, address);
    }
    return fits_address_space(path);
  }

  [[nodiscard]] error take_failure() { return std::move(failure_); }

 private:
  [[nodiscard]] std::uint64_t address_here() const noexcept { return base_ + out_.position(); }

  // Every byte of the image needs an address: an x86 image must lie below
  // 4 GiB (it may end exactly there), an x64 one below 2^64.
  bool fits_address_space(const field_path& path) {
    const std::size_t size = out_.position();
    if (base_ > N::max_address || (size != 0 && size - 1 > N::max_address - base_)) {
      return fail(error_code::value_out_of_range, out_.position(), path,
                  "the image does not fit the " + std::to_string(8 * N::pointer_size) + "-bit address space");
    }
    return true;
  }

  bool fail(error_code code, std::size_t at, const field_path& path, std::string message) {
    failure_ = error{code, at, path.str(), std::move(message)};
    return false;
  }

  byte_writer out_;
  std::uint64_t base_;
  error failure_;
};

}  // namespace dhcpm::detail
