// Structure-aware changes to a decoded value: fields, strings, Data, counts
// (elements added, removed, duplicated), NULL pointers — everything a byte
// mutator rarely gets right because a count and the bytes it counts must
// change together. Every change keeps the value encodable (DataLength equals
// the Data size when Data is present, NumElements the Clients size), so the
// encoder can write it back; a byte-level mutation on top then breaks the
// counts on purpose.
#pragma once

#include <cstdint>

#include "harness/value_shapes.hpp"
#include "support/generate.hpp"

namespace dhcpm::fuzz {

class value_mutator {
 public:
  // max_status: the largest Status the value's layout carries.
  value_mutator(unsigned seed, std::uint32_t max_status);

  // One to four changes.
  void mutate(any_value& value);
  // Moves a record, or some fields of one, from donor into value.
  void splice(any_value& value, const any_value& donor);
  // The same records in the form of another type and framing: a client
  // becomes a one-element array, an array its first record, and so on.
  [[nodiscard]] any_value reshape(const any_value& value, value_kind type, framing frame);

  [[nodiscard]] bool chance(unsigned percent) { return gen_.chance(percent); }
  [[nodiscard]] std::uint64_t uniform(std::uint64_t lo, std::uint64_t hi) { return gen_.uniform(lo, hi); }

 private:
  void change_array(client_info_array& a);
  void change_record(client_info& r);
  void change_scalar(client_info& r);
  void change_string(utf16_string& s);
  void change_data(binary_data& d);
  void splice_record(client_info& r, const client_info& donor);

  test::value_generator gen_;
};

// Makes a leniently decoded value encodable again (DataLength != Data size,
// NumElements != Clients size are what lenient decoding keeps and encoders
// refuse), so that it can be mutated and written back.
void make_encodable(any_value& value, std::uint32_t max_status);

}  // namespace dhcpm::fuzz
