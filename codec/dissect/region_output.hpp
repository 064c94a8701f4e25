// Where dissection's regions go once the sink has named them. The public
// promise is that regions arrive in offset order and tile [0, consumed)
// exactly once; region_stream enforces it on the way out (a violation is a
// bug in a walker, reported as internal_error, never passed on), and
// tile_image puts the regions of a native image — walked by following
// pointers, so in no particular order — into that shape first.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dhcpm/dissect.hpp"

namespace dhcpm::detail {

class region_output {
 public:
  virtual void put(region&& r) = 0;

 protected:
  ~region_output() = default;
};

// Hands each region to the caller's callback after checking that it starts
// where the previous one ended.
class region_stream final : public region_output {
 public:
  explicit region_stream(const region_callback& on_region) noexcept : on_region_(on_region) {}

  void put(region&& r) override;

  // Where the regions passed on so far end: the bytes consumed.
  [[nodiscard]] std::size_t end() const noexcept { return end_; }
  // Set when a region did not start where the previous one ended.
  [[nodiscard]] const std::string& fault() const noexcept { return fault_; }
  [[nodiscard]] std::size_t fault_offset() const noexcept { return fault_offset_; }

 private:
  const region_callback& on_region_;
  std::size_t end_ = 0;
  std::string fault_;
  std::size_t fault_offset_ = 0;
};

// Keeps every region, to be tiled afterwards.
class region_collector final : public region_output {
 public:
  void put(region&& r) override { regions.push_back(std::move(r)); }
  std::vector<region> regions;
};

// Sorts the regions of a native image by offset and makes them tile
// [0, image_size): a region the walk reached earlier keeps its bytes (a
// pointee many pointers share is shown once, under the first path), a later
// overlapping region is cut to the bytes not yet explained, and every gap
// becomes an `unreferenced` region.
void tile_image(std::vector<region>& regions, std::size_t image_size);

}  // namespace dhcpm::detail
