// `dhcpm encode`: JSON in, canonical NDR bytes out.
#include <memory>
#include <span>
#include <type_traits>
#include <string>
#include <variant>

#include "command.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"
#include "dhcpm/native.hpp"
#include "dhcpm/pickle.hpp"
#include "exit_code.hpp"

namespace dhcpm::cli {
namespace {

struct encode_request {
  value_selection selection;
  std::string input_path{standard_stream};
  std::string output_path{standard_stream};
  bool all = false;  // a JSON list of values, written as one pickled buffer
  std::string base;  // native images: virtual address of the first byte
};

// Parse, encode, and only then open the output, so that bad input never
// truncates an existing file.
template <class T, class Encode>
int encode_and_write(const result<T>& parsed, Encode encode, const encode_request& request) {
  if (!parsed) return report(parsed.error_value());
  const result<bytes> encoded = encode(parsed.value(), request.selection.wire);
  if (!encoded) return report(encoded.error_value());
  const auto written = write_all(request.output_path, encoded.value());
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

int run_encode(const encode_request& request) {
  auto input = read_all(request.input_path);
  if (const io_error* failure = std::get_if<io_error>(&input)) return report(*failure);
  const std::string_view json = as_text(std::get<std::vector<std::uint8_t>>(input));
  const value_selection& s = request.selection;

  if (is_native(s.wire) && !request.base.empty()) {
    const std::uint64_t base = parse_address(request.base);
    const auto encode_at_base = [base](const auto& value, layout wire) { return encode_native(value, wire, base); };
    return s.type == value_type::client ? encode_and_write(client_from_json(json), encode_at_base, request)
                                        : encode_and_write(array_from_json(json), encode_at_base, request);
  }
  if (request.all) {
    const pickle_kind kind = *pickle_kind_of(s.wire);  // checked while parsing the command line
    const auto encode_list = [kind](const auto& values, layout) {
      using value_type_t = typename std::decay_t<decltype(values)>::value_type;
      return encode_pickled(std::span<const value_type_t>(values), kind);
    };
    return s.type == value_type::client ? encode_and_write(client_list_from_json(json), encode_list, request)
                                        : encode_and_write(array_list_from_json(json), encode_list, request);
  }
  if (s.type == value_type::client) {
    switch (s.frame) {
      case framing::bare:
        return encode_and_write(client_from_json(json), encode_client, request);
      case framing::ptr:
        return encode_and_write(optional_client_from_json(json), encode_client_ptr, request);
      case framing::response:
        return encode_and_write(response_from_json(json), encode_response, request);
    }
  } else {
    switch (s.frame) {
      case framing::bare:
        return encode_and_write(array_from_json(json), encode_array, request);
      case framing::ptr:
        return encode_and_write(optional_array_from_json(json), encode_array_ptr, request);
      case framing::response:
        break;  // refused while parsing the command line
    }
  }
  return report(error{error_code::internal_error, 0, "", "unhandled --type/--framing combination"});
}

}  // namespace

void add_encode_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<encode_request>();
  CLI::App* command = app.add_subcommand("encode", "Encode a JSON value as canonical bytes of a layout");
  auto finish_selection = add_selection_options(*command, request->selection);

  command->add_option("json_file", request->input_path, "JSON value to encode; - reads stdin")
      ->capture_default_str()
      ->type_name("JSON_FILE");
  command->add_option("-o,--output", request->output_path, "Where to write the bytes; - is stdout")
      ->capture_default_str()
      ->type_name("OUT");

  command->add_option("--base", request->base, "x64/x86 images: virtual address of the first byte (0x10000)")
      ->check(address_validator());
  command->add_flag("--all", request->all,
                    "Read a JSON list and write every value into one pickled buffer (explicit pickle layouts)");

  command->callback([request, finish_selection, &run] {
    finish_selection();
    if (!request->base.empty() && !is_native(request->selection.wire)) {
      throw CLI::ValidationError("--base", "only x64 and x86 images have addresses");
    }
    if (request->selection.wire == layout::pickle) {
      throw CLI::ValidationError("--layout pickle", "encoding needs pickle-ndr20, pickle-ndr20be, pickle-ndr64 or pickle2-ndr20");
    }
    if (request->all && !pickle_kind_of(request->selection.wire)) {
      throw CLI::ValidationError("--all", "needs one of pickle-ndr20, pickle-ndr20be, pickle-ndr64, pickle2-ndr20");
    }
    run = [request] { return run_encode(*request); };
  });
}

}  // namespace dhcpm::cli
