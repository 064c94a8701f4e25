#include "dissect/region_output.hpp"

#include <algorithm>
#include <utility>

namespace dhcpm::detail {

void region_stream::put(region&& r) {
  if (!fault_.empty()) return;  // after a fault nothing more can be trusted to tile
  if (r.offset != end_) {
    fault_ = "region " + r.path + " at " + std::to_string(r.offset) + " does not start where the previous one ends (" +
             std::to_string(end_) + ")";
    fault_offset_ = r.offset;
    return;
  }
  end_ = r.offset + r.length;
  on_region_(r);
}

void tile_image(std::vector<region>& regions, std::size_t image_size) {
  // Stable: of two regions at one offset, the one walked first keeps its bytes.
  std::stable_sort(regions.begin(), regions.end(),
                   [](const region& a, const region& b) { return a.offset < b.offset; });
  std::vector<region> tiled;
  tiled.reserve(regions.size());
  std::size_t end = 0;
  const auto unreferenced = [&](std::size_t to) {
    if (to > end) tiled.push_back(region{.offset = end, .length = to - end, .kind = dhcpm::region_kind::unreferenced});
  };
  for (region& r : regions) {
    const std::size_t r_end = r.offset + r.length;
    if (r_end <= end) continue;  // wholly explained already
    if (r.offset < end) {
      r.length = r_end - end;
      r.offset = end;
    }
    unreferenced(r.offset);
    end = r_end;
    tiled.push_back(std::move(r));
  }
  unreferenced(image_size);
  regions = std::move(tiled);
}

}  // namespace dhcpm::detail
