#include "dissect/dissecting.hpp"

#include <utility>

#include "dissect/pickle_regions.hpp"

namespace dhcpm::detail {

void dissecting::value_begin(std::size_t index, std::size_t at, std::size_t /*bytes*/) {
  value_index_ = static_cast<std::uint32_t>(index);
  if (stream_ != nullptr) put_private_header_regions(input_, *stream_, at - stream_->private_header_size, value_index_, out_);
  sink_->start_value(value_index_);
}

void dissecting::value_end(std::size_t end, std::size_t limit) {
  end_ = end;
  if (stream_ == nullptr) return;
  // What follows the value in its body is padding (walk_pickled checks it next).
  finish_sink();
  if (limit > end) {
    out_.put(region{.offset = end,
                    .length = limit - end,
                    .kind = dhcpm::region_kind::padding,
                    .path = value_prefix(value_index_),
                    .value_index = value_index_});
  }
}

void dissecting::finish(bool walked) {
  finish_sink();
  if (native_) {
    tile_image(collected_.regions, input_.size());
    for (region& r : collected_.regions) out_.put(std::move(r));
  } else if (walked && stream_ == nullptr && !prefix_ && end_ < input_.size()) {  // lenient: trailing bytes were a warning
    out_.put(region{.offset = end_, .length = input_.size() - end_, .kind = dhcpm::region_kind::trailing});
  }
}

void dissecting::finish_sink() {
  if (!sink_) return;
  sink_->finish();
  out_of_bounds_ = out_of_bounds_ || sink_->out_of_bounds();
}

}  // namespace dhcpm::detail
