// dissect_call: the stub walk (stub_walk.hpp) with a consumer that names
// every byte. The stub's own bytes (DWORDs, the ServerIpAddress string, the
// padding between parameters) are named here; a record parameter's regions
// are the record dissection's, moved to the record's offset and path. The
// regions tile [0, consumed) as dissect()'s do.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "call/stub_walk.hpp"
#include "dhcpm/call.hpp"
#include "dissect/region_text.hpp"
#include "drive/prefix.hpp"

namespace dhcpm {
namespace detail {
namespace {

class stub_dissecting {
 public:
  stub_dissecting(byte_span input, layout wire, const region_callback& on_region) noexcept
      : input_(input), order_(wire == layout::ndr20be ? order::big : order::little), on_region_(on_region) {}

  void region(dhcpm::region_kind kind, const param_info& p, std::size_t at, std::size_t length, std::uint64_t number) {
    dhcpm::region r{.offset = at, .length = length, .kind = kind, .path = std::string(p.name), .parameter = p.name};
    switch (kind) {
      case dhcpm::region_kind::field:
        r.number = number;
        r.value = meaning_text(p.meaning, field_kind::u32, number);
        break;
      case dhcpm::region_kind::return_value:
        r.number = number;
        r.value = return_value_text(static_cast<std::uint32_t>(number));
        break;
      case dhcpm::region_kind::referent_id:
        r.number = number;
        r.value = pointer_text(number, length, 0xFFFFFFFFu);
        break;
      case dhcpm::region_kind::max_count:
      case dhcpm::region_kind::string_offset:
      case dhcpm::region_kind::actual_count:
        r.number = number;
        r.value = std::to_string(number);
        break;
      case dhcpm::region_kind::string_units: r.value = string_text(input_.subspan(at, length), order_); break;
      default: break;
    }
    put(r);
  }
  void dword(std::size_t, std::uint32_t) noexcept {}
  void string(std::size_t, const std::uint8_t*, std::size_t, order) noexcept {}
  void null_string(std::size_t) noexcept {}
  void trailing(std::size_t at, std::size_t length) {
    dhcpm::region r{.offset = at, .length = length, .kind = dhcpm::region_kind::trailing};
    put(r);
  }

  std::optional<error> record(std::size_t, const param_info& p, byte_span rest, std::size_t base,
                              const wire_format& format, const decode_options& options, std::vector<error>& warnings,
                              std::size_t& end) {
    dissect_summary got = dissect_prefix(rest, p.type, format, options, [&](const dhcpm::region& inner) {
      dhcpm::region r = inner;
      in_stub(r, p, base);
      put(r);
    });
    for (error& e : got.warnings) {
      if (warnings.size() < options.max_warnings) warnings.push_back(in_stub(std::move(e), p, base));
    }
    if (got.stopped) return in_stub(std::move(*got.stopped), p, base);
    end = got.consumed;
    return std::nullopt;
  }

  [[nodiscard]] std::size_t consumed() const noexcept { return end_; }

 private:
  void put(const dhcpm::region& r) {
    end_ = r.offset + r.length;
    if (on_region_) on_region_(r);
  }

  byte_span input_;
  order order_;
  const region_callback& on_region_;
  std::size_t end_ = 0;
};

}  // namespace
}  // namespace detail

dissect_summary dissect_call(byte_span input, call_stub_type type, layout wire, const decode_options& options,
                             const region_callback& on_region) {
  dissect_summary summary;
  summary.wire = wire;
  if (std::optional<error> refused = detail::check_stub_layout(wire)) {
    summary.stopped = std::move(refused);
    return summary;
  }
  detail::stub_dissecting consumer(input, wire, on_region);
  error failure;
  if (!detail::walk_call_stub(input, type, wire, options, summary.warnings, failure, consumer)) {
    summary.stopped = std::move(failure);
  }
  summary.consumed = consumer.consumed();
  return summary;
}

dissection dissect_call(byte_span input, call_stub_type type, layout wire, const decode_options& options) {
  dissection out;
  static_cast<dissect_summary&>(out) =
      dissect_call(input, type, wire, options, [&out](const region& r) { out.regions.push_back(r); });
  return out;
}

}  // namespace dhcpm
