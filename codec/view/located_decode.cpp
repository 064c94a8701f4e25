// decode_located: the NDR walker with the value-building sink over the bytes
// of one record that has been checked already.
#include "view/located_decode.hpp"

#include <cstdint>
#include <span>
#include <vector>

#include "dhcpm/client_family.hpp"
#include "layout/field_path.hpp"
#include "ndr/ndr_format.hpp"
#include "ndr/ndr_walker.hpp"
#include "sink/value_builder.hpp"

namespace dhcpm::detail {

template <class Record>
Record decode_located(const std::uint8_t* input, std::uint32_t flat, std::uint32_t end,
                      const record_format<Record>& format) {
  Record out;
  // The walk that located the record made the caller's checks; this one only
  // reads, so nothing it meets may stop it.
  decode_options options;
  options.strict = false;
  options.max_string_units = UINT32_MAX;
  options.max_elements = UINT32_MAX;
  options.max_decoded_bytes = UINT64_MAX;
  options.max_warnings = 0;
  std::vector<error> warnings;
  with_ndr_format(format.wire, [&](auto ndr) {
    using F = decltype(ndr);
    value_builder<F::byte_order, Record> sink;
    sink.target(&out);
    ndr_walker<F, decltype(sink)> walker(byte_reader(std::span<const std::uint8_t>(input, end), flat), options, sink,
                                         warnings);
    (void)walker.template top_record<Record>(root_path_of<Record>);
  });
  return out;
}

template dhcp_client_info_ex decode_located(const std::uint8_t*, std::uint32_t, std::uint32_t,
                                            const record_format<dhcp_client_info_ex>&);

}  // namespace dhcpm::detail
