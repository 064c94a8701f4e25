// The walk of a native memory image: the record's flat part read from the
// same layout table as NDR, then each pointer followed to its pointee inside
// the image. It reports to the same sinks as the NDR walker (walk_sink.hpp),
// so decoding an image builds the value with the same code as decoding NDR.
//
// Unlike NDR, an image can point anywhere, many times: each pointee is
// checked to lie wholly inside the image, and every string or record reached
// is charged against the decode budget, however many pointers share it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "layout/field_path.hpp"
#include "layout/walk_sink.hpp"
#include "native/native_format.hpp"
#include "layout/flat_values.hpp"
#include "layout/union_arm.hpp"
#include "layout/walk_checks.hpp"

namespace dhcpm::detail {

template <class N, class Sink>
class native_walker {
 public:
  native_walker(std::span<const std::uint8_t> image, std::uint64_t base, const decode_options& options, Sink& sink,
                std::vector<error>& warnings) noexcept
      : image_(image), base_(base), checks_(options, warnings), sink_(sink) {}

  // A record of type Record at `address`.
  template <class Record>
  [[nodiscard]] bool top_record(std::uint64_t address, const field_path& path) {
    constexpr const auto& l = layout_in<N, Record>;
    std::size_t at = 0;
    return locate(address, l.size, l.alignment, 0, path, at) && charge(record_charge_of<Record>, at, path) &&
           record<Record>(at, path);
  }

  // An _ARRAY of Element at `address`.
  template <class Element>
  [[nodiscard]] bool top_array(std::uint64_t address, const field_path& path) {
    using element = Element;
    constexpr const auto& element_layout = layout_in<N, element>;
    std::size_t at = 0;
    if (!locate(address, N::array.size, N::array.alignment, 0, path, at)) return false;
    if constexpr (Sink::wants_regions) array_regions(path, at);
    const std::uint8_t* p = image_.data() + at;
    const auto num = load<std::uint32_t, 4, N::byte_order>(p + N::array.num_elements.offset);
    const std::uint64_t clients = load_uint<N::byte_order>(p + N::array.clients.offset, ps);
    const std::size_t clients_at = at + N::array.clients.offset;
    const field_path clients_path = path.at(array_field::clients);
    sink_.array_begin(num, clients != 0);
    if (clients == 0) {
      return num == 0 || soft(error_code::null_with_nonzero_size, clients_at, clients_path,
                              "NumElements is " + std::to_string(num) + " but Clients is NULL");
    }
    // The pointer table must fit in the image before anything is sized by it.
    if (num > image_.size() / ps) {
      return fail(error_code::count_exceeds_input, at + N::array.num_elements.offset, path.at(array_field::num_elements),
                  std::to_string(num) + " element pointers cannot fit in an image of " +
                      std::to_string(image_.size()) + " bytes");
    }
    if (num > checks_.options().max_elements) {
      return fail(error_code::element_limit, at + N::array.num_elements.offset, path.at(array_field::num_elements),
                  std::to_string(num) + " elements exceed the limit of " + std::to_string(checks_.options().max_elements));
    }
    std::size_t table = 0;
    if (!locate(clients, std::uint64_t{num} * ps, ps, clients_at, clients_path, table) ||
        !charge(num * slot_charge, clients_at, clients_path)) {
      return false;
    }
    const auto element_at = [&](std::uint64_t i) { return load_uint<N::byte_order>(image_.data() + table + i * ps, ps); };
    std::uint64_t records = 0;
    for (std::uint64_t i = 0; i < num; ++i) {
      if (element_at(i) == 0) continue;
      if (!charge(record_charge_of<Element>, table + i * ps, path.element_at(static_cast<std::int64_t>(i)))) return false;
      ++records;
    }
    sink_.elements_begin(num, records);
    if constexpr (Sink::wants_regions) {
      for (std::uint64_t i = 0; i < num; ++i) {
        sink_.region(region_kind::referent_id, path.element_at(static_cast<std::int64_t>(i)), table + i * ps, ps);
      }
    }
    for (std::uint64_t i = 0; i < num; ++i) sink_.element(i, element_at(i) != 0);
    const std::size_t table_end = table + std::size_t{num} * ps;
    for (std::uint64_t i = 0; i < num; ++i) {
      const std::uint64_t element_address = element_at(i);
      if (element_address == 0) continue;
      const field_path element_path = path.element_at(static_cast<std::int64_t>(i));
      std::size_t record_at = 0;
      if (!locate(element_address, element_layout.size, element_layout.alignment, table + i * ps, element_path,
                  record_at)) {
        return false;
      }
      // A record that overlaps the pointer table reads pointers as fields (or
      // fields as pointers): no Windows process lays memory out like that.
      if (record_at < table_end && table < record_at + element_layout.size &&
          !soft(error_code::overlapping_pointee, table + i * ps, element_path,
                "the record overlaps the array's pointer table")) {
        return false;
      }
      if (!record<element>(record_at, element_path)) return false;
    }
    return true;
  }

  [[nodiscard]] error take_failure() { return checks_.take_failure(); }

 private:
  static constexpr std::size_t ps = N::pointer_size;

  // A record at `at` (its whole size is in the image): as it is, or, when it
  // ends in a union, as the arm its discriminant selects (memory has no tag).
  // An inline struct (Inline) is no record of its own to the sink: it gets no
  // record_begin / record_end.
  template <class Record, bool Inline = false>
  bool record(std::size_t at, const field_path& path) {
    if constexpr (has_union<Record>) {
      constexpr const auto& l = layout_in<N, Record>;
      constexpr record_field selector = selector_field_of<Record>;
      const std::uint64_t discriminant = load_uint<N::byte_order>(image_.data() + at + l[selector].offset, l[selector].size);
      return with_arm_selected_by<Record>(
          discriminant, [&]<class Arm>(std::type_identity<Arm>) { return flat_record<Arm, Inline>(at, path); },
          [&] {
            return fail(error_code::invalid_union_tag, at + l[selector].offset, path.at(selector),
                        no_arm_message<Record>(discriminant));
          });
    } else {
      return flat_record<Record, Inline>(at, path);
    }
  }

  template <class Record, bool Inline>
  bool flat_record(std::size_t at, const field_path& path) {
    constexpr const auto& l = layout_in<N, Record>;
    if constexpr (!Inline) sink_.record_begin(at);
    if constexpr (Sink::wants_regions) report_flat_regions(sink_, l, path, at, l.size);
    flat_values_of<Record> v;
    load_flat<N>(image_.data() + at, v);
    sink_.record_flat(v);
    const auto value_of = [&v](record_field f) { return v[static_cast<std::size_t>(f)]; };
    const auto pointer_at = [at](record_field f) { return at + l[f].offset; };

    if constexpr (has_binary_data<Record>) {
      constexpr record_field hw_data = data_field_of<Record>;
      const field_path data_path = path.at(hw_data);
      const std::uint64_t data_length = value_of(data_length_field_of<Record>);
      if (value_of(hw_data) == 0) {
        if (data_length != 0 &&
            !soft(error_code::null_with_nonzero_size, pointer_at(hw_data), data_path,
                  "DataLength is " + std::to_string(data_length) + " but Data is NULL")) {
          return false;
        }
      } else {
        std::size_t data_at = 0;
        if (!locate(value_of(hw_data), data_length, 1, pointer_at(hw_data), data_path, data_at) ||
            !charge(data_length, pointer_at(hw_data), data_path)) {
          return false;
        }
        if constexpr (Sink::wants_regions) sink_.region(region_kind::data_bytes, data_path, data_at, data_length);
        sink_.template data_bytes<Record>(image_.data() + data_at, data_length);
      }
    }
    for (const record_field f : string_fields_of<Record>) {
      if (value_of(f) != 0 && !string<Record>(value_of(f), pointer_at(f), path.at(f), f)) return false;
    }
    if constexpr (has_inline_array<Record>) {  // a NULL list with a count is kept, as in NDR
      constexpr record_field list = inline_array_field_of<Record>;
      if (value_of(list) != 0 &&
          !inline_structs<Record>(value_of(list), pointer_at(list), path, value_of(inline_count_field_of<Record>))) {
        return false;
      }
    }
    if constexpr (has_struct_pointer<Record>) {
      constexpr record_field pointer = struct_pointer_field_of<Record>;
      if (value_of(pointer) != 0 && !pointee_struct<Record>(value_of(pointer), pointer_at(pointer), path)) return false;
    }
    if constexpr (!Inline) sink_.record_end();
    return true;
  }

  // The struct Owner's struct_pointer (at `where`) points to, at `address`.
  template <class Owner>
  bool pointee_struct(std::uint64_t address, std::size_t where, const field_path& path) {
    using pointee = pointee_of<Owner>;
    constexpr const auto& l = layout_in<N, pointee>;
    const field_path pointee_path = path.pointee();
    std::size_t at = 0;
    if (!locate(address, l.size, l.alignment, where, pointee_path, at) ||
        !charge(record_charge_of<pointee>, where, pointee_path)) {
      return false;
    }
    sink_.template pointee_begin<Owner>();
    if (!record<pointee, true>(at, pointee_path)) return false;
    sink_.pointee_end();
    return true;
  }

  // The structs of Owner's struct_array: `num` of them one after another at
  // `address`, which the pointer at `where` holds.
  template <class Owner>
  bool inline_structs(std::uint64_t address, std::size_t where, const field_path& path, std::uint64_t num) {
    using element = inline_element_of<Owner>;
    constexpr const auto& l = layout_in<N, element>;
    const field_path list_path = path.at(inline_array_field_of<Owner>);
    if (num > image_.size() / l.size) {
      return fail(error_code::count_exceeds_input, where, list_path,
                  std::to_string(num) + " structs cannot fit in an image of " + std::to_string(image_.size()) + " bytes");
    }
    if (num > checks_.options().max_elements) {
      return fail(error_code::element_limit, where, list_path,
                  std::to_string(num) + " elements exceed the limit of " + std::to_string(checks_.options().max_elements));
    }
    std::size_t at = 0;
    if (!locate(address, num * l.size, l.alignment, where, list_path, at) ||
        !charge(num * record_charge_of<element>, where, list_path)) {
      return false;
    }
    sink_.template inline_elements_begin<Owner>(num);
    for (std::uint64_t i = 0; i < num; ++i) {
      sink_.template inline_element<element>(i);
      if (!record<element, true>(at + i * l.size, path.inner_at(static_cast<std::int64_t>(i)))) return false;
    }
    sink_.inline_elements_end();
    return true;
  }

  // The _ARRAY's own bytes: NumElements, the pad before Clients, Clients.
  void array_regions(const field_path& path, std::size_t at) {
    sink_.region(region_kind::field, path.at(array_field::num_elements), at + N::array.num_elements.offset, 4);
    if (N::array.clients.offset > N::array.num_elements.offset + 4) {
      sink_.region(region_kind::padding, path, at + N::array.num_elements.offset + 4,
                   N::array.clients.offset - (N::array.num_elements.offset + 4));
    }
    sink_.region(region_kind::referent_id, path.at(array_field::clients), at + N::array.clients.offset, ps);
  }

  // A NUL-terminated UTF-16LE string at `address`; `where` is the pointer's offset.
  template <class Record>
  bool string(std::uint64_t address, std::size_t where, const field_path& path, record_field which) {
    std::size_t at = 0;
    if (!locate(address, 2, 2, where, path, at)) return false;
    const std::size_t available = (image_.size() - at) / 2;  // whole units left in the image
    const std::size_t limit = available < checks_.options().max_string_units ? available : checks_.options().max_string_units;
    const std::uint8_t* units = image_.data() + at;
    std::size_t n = 0;
    while (n < limit && load<std::uint16_t, 2, N::byte_order>(units + 2 * n) != 0) ++n;
    if (n == limit) {
      if (limit == available) {
        return fail(error_code::missing_terminator, where, path, "the string has no NUL before the image ends");
      }
      return fail(error_code::string_limit, where, path,
                  "the string has no NUL within the limit of " + std::to_string(checks_.options().max_string_units) + " units");
    }
    if (!charge(2 * (n + 1), where, path)) return false;
    if constexpr (Sink::wants_regions) sink_.region(region_kind::string_units, path, at, 2 * (n + 1));
    sink_.template string_units<Record>(which, units, n);
    return true;
  }

  // The image offset of the `size` bytes at `address`, which a pointer at
  // offset `where` points to: the whole pointee must be inside the image.
  bool locate(std::uint64_t address, std::uint64_t size, std::size_t alignment, std::size_t where,
              const field_path& path, std::size_t& offset) {
    if (address < base_ || address - base_ > image_.size() || size > image_.size() - (address - base_)) {
      return fail(error_code::pointer_out_of_image, where, path,
                  "pointer " + hex(address) + " to " + std::to_string(size) + " bytes is outside the image " +
                      hex(base_) + "+" + std::to_string(image_.size()));
    }
    offset = static_cast<std::size_t>(address - base_);
    if (address % alignment != 0 && !soft(error_code::misaligned_pointer, where, path,
                                          "pointer " + hex(address) + " is not aligned to " +
                                              std::to_string(alignment))) {
      return false;
    }
    return true;
  }

  static std::string hex(std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    do {
      out.insert(out.begin(), digits[value & 0xF]);
      value >>= 4;
    } while (value != 0);
    return "0x" + out;
  }

  bool fail(error_code code, std::size_t at, const field_path& path, std::string message) {
    return checks_.fail(code, at, path, std::move(message));
  }
  bool soft(error_code code, std::size_t at, const field_path& path, std::string message) {
    return checks_.soft(code, at, path, std::move(message));
  }
  bool charge(std::uint64_t bytes, std::size_t at, const field_path& path) { return checks_.charge(bytes, at, path); }

  std::span<const std::uint8_t> image_;
  std::uint64_t base_;
  walk_checks checks_;
  Sink& sink_;
};

}  // namespace dhcpm::detail
