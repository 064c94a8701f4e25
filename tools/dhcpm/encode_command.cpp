// `dhcpm encode`: JSON in, canonical NDR bytes out.
#include <memory>
#include <string>
#include <variant>

#include "command.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"
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
template <class T>
int encode_and_write(const result<T>& parsed, const wire_format& format, const encode_request& request) {
  if (!parsed) return report(parsed.error_value());
  const result<bytes> encoded = encode(parsed.value(), format);
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
  if (s.call) {
    const result<call_stub> stub = call_from_json(*s.call, json);
    if (!stub) return report(stub.error_value());
    const result<bytes> encoded = encode_call(*stub, s.wire);
    if (!encoded) return report(encoded.error_value());
    const auto written = write_all(request.output_path, encoded.value());
    if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
    return exit_code::success;
  }
  const wire_format format{.wire = s.wire,
                           .frame = s.frame,
                           .base = request.base.empty() ? default_image_base : parse_address(request.base),
                           .all = request.all};
  return with_record_type(s.type, [&](auto record) {
    return with_framed_value<typename decltype(record)::type>(format, [&](auto value) {
      return encode_and_write(from_json<typename decltype(value)::type>(json), format, request);
    });
  });
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
    if (request->all && !is_pickle(request->selection.wire)) {  // layout::pickle was refused above
      throw CLI::ValidationError("--all", "needs one of pickle-ndr20, pickle-ndr20be, pickle-ndr64, pickle2-ndr20");
    }
    run = [request] { return run_encode(*request); };
  });
}

}  // namespace dhcpm::cli
