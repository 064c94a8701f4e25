// The one NDR traversal. It walks NDR 2.0 (either byte order) or NDR64 bytes
// of any record type of the schema (schema.hpp), an _ARRAY of them, and their framings, makes every check, charges the
// decode budget, and reports what it finds to a sink (see walk_sink.hpp).
// Decoding, validation, views and dissection are sinks of this walker, so they
// cannot disagree about what the bytes mean.
//
// Pointee order (DESIGN.md §2): a struct's flat part, then the pointees of its
// pointers in member order; an array of pointers is max_count, every referent
// id, then each non-NULL record with its own pointees.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "layout/flat_values.hpp"
#include "layout/union_arm.hpp"
#include "layout/walk_checks.hpp"
#include "layout/walk_sink.hpp"
#include "ndr/ndr_format.hpp"

namespace dhcpm::detail {

template <class F, class Sink>
class ndr_walker {
 public:
  ndr_walker(byte_reader input, const decode_options& options, Sink& sink, std::vector<error>& warnings) noexcept
      : in_(input), max_string_units_(options.max_string_units), checks_(options, warnings), sink_(sink) {}

  // A unique pointer in front of the value (ptr and response framing).
  [[nodiscard]] bool top_pointer(const field_path& path, bool& present) {
    std::uint64_t id = 0;
    if (!read_pointer(path, id)) return false;
    present = id != 0;
    sink_.top_pointer(present);
    return true;
  }

  // A Record as a top-level value or the pointee of a top-level pointer.
  template <class Record>
  [[nodiscard]] bool top_record(const field_path& path) {
    return charge(record_charge_of<Record>, in_.position(), path) && record<Record>(path);
  }

  // An _ARRAY of Element as a top-level value or the pointee of a top-level pointer.
  template <class Element>
  [[nodiscard]] bool top_array(const field_path& path) {
    std::uint32_t num = 0;
    bool clients = false;
    return array_header(path, num, clients) && (!clients || elements<Element>(path, num));
  }

  // An array walked in steps (array_cursor): array_header, then (when Clients
  // is not NULL) element_table, then element_record for each non-NULL slot in
  // order. Together they make exactly the walk of top_array.
  //
  // The array's own flat part: NumElements and the Clients pointer.
  [[nodiscard]] bool array_header(const field_path& path, std::uint32_t& num, bool& clients_present) {
    const std::size_t at = in_.aligned(F::array.alignment);
    if (!in_.fits_at(at, F::array.size)) {
      const bool count_fits = in_.fits_at(at, F::array.num_elements.size);
      if constexpr (Sink::wants_regions) {  // dissection shows NumElements when it did arrive
        if (count_fits) {
          pad_region(path, at);
          sink_.region(region_kind::field, path.at(array_field::num_elements), at + F::array.num_elements.offset, 4);
        }
      }
      return fail(error_code::truncated, clamp(count_fits ? at + F::array.clients.offset : at),
                  count_fits ? path.at(array_field::clients) : path.at(array_field::num_elements), "the array header does not fit");
    }
    pad_region(path, at);
    const std::uint8_t* p = in_.data() + at;
    num = static_cast<std::uint32_t>(load_uint<F::byte_order>(p + F::array.num_elements.offset, 4));
    const std::uint64_t raw_clients = load_uint<F::byte_order>(p + F::array.clients.offset, F::pointer_size);
    if constexpr (Sink::wants_regions) {
      sink_.region(region_kind::field, path.at(array_field::num_elements), at + F::array.num_elements.offset, 4);
      gap_region(path, at + 4, at + F::array.clients.offset);
      sink_.region(region_kind::referent_id, path.at(array_field::clients), at + F::array.clients.offset, F::pointer_size);
    }
    if (!referent_fits(raw_clients, at + F::array.clients.offset, path.at(array_field::clients))) return false;
    clients_present = (raw_clients & F::referent_mask) != 0;
    in_.seek(at + F::array.size);
    sink_.array_begin(num, clients_present);
    if (clients_present) return true;
    return num == 0 || soft(error_code::null_with_nonzero_size, at + F::array.clients.offset, path.at(array_field::clients),
                            "NumElements is " + std::to_string(num) + " but Clients is NULL");
  }

  // The pointee of Clients up to the records: max_count and the referent ids,
  // every one checked and every record charged. `table` is where the ids
  // start, `count` how many there are.
  template <class Element>
  [[nodiscard]] bool element_table(const field_path& array_path, std::uint32_t num_elements, std::size_t& table,
                                   std::uint64_t& count) {
    const field_path clients_path = array_path.at(array_field::clients);
    std::size_t count_at = 0;
    if (!read_count(clients_path, count, count_at)) return false;
    if (count != num_elements &&
        !soft(error_code::conformance_mismatch, count_at, clients_path,
              "max_count " + std::to_string(count) + " differs from NumElements " + std::to_string(num_elements))) {
      return false;
    }
    if (count > in_.remaining() / ps) {
      return fail(error_code::count_exceeds_input, count_at, clients_path,
                  "max_count " + std::to_string(count) + " needs more bytes than remain");
    }
    if (count > checks_.options().max_elements) {
      return fail(error_code::element_limit, count_at, clients_path,
                  std::to_string(count) + " elements exceed the limit of " + std::to_string(checks_.options().max_elements));
    }
    // Every slot is charged, NULL or not: a million NULL pointers cost bytes.
    if (!charge(count * slot_charge, count_at, clients_path)) return false;

    table = in_.position();
    // One pass counts the records and gathers the ids' upper halves; when
    // none is wide and all the records fit the budget, they are charged at
    // once. Otherwise the pass below finds the slot that fails, as it is.
    std::uint64_t records = 0;
    std::uint64_t wide = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      const std::uint64_t raw = raw_id_at(table, i);
      records += (raw & F::referent_mask) != 0 ? 1 : 0;
      if constexpr (wide_ids) wide |= raw >> 32;
    }
    if (wide != 0 || !checks_.try_charge(records * record_charge_of<Element>)) {
      records = 0;
      if (!charge_slots<Element>(array_path, table, count, records)) return false;
    }
    sink_.elements_begin(count, records);
    for (std::uint64_t i = 0; i < count; ++i) {
      if constexpr (Sink::wants_regions) {
        sink_.region(region_kind::referent_id, array_path.element_at(static_cast<std::int64_t>(i)), table + i * ps, ps);
      }
      sink_.element(i, id_at(table, i) != 0);
    }
    in_.seek(table + count * ps);
    return true;
  }

  // Each slot's checks and charge in turn: the slot that fails, when one does.
  template <class Element>
  [[gnu::cold, gnu::noinline]] bool charge_slots(const field_path& array_path, std::size_t table, std::uint64_t count,
                                                 std::uint64_t& records) {
    for (std::uint64_t i = 0; i < count; ++i) {
      if constexpr (wide_ids) {
        if (raw_id_at(table, i) >> 32 != 0 &&
            !referent_fits(raw_id_at(table, i), table + i * ps, array_path.element_at(static_cast<std::int64_t>(i)))) {
          return false;
        }
      }
      if (id_at(table, i) == 0) continue;
      if (!charge(record_charge_of<Element>, table + i * ps, array_path.element_at(static_cast<std::int64_t>(i)))) {
        return false;
      }
      ++records;
    }
    return true;
  }

  // Whether slot i of the id table at `table` holds a non-NULL pointer.
  [[nodiscard]] bool element_present(std::size_t table, std::uint64_t i) const noexcept { return id_at(table, i) != 0; }

  // The record of a non-NULL slot i, where the walk has reached.
  template <class Element>
  [[nodiscard]] bool element_record(const field_path& array_path, std::uint64_t i) {
    if constexpr (fast_path_takes<Element>) {
      if (fast_record<Element>()) [[likely]] return true;
    }
    return record<Element>(array_path.element_at(static_cast<std::int64_t>(i)));
  }

  // The DWORD return value after the [out] parameters (response framing).
  [[nodiscard]] bool return_value(const field_path& path) {
    const std::size_t at = in_.aligned(4);
    if (!in_.fits_at(at, 4)) return fail(error_code::truncated, clamp(at), path, "the return value does not fit");
    pad_region(path, at);
    const auto value = in_.template load_at<std::uint32_t, 4, F::byte_order>(at);
    if constexpr (Sink::wants_regions) sink_.region(region_kind::return_value, path, at, 4);
    in_.seek(at + 4);
    sink_.return_value(value);
    return true;
  }

  // Everything must have been consumed.
  [[nodiscard]] bool end() {
    if (in_.remaining() == 0) [[likely]] return true;
    return trailing_bytes();
  }

  // The records fast_record walks: their pointees are a DHCP_BINARY_DATA
  // and strings (every client record but the _EX), for a sink that does not
  // name regions.
  template <class Record>
  static constexpr bool fast_path_takes =
      !Sink::wants_regions && !has_union<Record> && !has_inline_array<Record> && !has_struct_pointer<Record>;

  template <class Element>
  static constexpr bool takes_fine_records = fast_path_takes<Element>;
  // The lean walk of one Element record from where the walk is (a parallel
  // pass over the records: parallel_walk.hpp). false: something unusual,
  // nothing reported, nothing moved.
  template <class Element>
  [[nodiscard]] bool fine_record() {
    static_assert(fast_path_takes<Element>);
    return fast_record<Element>();
  }
  void seek(std::size_t at) noexcept { in_.seek(at); }

  [[nodiscard]] error take_failure() { return checks_.take_failure(); }
  [[nodiscard]] std::size_t position() const noexcept { return in_.position(); }
  [[nodiscard]] walk_checks& checks() noexcept { return checks_; }

 private:
  // end()'s complaint, out of line, so that end() — once per walk — inlines
  // to a compare (it was a call of its own on every walk that passes).
  [[gnu::cold, gnu::noinline]] bool trailing_bytes() {
    return soft(error_code::trailing_bytes, in_.position(), field_path{},
                std::to_string(in_.remaining()) + " bytes after the value");
  }
  static constexpr std::size_t ps = F::pointer_size;
  static constexpr std::size_t cs = F::count_size;
  static constexpr bool wide_ids = F::pointer_size == 8;  // NDR64: 8-byte referent ids
  // Where the last field of Record's flat part ends (before any trailing pad).
  template <class Record>
  static constexpr std::size_t fields_end = [] {
    std::size_t end = 0;
    for (const field_slot& s : layout_in<F, Record>.fields) end = s.offset + std::size_t{s.size} > end ? s.offset + std::size_t{s.size} : end;
    return end;
  }();

  // The walk of a record that meets nothing unusual, in few instructions:
  // each check of record() is made, but as a yes/no question, all of them
  // answered before anything is reported. When every answer is "fine" (no
  // soft check that would warn or fail, no hard failure, the budget holds),
  // it gives the sink the events record() gives and returns true. Otherwise
  // it returns false having changed nothing — no sink event, no charge, the
  // position where it was — and the caller walks the same bytes with
  // record(), which says exactly what is wrong (or warns and goes on).
  template <class Record>
  [[gnu::always_inline]] bool fast_record() {
    constexpr const auto& l = layout_in<F, Record>;
    constexpr const auto& strings = string_fields_of<Record>;
    // Positions relative to the origin, where alignment is counted from:
    // rounding up is then two instructions on the chain of dependent loads
    // that walking NDR is (each count says where the next item starts).
    const std::uint8_t* const base = in_.data() + in_.origin();
    const std::size_t limit = in_.size() - in_.origin();
    const auto align = [](std::size_t rel, std::size_t a) { return (rel + a - 1) & ~(a - 1); };
    const std::size_t at = align(in_.position() - in_.origin(), l.alignment);
    if (at + l.size > limit) return false;
    prefetch_lines(base + at);
    flat_values_of<Record> v;
    if constexpr (Sink::wants_flat_values) {
      load_flat<F>(base + at, v);
    } else {
      load_pointers<F>(base + at, v);
    }
    const auto value_of = [&v](record_field f) { return v[static_cast<std::size_t>(f)]; };
    if constexpr (wide_ids) {
      std::uint64_t all_bits = 0;
      for (const record_field f : pointer_fields_of<Record>) all_bits |= value_of(f);
      if (all_bits >> 32 != 0) return false;
    }
    // Two positions: `pos`, where the walk is (the end of the last item), and
    // `next`, where the next pointee starts: every pointee here begins with a
    // count, aligned to cs. Each count is loaded from `next` and gives the
    // next `next` in two instructions (an lea and an and), so the chain of
    // dependent loads through the record is as short as it can be; `pos`
    // and the bounds checks hang off it.
    std::size_t pos = at + l.size;
    std::size_t next = align(pos, cs);
    const auto next_after = [](std::size_t start, std::uint64_t bytes) {
      return (start + bytes + (cs - 1)) & ~(cs - 1);
    };
    std::uint64_t charged = 0;
    // Where the pointees are, reported once all of them have passed.
    const std::uint8_t* data_bytes = nullptr;
    std::size_t data_size = 0;
    std::array<const std::uint8_t*, strings.size()> units{};
    std::array<std::size_t, strings.size()> lengths{};
    if constexpr (has_binary_data<Record>) {
      const std::uint64_t data_length = value_of(data_length_field_of<Record>);
      if (value_of(data_field_of<Record>) != 0) {
        const std::size_t count_at = next;
        if (count_at + cs > limit) return false;
        const std::uint64_t count = load<std::uint64_t, cs, F::byte_order>(base + count_at);
        if (count != data_length) return false;  // so count < 2^32: no overflow below
        const std::size_t end = count_at + cs + count;
        if (end > limit) return false;
        data_bytes = base + count_at + cs;
        data_size = count;
        pos = end;
        next = next_after(count_at, cs + count);
        charged += count;
      } else if (data_length != 0) {
        return false;
      }
    }
    const std::uint64_t max_units = max_string_units_;
    const bool strings_fine = [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
      const auto string_fine = [&](std::size_t s, std::uint64_t pointer) __attribute__((always_inline)) {
        if (pointer == 0) return true;
        const std::size_t max_at = next;
        if (max_at + 3 * cs > limit) return false;
        const std::uint8_t* header = base + max_at;
        const std::uint64_t max = load<std::uint64_t, cs, F::byte_order>(header);
        const std::uint64_t offset = load<std::uint64_t, cs, F::byte_order>(header + cs);
        const std::uint64_t actual = load<std::uint64_t, cs, F::byte_order>(header + 2 * cs);
        if (offset != 0) return false;
        if (actual > max) return false;
        if (actual - 1 >= max_units) return false;  // 0 wraps: no terminator; so actual < 2^32
        const std::size_t end = max_at + 3 * cs + 2 * actual;
        if (end > limit) return false;
        if (load<std::uint16_t, 2, F::byte_order>(base + end - 2) != 0) return false;
        units[s] = header + 3 * cs;
        lengths[s] = actual - 1;
        pos = end;
        next = next_after(max_at, 3 * cs + 2 * actual);
        charged += 2 * actual;
        return true;
      };
      return (string_fine(I, value_of(strings[I])) && ...);
    }(std::make_index_sequence<strings.size()>{});
    if (!strings_fine || !checks_.try_charge(charged)) return false;
    in_.seek(in_.origin() + pos);
    const std::size_t flat_at = in_.origin() + at;
    if constexpr (Sink::takes_locations) {  // the events below, in one call
      sink_.template record_located<Record>(flat_at, data_bytes, data_size, units, lengths);
      return true;
    }
    sink_.record_begin(flat_at);
    sink_.record_flat(v);
    if (data_bytes != nullptr) sink_.template data_bytes<Record>(data_bytes, data_size);
    [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
      ((units[I] != nullptr
            ? sink_.template string_units<Record>(std::integral_constant<record_field, strings[I]>{}, units[I], lengths[I])
            : void()),
       ...);
    }(std::make_index_sequence<strings.size()>{});
    sink_.record_end();
    return true;
  }

  // fast_record's prefetch: the lines of a typical client record, far
  // enough ahead to arrive before the walk gets there. Records are walked
  // front to back, so each line is asked for once or twice; unlike
  // prefetch_ahead it keeps no state, and costs five instructions.
  // (Addresses past the end are computed as integers: a prefetch does not fault.)
  static void prefetch_lines(const std::uint8_t* at) noexcept {
    constexpr std::uintptr_t distance = 2048;
    const auto address = reinterpret_cast<std::uintptr_t>(at) + distance;
    [&]<std::size_t... L>(std::index_sequence<L...>) {
      (__builtin_prefetch(reinterpret_cast<const void*>(address + 64 * L)), ...);
    }(std::make_index_sequence<5>{});
  }

  // A record: as it is, or, when it ends in a union, as the arm its discriminant selects.
  template <class Record>
  bool record(const field_path& path) {
    if constexpr (has_union<Record>) {
      std::size_t arm = 0;
      if (!select_arm<Record>(path, arm)) return false;
      return with_arm<Record>(arm, [&]<class Arm>(std::type_identity<Arm>) { return flat_record<Arm>(path); });
    } else {
      return flat_record<Record>(path);
    }
  }

  // Reads the discriminant of Record's union and its tag, which must be
  // equal and select an arm (MIDL and Samba refuse anything else: an arm no
  // engine knows has no size, so nothing after it could be found).
  template <class Record>
  bool select_arm(const field_path& path, std::size_t& arm) {
    constexpr const auto& l = layout_in<F, union_arm<Record, 0>>;  // every arm's layout agrees up to the arms
    constexpr record_field selector = selector_field_of<Record>;
    constexpr record_field tag = tag_field_of<Record>;
    const std::size_t at = in_.aligned(l.alignment);
    if (!in_.fits_at(at, std::size_t{l[tag].offset} + l[tag].size)) return truncated_record<union_arm<Record, 0>>(path, at);
    const std::uint64_t discriminant = load_uint<F::byte_order>(in_.data() + at + l[selector].offset, l[selector].size);
    arm = arm_selected_by<Record>(discriminant);
    if (arm == arm_count<Record>) {
      return fail(error_code::invalid_union_tag, at + l[selector].offset, path.at(selector),
                  no_arm_message<Record>(discriminant));
    }
    const std::uint64_t tag_value = load_uint<F::byte_order>(in_.data() + at + l[tag].offset, l[tag].size);
    if (tag_value != discriminant) {
      return fail(error_code::invalid_union_tag, at + l[tag].offset, path.at(tag),
                  "the union's tag " + std::to_string(tag_value) + " differs from " +
                      std::string(field_of<Record>(selector).name()) + " " + std::to_string(discriminant));
    }
    return true;
  }

  template <class Record>
  bool flat_record(const field_path& path) {
    std::size_t at = 0;
    flat_values_of<Record> v;
    return flat_part<Record, false>(path, at, v) && pointees<Record, false>(path, at, v);
  }

  // A record's flat part: read, checked and reported (record_flat). An
  // inline struct (Inline) is no record of its own to the sink: it gets no
  // record_begin / record_end.
  template <class Record, bool Inline>
  bool flat_part(const field_path& path, std::size_t& at, flat_values_of<Record>& v) {
    constexpr const auto& l = layout_in<F, Record>;
    at = in_.aligned(l.alignment);
    // NDR64 pads the struct to a multiple of 8. Impacket leaves that pad out
    // when the struct is the last thing in the stub: lenient mode accepts it.
    std::size_t size = l.size;
    if (!in_.fits_at(at, size)) {
      if (!in_.fits_at(at, fields_end<Record>)) return truncated_record<Record>(path, at);
      if (!soft(error_code::missing_trailing_pad, in_.size(), path, "the input ends before the record's trailing pad")) {
        return false;
      }
      size = in_.size() - at;
    }
    pad_region(path, at);
    if constexpr (!Sink::wants_regions) prefetch_ahead(at);
    if constexpr (!Inline) sink_.record_begin(at);
    if constexpr (Sink::wants_flat_values || has_inline_array<Record>) {  // the count of a struct_array is needed
      load_flat<F>(in_.data() + at, v);
    } else {
      load_pointers<F>(in_.data() + at, v);
    }
    if constexpr (Sink::wants_regions) report_flat_regions(sink_, l, path, at, size);
    // One pass masks the ids and gathers their bits: NDR64 then checks the
    // upper halves once (the cold path reads the raw ids again).
    std::uint64_t all_bits = 0;
    for (const record_field f : pointer_fields_of<Record>) {
      all_bits |= v[static_cast<std::size_t>(f)];
      v[static_cast<std::size_t>(f)] &= F::referent_mask;
    }
    if constexpr (wide_ids) {
      if (all_bits >> 32 != 0 && !record_referents_fit<Record>(at, path)) [[unlikely]] return false;
    } else {
      (void)all_bits;
    }
    in_.seek(at + size);
    sink_.record_flat(v);
    return true;
  }

  // A record's pointees, in member order: Data, the strings, then the
  // structs of its struct_array. `at` is where its flat part starts.
  template <class Record, bool Inline>
  bool pointees(const field_path& path, std::size_t at, const flat_values_of<Record>& v) {
    constexpr const auto& l = layout_in<F, Record>;
    const auto value_of = [&v](record_field f) { return v[static_cast<std::size_t>(f)]; };
    if constexpr (has_binary_data<Record>) {
      constexpr record_field hw_data = data_field_of<Record>;  // the DHCP_BINARY_DATA's Data
      constexpr record_field hw_length = data_length_field_of<Record>;
      if (value_of(hw_data) != 0) {
        if (!data<Record, hw_data>(path, value_of(hw_length))) return false;
      } else if (value_of(hw_length) != 0) {
        if (!soft(error_code::null_with_nonzero_size, at + l[hw_data].offset, path.at(hw_data),
                  "DataLength is " + std::to_string(value_of(hw_length)) + " but Data is NULL")) {
          return false;
        }
      }
    }
    // Unrolled at compile time, so each string's field and path are constants.
    constexpr const auto& strings = string_fields_of<Record>;
    const bool strings_ok = [&]<std::size_t... I>(std::index_sequence<I...>) {
      return ((value_of(strings[I]) == 0 || string<Record, strings[I]>(path)) && ...);
    }(std::make_index_sequence<strings.size()>{});
    if (!strings_ok) return false;
    // A NULL list with a non-zero count is kept as it is, strict or not:
    // C706 14.3.10 allows it, Samba's NDR makes and reads it (the golden
    // DHCP_CLIENT_INFO_EX_ARRAY.random-50 holds one), and nothing sizes by it.
    if constexpr (has_inline_array<Record>) {
      if (value_of(inline_array_field_of<Record>) != 0 &&
          !inline_structs<Record>(path, static_cast<std::uint32_t>(value_of(inline_count_field_of<Record>)))) {
        return false;
      }
    }
    if constexpr (has_struct_pointer<Record>) {
      if (value_of(struct_pointer_field_of<Record>) != 0 && !pointee_struct<Record>(path)) return false;
    }
    if constexpr (!Inline) sink_.record_end();
    return true;
  }

  // The struct Owner's struct_pointer points to: its flat part, its pointees.
  template <class Owner>
  bool pointee_struct(const field_path& path) {
    using pointee = pointee_of<Owner>;
    static_assert(!has_union<pointee>, "a pointee that ends in a union needs select_arm here");
    const field_path pointee_path = path.pointee();
    if (!charge(record_charge_of<pointee>, in_.position(), pointee_path)) return false;
    sink_.template pointee_begin<Owner>();
    std::size_t at = 0;
    flat_values_of<pointee> v{};  // {}: GCC 12 cannot see flat_part fill it
    if (!flat_part<pointee, true>(pointee_path, at, v) || !pointees<pointee, true>(pointee_path, at, v)) return false;
    sink_.pointee_end();
    return true;
  }

  // The fewest bytes an Element's flat part takes (its smallest arm's).
  template <class Element>
  static constexpr std::size_t smallest_flat = [] {
    if constexpr (has_union<Element>) {
      std::size_t least = SIZE_MAX;
      [&]<std::size_t... A>(std::index_sequence<A...>) {
        ((least = layout_in<F, union_arm<Element, A>>.size < least ? layout_in<F, union_arm<Element, A>>.size : least), ...);
      }(std::make_index_sequence<arm_count<Element>>{});
      return least;
    } else {
      return std::size_t{layout_in<F, Element>.size};
    }
  }();

  // The pointee of Owner's struct_array (DHCP_PROPERTY_ARRAY's Elements):
  // max_count, every struct's flat part, then every struct's pointees.
  template <class Owner>
  bool inline_structs(const field_path& path, std::uint32_t num_elements) {
    using element = inline_element_of<Owner>;
    const field_path list_path = path.at(inline_array_field_of<Owner>);
    std::uint64_t count = 0;
    std::size_t count_at = 0;
    if (!read_count(list_path, count, count_at)) return false;
    if (count != num_elements &&
        !soft(error_code::conformance_mismatch, count_at, list_path,
              "max_count " + std::to_string(count) + " differs from " +
                  std::string(field_of<Owner>(inline_count_field_of<Owner>).name()) + " " +
                  std::to_string(num_elements))) {
      return false;
    }
    if (count > in_.remaining() / smallest_flat<element>) {
      return fail(error_code::count_exceeds_input, count_at, list_path,
                  "max_count " + std::to_string(count) + " needs more bytes than remain");
    }
    if (count > checks_.options().max_elements) {
      return fail(error_code::element_limit, count_at, list_path,
                  std::to_string(count) + " elements exceed the limit of " + std::to_string(checks_.options().max_elements));
    }
    if (!charge(count * record_charge_of<element>, count_at, list_path)) return false;
    sink_.template inline_elements_begin<Owner>(count);
    // Where each flat part starts: the pointees are walked after all of them.
    std::vector<std::size_t> starts(count);
    for (std::uint64_t i = 0; i < count; ++i) {
      sink_.template inline_element<element>(i);
      if (!inline_flat<element>(path.inner_at(static_cast<std::int64_t>(i)), starts[i])) return false;
    }
    for (std::uint64_t i = 0; i < count; ++i) {
      sink_.template inline_element<element>(i);
      if (!inline_pointees<element>(path.inner_at(static_cast<std::int64_t>(i)), starts[i])) return false;
    }
    sink_.inline_elements_end();
    return true;
  }

  // One inline struct's flat part (as the arm its discriminants select).
  template <class Element>
  bool inline_flat(const field_path& path, std::size_t& at) {
    if constexpr (has_union<Element>) {
      std::size_t arm = 0;
      if (!select_arm<Element>(path, arm)) return false;
      return with_arm<Element>(arm, [&]<class Arm>(std::type_identity<Arm>) {
        flat_values_of<Arm> v{};
        return flat_part<Arm, true>(path, at, v);
      });
    } else {
      flat_values_of<Element> v{};
      return flat_part<Element, true>(path, at, v);
    }
  }
  // Its pointees, from its flat part at `at` (already read and checked once).
  template <class Element>
  bool inline_pointees(const field_path& path, std::size_t at) {
    const auto walk = [&]<class Schema>(std::type_identity<Schema>) {
      flat_values_of<Schema> v{};
      load_flat<F>(in_.data() + at, v);
      for (const record_field f : pointer_fields_of<Schema>) v[static_cast<std::size_t>(f)] &= F::referent_mask;
      return pointees<Schema, true>(path, at, v);
    };
    if constexpr (has_union<Element>) {
      constexpr const auto& l = layout_in<F, union_arm<Element, 0>>;
      constexpr record_field selector = selector_field_of<Element>;
      const std::uint64_t discriminant = load_uint<F::byte_order>(in_.data() + at + l[selector].offset, l[selector].size);
      return with_arm<Element>(arm_selected_by<Element>(discriminant), walk);
    } else {
      return walk(std::type_identity<Element>{});
    }
  }

  // The pointee of Clients: max_count, the referent ids, the records.
  template <class Element>
  bool elements(const field_path& array_path, std::uint32_t num_elements) {
    std::size_t table = 0;
    std::uint64_t count = 0;
    if (!element_table<Element>(array_path, num_elements, table, count)) return false;
    for (std::uint64_t i = 0; i < count; ++i) {
      if (element_present(table, i) && !element_record<Element>(array_path, i)) return false;
    }
    return true;
  }
  [[nodiscard]] std::uint64_t raw_id_at(std::size_t table, std::uint64_t i) const noexcept {
    return in_.template load_at<std::uint64_t, ps, F::byte_order>(table + i * ps);
  }
  [[nodiscard]] std::uint64_t id_at(std::size_t table, std::uint64_t i) const noexcept {
    return raw_id_at(table, i) & F::referent_mask;
  }

  // ClientHardwareAddress.Data (the slot Leaf): max_count (= DataLength), then
  // the bytes. As for strings, the path is built only when a check fails or
  // for dissection.
  template <class Record, record_field Leaf>
  bool data(const field_path& record_path, std::uint64_t data_length) {
    constexpr record_field leaf = Leaf;
    const std::size_t count_at = in_.aligned(cs);
    if (!in_.fits_at(count_at, cs)) [[unlikely]] return data_count_cut(record_path.at(leaf));
    pad_region(record_path.at(leaf), count_at);
    const std::uint64_t count = load<std::uint64_t, cs, F::byte_order>(in_.data() + count_at);
    if constexpr (Sink::wants_regions) sink_.region(region_kind::max_count, record_path.at(leaf), count_at, cs);
    in_.seek(count_at + cs);
    if (count != data_length || count > in_.remaining()) [[unlikely]] {
      if (!data_count_checks(record_path.at(leaf), count, data_length, count_at)) return false;
    }
    if (!charge(count, count_at, record_path, leaf)) return false;
    const std::size_t at = in_.position();
    if constexpr (Sink::wants_regions) sink_.region(region_kind::data_bytes, record_path.at(leaf), at, count);
    sink_.template data_bytes<Record>(in_.data() + at, count);
    in_.skip(count);
    return true;
  }

  [[gnu::cold, gnu::noinline]] bool data_count_cut(const field_path& path) {
    std::uint64_t count = 0;
    std::size_t at = 0;
    return read_count(path, count, at) && fail(error_code::internal_error, at, path, "a count was both cut off and whole");
  }

  // max_count differs from DataLength (soft), or needs more bytes than remain.
  [[gnu::cold, gnu::noinline]] bool data_count_checks(const field_path& path, std::uint64_t count,
                                                      std::uint64_t data_length, std::size_t count_at) {
    if (count != data_length &&
        !soft(error_code::conformance_mismatch, count_at, path,
              "max_count " + std::to_string(count) + " differs from DataLength " + std::to_string(data_length))) {
      return false;
    }
    if (count > in_.remaining()) {
      return fail(error_code::count_exceeds_input, count_at, path,
                  "max_count " + std::to_string(count) + " needs more bytes than remain");
    }
    return true;
  }

  // A [string] wchar_t*: max_count, offset, actual_count, then the units.
  // The three counts are read with one range check; anything unusual leaves
  // the hot path for a cold function that makes the check and its message.
  template <class Record, record_field Which>
  bool string(const field_path& record_path) {
    const std::size_t max_at = in_.aligned(cs);
    if (!in_.fits_at(max_at, 3 * cs)) [[unlikely]] return string_header_cut(record_path.at(Which));
    pad_region(record_path.at(Which), max_at);
    const std::uint8_t* header = in_.data() + max_at;
    const std::uint64_t max = load<std::uint64_t, cs, F::byte_order>(header);
    const std::uint64_t offset = load<std::uint64_t, cs, F::byte_order>(header + cs);
    const std::uint64_t actual = load<std::uint64_t, cs, F::byte_order>(header + 2 * cs);
    const std::size_t actual_at = max_at + 2 * cs;
    if constexpr (Sink::wants_regions) {
      const field_path path = record_path.at(Which);
      sink_.region(region_kind::max_count, path, max_at, cs);
      sink_.region(region_kind::string_offset, path, max_at + cs, cs);
      sink_.region(region_kind::actual_count, path, actual_at, cs);
    }
    in_.seek(max_at + 3 * cs);
    if (offset != 0 || actual > max) [[unlikely]] {
      if (!checks_.string_variance(record_path.at(Which), max, offset, actual, max_at, cs)) return false;
    }
    if (actual > in_.remaining() / 2 || actual > checks_.options().max_string_units) [[unlikely]] {
      return checks_.string_too_long(record_path.at(Which), actual, actual_at, in_.remaining());
    }
    if (!charge(actual * 2, actual_at, record_path, Which)) return false;
    const std::size_t at = in_.position();
    const std::uint8_t* units = in_.data() + at;
    const bool terminated = actual != 0 && load<std::uint16_t, 2, F::byte_order>(units + 2 * (actual - 1)) == 0;
    if (!terminated) [[unlikely]] {
      if (!checks_.unterminated_string(record_path.at(Which), actual, actual_at, at)) return false;
    }
    if constexpr (Sink::wants_regions) {
      sink_.region(region_kind::string_units, record_path.at(Which), at, 2 * actual);
    }
    sink_.template string_units<Record>(std::integral_constant<record_field, Which>{}, units, terminated ? actual - 1 : actual);
    in_.skip(2 * actual);
    return true;
  }

  // The counts do not all fit: read them one by one to name the one cut off.
  [[gnu::cold, gnu::noinline]] bool string_header_cut(const field_path& path) {
    std::uint64_t value = 0;
    std::size_t at = 0;
    return read_count(path, value, at, region_kind::max_count) &&
           read_count(path, value, at, region_kind::string_offset) &&
           read_count(path, value, at, region_kind::actual_count) &&
           fail(error_code::internal_error, at, path, "a string header was both cut off and whole");
  }

  bool read_pointer(const field_path& path, std::uint64_t& id) {
    const std::size_t at = in_.aligned(ps);
    if (!in_.fits_at(at, ps)) return fail(error_code::truncated, clamp(at), path, "the pointer does not fit");
    pad_region(path, at);
    const std::uint64_t raw = in_.template load_at<std::uint64_t, ps, F::byte_order>(at);
    if constexpr (Sink::wants_regions) sink_.region(region_kind::referent_id, path, at, ps);
    in_.seek(at + ps);
    id = raw & F::referent_mask;
    return referent_fits(raw, at, path);
  }

  // NDR64: an id above 0xFFFFFFFF (see ndr64_format) is refused when strict;
  // lenient decoding warns and goes on with its low half.
  bool referent_fits(std::uint64_t raw, std::size_t at, const field_path& path) {
    if constexpr (wide_ids) {
      if (raw >> 32 != 0) [[unlikely]] return checks_.wide_referent(raw, at, path);
    } else {
      (void)raw, (void)at, (void)path;
    }
    return true;
  }
  // The pointer fields of a Record's flat part at `at`, in member order.
  template <class Record>
  [[gnu::cold, gnu::noinline]] bool record_referents_fit(std::size_t at, const field_path& path) {
    constexpr const auto& l = layout_in<F, Record>;
    for (const record_field f : pointer_fields_of<Record>) {
      const std::uint64_t raw = in_.template load_at<std::uint64_t, ps, F::byte_order>(at + l[f].offset);
      if (!referent_fits(raw, at + l[f].offset, path.at(f))) return false;
    }
    return true;
  }

  bool read_count(const field_path& path, std::uint64_t& value, std::size_t& at,
                  region_kind kind = region_kind::max_count) {
    at = in_.aligned(cs);
    if (!in_.fits_at(at, cs)) return fail(error_code::truncated, clamp(at), path, "the count does not fit");
    pad_region(path, at);
    value = in_.template load_at<std::uint64_t, cs, F::byte_order>(at);
    if constexpr (Sink::wants_regions) sink_.region(kind, path, at, cs);
    in_.seek(at + cs);
    return true;
  }

  // Names the first field of Record's flat part that does not fit.
  template <class Record>
  bool truncated_record(const field_path& path, std::size_t at) {
    constexpr const auto& l = layout_in<F, Record>;
    if (at <= in_.size()) {
      const std::size_t available = in_.size() - at;
      for (std::size_t i = 0; i < slot_count<Record>; ++i) {
        const field_slot s = l.fields[i];
        if (s.size != 0 && std::size_t{s.offset} + s.size > available) {
          if constexpr (Sink::wants_regions) {  // dissection shows the fields that did arrive
            pad_region(path, at);
            report_flat_regions(sink_, l, path, at, s.offset < available ? s.offset : available, i);
          }
          // The field may start past the end when the padding before it is cut off.
          return fail(error_code::truncated, clamp(at + s.offset), path.at(static_cast<record_field>(i)),
                      "the record is cut off");
        }
      }
    }
    return fail(error_code::truncated, in_.size(), path.at(record_field{}),
                "the record is cut off");
  }

  // Each record's walk is a chain of dependent loads (every string's counts
  // say where the next one starts): asking for every line of the input a
  // little ahead keeps that chain from waiting on memory when the input is
  // not in cache. The hardware's own prefetcher stops at each 4 KiB page.
  void prefetch_ahead(std::size_t at) noexcept {
    constexpr std::size_t distance = 2048;
    constexpr std::size_t line = 64;
    const std::size_t until = at + distance < in_.size() ? at + distance : in_.size();
    if (prefetched_ < at) prefetched_ = at;
    for (; prefetched_ < until; prefetched_ += line) __builtin_prefetch(in_.data() + prefetched_);
  }

  // Alignment padding between the current position and `to`.
  void pad_region(const field_path& path, std::size_t to) { gap_region(path, in_.position(), to); }
  void gap_region(const field_path& path, std::size_t from, std::size_t to) {
    if constexpr (Sink::wants_regions) {
      if (to > from) sink_.region(region_kind::padding, path, from, to - from);
    } else {
      (void)path, (void)from, (void)to;
    }
  }

  [[nodiscard]] std::size_t clamp(std::size_t at) const noexcept { return at < in_.size() ? at : in_.size(); }

  bool fail(error_code code, std::size_t at, const field_path& path, std::string message) {
    return checks_.fail(code, at, path, std::move(message));
  }
  bool soft(error_code code, std::size_t at, const field_path& path, std::string message) {
    return checks_.soft(code, at, path, std::move(message));
  }
  bool charge(std::uint64_t bytes, std::size_t at, const field_path& path) { return checks_.charge(bytes, at, path); }
  bool charge(std::uint64_t bytes, std::size_t at, const field_path& base, record_field leaf) {
    return checks_.charge(bytes, at, base, leaf);
  }

  byte_reader in_;
  std::uint64_t max_string_units_;  // the option, where the hot path reads it
  std::size_t prefetched_ = 0;  // prefetch_ahead() has asked for the input up to here
  walk_checks checks_;
  Sink& sink_;
};

}  // namespace dhcpm::detail
