// The annotated hex dump of `dhcpm dissect`: one line per 16 bytes of each
// region, the first carrying the region's kind, path and value, like the byte
// pane of a protocol analyzer. Lines starting with '#' are commentary.
#include <cstdio>
#include <string>

#include "dhcpm/error.hpp"
#include "dissect_printer.hpp"

namespace dhcpm::cli {
namespace {

constexpr std::size_t bytes_per_line = 16;
constexpr std::size_t hex_width = bytes_per_line * 3 - 1;
constexpr std::size_t kind_width = 14;

std::string offset_column(std::size_t offset) {
  char text[24];
  std::snprintf(text, sizeof text, "%08zx", offset);
  return text;
}

std::string hex_column(std::span<const std::uint8_t> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t b : bytes) {
    if (!out.empty()) out += ' ';
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  out.resize(hex_width, ' ');
  return out;
}

// "OwnerHost.HostName = \"dhcp01.corp.contoso.com\"", or the path alone when
// there is no value. A value of the whole (the top-level referent id) is
// `(value)`, as in error lines; padding between top-level parts has no path.
std::string annotation(const region& r) {
  if (r.value.empty()) return r.path;
  return (r.path.empty() ? "(value)" : r.path) + " = " + r.value;
}

class text_printer final : public dissect_printer {
 public:
  text_printer(std::span<const std::uint8_t> input, const dissect_heading& heading, stdout_writer& out)
      : input_(input), out_(out) {
    const std::string subject =
        heading.call ? std::string(heading.call->info().method) + ", " + std::string(to_string(heading.call->dir))
                     : std::string(to_string(heading.type)) + ", " + std::string(to_string(heading.frame));
    out_.write("# dhcpm dissect: " + heading.layout_name + ", " + subject + ", " + std::to_string(heading.size) +
               " bytes\n");
    out_.write("# offset  bytes" + std::string(hex_width - 5 + 2, ' ') + "kind" + std::string(kind_width - 4, ' ') +
               "path = value\n");
  }

  void region(const dhcpm::region& r) override {
    lines(r.offset, r.length, std::string(to_string(r.kind)), annotation(r));
  }

  void finish(const dissect_summary& summary) override {
    // What the walk did not reach is shown too: an analyzer wants every byte.
    if (summary.consumed < input_.size()) {
      lines(summary.consumed, input_.size() - summary.consumed, "(not parsed)", {});
    }
    std::string end = "# " + std::string(to_string(summary.wire)) + ": " + std::to_string(summary.consumed) + " of " +
                      std::to_string(input_.size()) + " bytes dissected";
    if (!summary.warnings.empty()) end += ", " + std::to_string(summary.warnings.size()) + " warning(s)";
    out_.write(end + "\n");
    if (summary.stopped) out_.write("# stopped: " + format_error(*summary.stopped) + "\n");
  }

 private:
  void lines(std::size_t offset, std::size_t length, const std::string& kind, const std::string& note) {
    for (std::size_t done = 0; done < length; done += bytes_per_line) {
      const std::size_t n = length - done < bytes_per_line ? length - done : bytes_per_line;
      std::string line = offset_column(offset + done) + "  " + hex_column(input_.subspan(offset + done, n));
      if (done == 0) {
        line += "  " + kind;
        if (!note.empty()) {
          line.resize(line.size() + (kind.size() < kind_width ? kind_width - kind.size() : 1), ' ');
          line += note;
        }
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out_.write(line + "\n");
    }
  }

  std::span<const std::uint8_t> input_;
  stdout_writer& out_;
};

}  // namespace

std::unique_ptr<dissect_printer> make_text_printer(std::span<const std::uint8_t> input, const dissect_heading& heading,
                                                   stdout_writer& out) {
  return std::make_unique<text_printer>(input, heading, out);
}

}  // namespace dhcpm::cli
