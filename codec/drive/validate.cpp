// validate: the walk of decoding with a sink that builds nothing. Every check
// and the decode budget are the walker's, so validate accepts exactly what
// decode accepts, with the same errors, offsets and paths — and only reads
// what finding the next item needs (the pointers and counts, not the scalars).
#include "dhcpm/codec.hpp"

#include "drive/parallel_walk.hpp"
#include "drive/prefix.hpp"
#include "drive/walk_driver.hpp"
#include "sink/null_sink.hpp"

namespace dhcpm {
namespace {

struct validation {
  detail::null_sink nothing;
  template <class F>
  detail::null_sink& sink(F /*format*/) noexcept {
    return nothing;
  }
  void value_begin(std::size_t /*index*/, std::size_t /*at*/, std::size_t /*bytes*/) noexcept {}
  void pointer(bool /*present*/) noexcept {}
  void value_end(std::size_t /*end*/, std::size_t /*limit*/) noexcept {}
};

result<std::vector<error>> validate_walk(byte_span input, value_type type, const wire_format& format,
                                         const decode_options& options, detail::walk_result& out) {
  if (std::optional<error> refused = check_format(type, format, false)) return std::move(*refused);
  validation consumer;
  const bool ok = with_record_type(type, [&](auto t) {
    using record = typename decltype(t)::type;
    // A clean pass on several threads is the whole answer; anything else is
    // walked on one, which says exactly what is wrong.
    if (!out.prefix && detail::validated_in_parallel<record>(input, format, options)) return true;
    return detail::drive_walk<record>(input, format, options, out, consumer);
  });
  if (!ok) return std::move(*out.failure);
  return std::move(out.warnings);
}

}  // namespace

result<std::vector<error>> validate(byte_span input, value_type type, const wire_format& format,
                                    const decode_options& options) {
  detail::walk_result out;
  return validate_walk(input, type, format, options, out);
}

namespace detail {
result<std::vector<error>> validate_prefix(byte_span input, value_type type, const wire_format& format,
                                           const decode_options& options, std::size_t& end) {
  walk_result out;
  out.prefix = true;
  result<std::vector<error>> warnings = validate_walk(input, type, format, options, out);
  end = out.end;
  return warnings;
}
}  // namespace detail

}  // namespace dhcpm
