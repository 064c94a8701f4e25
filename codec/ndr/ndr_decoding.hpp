// One decode in progress: the walker over some bytes with the value-building
// sink attached. Shared by every framing and by type serialization, which
// decodes one such value per pickled body.
#pragma once

#include <cstdint>
#include <vector>

#include "dhcpm/client_info.hpp"
#include "dhcpm/options.hpp"
#include "ndr/ndr_walker.hpp"
#include "ndr/value_builder.hpp"

namespace dhcpm::detail {

template <class F>
struct ndr_decoding {
  using builder = value_builder<F::byte_order>;
  builder sink;
  std::vector<error> warnings;
  ndr_walker<F, builder> walker;

  ndr_decoding(byte_reader input, const decode_options& options) : walker(input, options, sink, warnings) {
    sink.string_storage_hint(input.remaining() / 2);  // every unit takes two input bytes
    sink.use_cache(options.cache);
  }

  // The value as a top-level parameter: a record or an _ARRAY.
  [[nodiscard]] bool top_value(client_info& value, const field_path& path) {
    sink.target(&value);
    return walker.top_record(path);
  }
  [[nodiscard]] bool top_value(client_info_array& value, const field_path& path) {
    sink.target(&value);
    return walker.top_array(path);
  }
};

}  // namespace dhcpm::detail
