// The JSON form of `dhcpm dissect`: one object, its regions one per line so
// that line tools work on it too:
//   {"type": ..., "framing": ..., "size": N, "regions": [
//   {"offset": 0, "length": 4, "kind": "field", "path": "ClientIpAddress", "value": "10.0.0.5", "raw": "0500000a"},
//   ...],
//   "layout": "ndr20", "consumed": N, "warnings": [...], "stopped": null or an error}
#include <nlohmann/json.hpp>

#include "dhcpm/error.hpp"
#include "dissect_printer.hpp"

namespace dhcpm::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string hex(std::span<const std::uint8_t> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes.size());
  for (const std::uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

ordered_json error_json(const error& e) {
  return ordered_json{{"code", std::string(to_string(e.code))},
                      {"offset", e.offset},
                      {"path", e.path},
                      {"message", e.message}};
}

// Region values are text of dhcpm's making; a string region holds a JSON
// literal that may carry unpaired surrogates as \u escapes: replace, never
// throw, if something is not UTF-8.
std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

class json_printer final : public dissect_printer {
 public:
  json_printer(std::span<const std::uint8_t> input, const dissect_heading& heading, stdout_writer& out)
      : input_(input), out_(out) {
    const ordered_json head =
        heading.call ? ordered_json{{"call", std::string(heading.call->info().method)},
                                    {"direction", std::string(to_string(heading.call->dir))},
                                    {"size", heading.size}}
                     : ordered_json{{"type", std::string(to_string(heading.type))},
                                    {"framing", std::string(to_string(heading.frame))},
                                    {"size", heading.size}};
    std::string text = dump(head);
    text.pop_back();  // the closing brace: the regions follow
    out_.write(text + ",\"regions\":[");
  }

  void region(const dhcpm::region& r) override {
    const ordered_json j{{"offset", r.offset},
                         {"length", r.length},
                         {"kind", std::string(to_string(r.kind))},
                         {"path", r.path},
                         {"value", r.value},
                         {"raw", hex(input_.subspan(r.offset, r.length))}};
    out_.write((first_ ? "\n" : ",\n") + dump(j));
    first_ = false;
  }

  void finish(const dissect_summary& summary) override {
    ordered_json warnings = ordered_json::array();
    for (const error& w : summary.warnings) warnings.push_back(error_json(w));
    const ordered_json tail{{"layout", std::string(to_string(summary.wire))},
                            {"consumed", summary.consumed},
                            {"warnings", std::move(warnings)},
                            {"stopped", summary.stopped ? error_json(*summary.stopped) : ordered_json(nullptr)}};
    std::string text = dump(tail);
    text.front() = ',';  // the opening brace: these members continue the object
    out_.write("\n]" + text + "\n");
  }

 private:
  std::span<const std::uint8_t> input_;
  stdout_writer& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<dissect_printer> make_json_printer(std::span<const std::uint8_t> input, const dissect_heading& heading,
                                                   stdout_writer& out) {
  return std::make_unique<json_printer>(input, heading, out);
}

}  // namespace dhcpm::cli
