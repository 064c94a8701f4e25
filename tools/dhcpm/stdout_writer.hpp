// Output that is produced piece by piece (dissect's regions as the walk finds
// them), buffered and written to stdout through write_all, so a huge input
// never needs its whole output in memory. The first write error is kept with
// the offset counted from the start of the output.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "io.hpp"

namespace dhcpm::cli {

class stdout_writer {
 public:
  void write(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() >= flush_size) flush();
  }

  // Writes what is buffered; returns the first error of the whole output.
  [[nodiscard]] const std::optional<io_error>& finish() {
    flush();
    return failure_;
  }

 private:
  static constexpr std::size_t flush_size = 64 * 1024;

  void flush() {
    if (!failure_ && !buffer_.empty()) {
      const auto written = write_all(std::string(standard_stream), as_byte_span(buffer_));
      if (const io_error* e = std::get_if<io_error>(&written)) {
        failure_ = *e;
        failure_->offset += written_before_;
      }
      written_before_ += buffer_.size();
    }
    buffer_.clear();
  }

  std::string buffer_;
  std::size_t written_before_ = 0;
  std::optional<io_error> failure_;
};

}  // namespace dhcpm::cli
