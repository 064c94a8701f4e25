// `dhcpm decode`: bytes in, the value as JSON out.
#include <charconv>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <variant>

#include "command.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/native.hpp"
#include "dhcpm/pickle.hpp"
#include "exit_code.hpp"

namespace dhcpm::cli {
namespace {

struct decode_request {
  value_selection selection;
  bool lenient = false;
  bool all = false;  // every value of a pickled buffer, as a JSON list
  std::string base;  // native images: virtual address of the first byte
  std::string at;    // native images: address of the value (default: the base)
  decode_options options;
  std::string input_path{standard_stream};
};

// CLI11 reads integers with strtoull in base 0 ("010" is eight, "-1" wraps),
// so the limits are checked here: plain decimal digits, at most `max`.
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

template <class T>
int print_decoded(const result<decoded<T>>& outcome) {
  if (!outcome) return report(outcome.error_value());
  for (const error& warning : outcome->warnings) warn(warning);
  std::string text = to_json(outcome->value);
  text += '\n';
  const auto written = write_all(std::string(standard_stream), as_byte_span(text));
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

template <class T>
int print_all(const result<decoded_values<T>>& outcome) {
  if (!outcome) return report(outcome.error_value());
  for (const error& warning : outcome->warnings) warn(warning);
  std::string text = to_json(std::span<const T>(outcome->values));
  text += '\n';
  const auto written = write_all(std::string(standard_stream), as_byte_span(text));
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

int run_decode(const decode_request& request) {
  auto input = read_all(request.input_path);
  if (const io_error* failure = std::get_if<io_error>(&input)) return report(*failure);
  const byte_span bytes_in(std::get<std::vector<std::uint8_t>>(input));

  decode_options options = request.options;
  options.strict = !request.lenient;
  const value_selection& s = request.selection;

  if (is_native(s.wire)) {
    const std::uint64_t base = request.base.empty() ? default_image_base : parse_address(request.base);
    const std::uint64_t at = request.at.empty() ? base : parse_address(request.at);
    const native_image image{bytes_in, base};
    return s.type == value_type::client ? print_decoded(decode_native_client(image, at, s.wire, options))
                                        : print_decoded(decode_native_array(image, at, s.wire, options));
  }
  if (request.all) {
    const std::optional<pickle_kind> kind = pickle_kind_of(s.wire);
    return s.type == value_type::client ? print_all(decode_pickled_clients(bytes_in, kind, options))
                                        : print_all(decode_pickled_arrays(bytes_in, kind, options));
  }
  if (s.type == value_type::client) {
    switch (s.frame) {
      case framing::bare:
        return print_decoded(decode_client(bytes_in, s.wire, options));
      case framing::ptr:
        return print_decoded(decode_client_ptr(bytes_in, s.wire, options));
      case framing::response:
        return print_decoded(decode_response(bytes_in, s.wire, options));
    }
  } else {
    switch (s.frame) {
      case framing::bare:
        return print_decoded(decode_array(bytes_in, s.wire, options));
      case framing::ptr:
        return print_decoded(decode_array_ptr(bytes_in, s.wire, options));
      case framing::response:
        break;  // refused while parsing the command line
    }
  }
  return report(error{error_code::internal_error, 0, "", "unhandled --type/--framing combination"});
}

}  // namespace

void add_decode_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<decode_request>();
  CLI::App* command = app.add_subcommand("decode", "Decode bytes (NDR, pickled or a memory image) and print the value as JSON");
  auto finish_selection = add_selection_options(*command, request->selection);

  command->add_flag("--all", request->all,
                    "Decode every value of a pickled buffer and print them as a JSON list (pickle layouts only)");
  command->add_option("--base", request->base, "x64/x86 images: virtual address of the file's first byte (0x10000)")
      ->check(address_validator());
  command->add_option("--at", request->at, "x64/x86 images: virtual address of the value (default: the base)")
      ->check(address_validator());
  command->add_flag("--lenient", request->lenient,
                    "Keep going where the bytes still parse; report each problem as a warning on stderr");
  command
      ->add_option("--max-elements", request->options.max_elements, "Most array elements accepted")
      ->check(unsigned_decimal(std::numeric_limits<std::uint32_t>::max()))
      ->capture_default_str()
      ->type_name("N");
  command
      ->add_option("--max-string-units", request->options.max_string_units,
                   "Most UTF-16 units in one string, terminator included")
      ->check(unsigned_decimal(std::numeric_limits<std::uint32_t>::max()))
      ->capture_default_str()
      ->type_name("N");
  command
      ->add_option("--max-decoded-bytes", request->options.max_decoded_bytes,
                   "Most bytes of memory the decoded value may take")
      ->check(unsigned_decimal(std::numeric_limits<std::uint64_t>::max()))
      ->capture_default_str()
      ->type_name("N");
  command->add_option("file", request->input_path, "NDR bytes to decode; - reads stdin")
      ->capture_default_str()
      ->type_name("FILE");

  command->callback([request, finish_selection, &run] {
    finish_selection();
    if ((!request->base.empty() || !request->at.empty()) && !is_native(request->selection.wire)) {
      throw CLI::ValidationError("--base/--at", "only x64 and x86 images have addresses");
    }
    if (request->all && !is_pickle(request->selection.wire)) {
      throw CLI::ValidationError("--all", "only type-serialized (pickle) input holds several values");
    }
    run = [request] { return run_decode(*request); };
  });
}

}  // namespace dhcpm::cli
