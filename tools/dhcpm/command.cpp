#include "command.hpp"

#include <array>
#include <charconv>
#include <system_error>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "dhcpm/dissect.hpp"
#include "exit_code.hpp"

namespace dhcpm::cli {
namespace {

// Every layout the library knows, spelled by dhcpm::to_string so that the CLI
// and the library cannot disagree on a name.
constexpr std::array all_framings{framing::bare, framing::ptr, framing::response};

template <class Range>
std::vector<std::string> names_of(const Range& values) {
  std::vector<std::string> names;
  for (const auto v : values) names.emplace_back(to_string(v));
  return names;
}

// The --layout value that asks for detection.
constexpr std::string_view auto_layout = "auto";

// Holds the option strings until parsing is complete.
struct selection_text {
  std::string layout_name;
  std::string type_name = "client";
  std::string framing_name{to_string(framing::bare)};
  std::string call_name;
  std::string direction_name;
};

void print_line(std::FILE* stream, const std::string& line) {
  std::fputs(line.c_str(), stream);
  std::fputc('\n', stream);
  std::fflush(stream);
}

}  // namespace

std::function<void()> add_selection_options(CLI::App& command, value_selection& selection, layout_choice choice) {
  auto text = std::make_shared<selection_text>();
  if (choice == layout_choice::required) {
    command.add_option("--layout", text->layout_name, "Wire layout")
        ->required()
        ->check(CLI::IsMember(layout_names()))
        ->type_name("LAYOUT");
  } else {
    std::vector<std::string> names = layout_names();
    names.emplace_back(auto_layout);
    text->layout_name = auto_layout;
    command
        .add_option("--layout", text->layout_name,
                    "Wire layout; auto recognises type-serialized (pickle) input by its header")
        ->check(CLI::IsMember(names))
        ->capture_default_str()
        ->type_name("LAYOUT");
  }
  command.add_option("--type", text->type_name, value_type_help)
      ->check(CLI::IsMember(value_type_names()))
      ->capture_default_str()
      ->type_name("TYPE");
  command
      .add_option("--framing", text->framing_name,
                  "bare value, unique pointer to it, or opnum 98 response stub (client only)")
      ->check(CLI::IsMember(names_of(all_framings)))
      ->capture_default_str()
      ->type_name("FRAMING");

  CLI::Option* call = add_call_options(command, text->call_name, text->direction_name);
  call->excludes("--type");
  call->excludes("--framing");

  return [text, &selection] {
    if (!text->call_name.empty()) {
      // The IsMember checks admit only names of call_table and the two directions.
      selection.call = call_stub_type{*find_call(text->call_name), *parse_direction(text->direction_name)};
      if (text->layout_name == auto_layout || !is_ndr(*parse_layout(text->layout_name))) {
        throw CLI::ValidationError("--call", "a call's stub data is NDR: name its layout with --layout "
                                             "ndr20, ndr20be or ndr64");
      }
    }
    selection.detect_layout = text->layout_name == auto_layout;
    const std::optional<layout> wire = selection.detect_layout ? layout::pickle : parse_layout(text->layout_name);
    const std::optional<framing> frame = parse_framing(text->framing_name);
    // The IsMember checks admit only names that dhcpm::to_string produced.
    if (!wire) throw CLI::ValidationError("--layout", "unknown layout " + text->layout_name);
    if (!frame) throw CLI::ValidationError("--framing", "unknown framing " + text->framing_name);
    selection.wire = *wire;
    selection.frame = *frame;
    selection.type = parse_value_type(text->type_name).value_or(value_type::client);
    // Detection recognises only type serialization, which carries bare values.
    if (selection.detect_layout && selection.frame != framing::bare) {
      throw CLI::ValidationError("--framing " + text->framing_name,
                                 "name the layout with --layout: only NDR layouts carry framings, and only "
                                 "type-serialized input is recognised without one");
    }
    if (!is_ndr(selection.wire) && selection.frame != framing::bare) {
      throw CLI::ValidationError("--framing " + text->framing_name,
                                 "layout " + text->layout_name + " carries bare values only");
    }
    if (selection.type == value_type::array && selection.frame == framing::response) {
      throw CLI::ValidationError("--framing response",
                                 "the opnum 98 response carries one client record; use --type client");
    }
    // The library's rule for every other pair (the _EX exists only in memory images).
    if (!selection.detect_layout) {
      const wire_format format{.wire = selection.wire, .frame = selection.frame};
      if (std::optional<error> refused = check_format(selection.type, format, false)) {
        throw CLI::ValidationError("--type " + text->type_name, refused->message);
      }
    }
  };
}

std::vector<std::string> layout_names() { return names_of(all_layouts); }
CLI::Option* add_call_options(CLI::App& command, std::string& call_name, std::string& direction_name) {
  CLI::Option* call = command.add_option("--call", call_name,
                                         "A call's stub data instead of a record: the IDL method name "
                                         "(R_DhcpV4EnumSubnetClients, ...); NDR layouts")
                          ->check(CLI::IsMember(call_names()))
                          ->type_name("METHOD");
  CLI::Option* dir = command.add_option("--direction", direction_name, "With --call: request or response")
                         ->check(CLI::IsMember({"request", "response"}))
                         ->type_name("DIRECTION");
  call->needs(dir);
  dir->needs(call);
  return call;
}

std::vector<std::string> call_names() {
  std::vector<std::string> names;
  for (const call_info& c : call_table) names.emplace_back(c.method);
  return names;
}
std::vector<std::string> value_type_names() { return names_of(all_value_types); }

namespace {

std::optional<std::uint64_t> address_value(const std::string& text) {
  const bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  const char* first = text.data() + (hex ? 2 : 0);
  const char* last = text.data() + text.size();
  std::uint64_t value = 0;
  const auto [stop, status] = std::from_chars(first, last, value, hex ? 16 : 10);
  if (first == last || status != std::errc{} || stop != last) return std::nullopt;
  return value;
}

}  // namespace

CLI::Validator address_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (!address_value(text)) return "expected an address (0x-prefixed hex or decimal), got '" + text + "'";
        return {};
      },
      "ADDR");
}

std::uint64_t parse_address(const std::string& text) { return address_value(text).value_or(0); }

CLI::Validator unsigned_decimal(std::uint64_t max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, status] = std::from_chars(text.data(), end, value);
        if (text.empty() || status != std::errc{} || stop != end) {
          return "expected a decimal number up to " + std::to_string(max) + ", got '" + text + "'";
        }
        if (value > max) return text + " is larger than " + std::to_string(max);
        text = std::to_string(value);  // canonical for the conversion that follows
        return {};
      },
      "");
}

int report(const error& e) {
  print_line(stderr, "error: " + format_error(e));
  return e.code == error_code::internal_error ? exit_code::internal : exit_code::malformed_input;
}

int report(const io_error& e) {
  print_line(stderr, "error: " + format_io_error(e));
  return exit_code::io;
}

void warn(const error& w) { print_line(stderr, "warning: " + format_error(w)); }

int report_usage(const std::string& message, std::string_view command) {
  print_line(stderr, "error: usage: " + message + " (see dhcpm " + std::string(command) + " --help)");
  return exit_code::usage;
}

std::optional<layout> resolve_layout(const value_selection& selection, std::span<const std::uint8_t> input,
                                     std::string_view command, int& exit) {
  if (!selection.detect_layout) return selection.wire;
  if (const std::optional<layout> detected = detect_layout(input)) return detected;
  exit = report_usage("no --layout given and the input does not start with a type serialization header; "
                      "name its layout with --layout",
                      command);
  return std::nullopt;
}

}  // namespace dhcpm::cli
