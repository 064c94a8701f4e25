// `dhcpm convert`: bytes of one layout in, the same value in another layout
// out. The value goes through the owning decoder and the canonical encoder, so
// the output is canonical and a value the target cannot hold (a Status above
// 65535 into NDR 2.0) is refused with the encoder's error.
#include <memory>
#include <string>
#include <type_traits>
#include <variant>

#include "command.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/record_convert.hpp"
#include "exit_code.hpp"

namespace dhcpm::cli {
namespace {

struct convert_request {
  std::string from_name;
  std::string to_name;
  std::string type_name = "client";
  std::string to_type_name;  // empty: the same as type_name
  std::string input_path{standard_stream};
  std::string output_path{standard_stream};
  std::string base;      // source image: virtual address of its first byte
  std::string at;        // source image: address of the value
  std::string out_base;  // target image: virtual address of its first byte
  std::string call_name;       // --call: a call's stub data instead of a record
  std::string direction_name;  // --direction
};

// A call's stub data from one NDR layout to another.
int convert_call(byte_span bytes_in, const convert_request& request, layout from, layout to) {
  const call_stub_type type{*find_call(request.call_name), *parse_direction(request.direction_name)};
  const result<decoded<call_stub>> in = decode_call(bytes_in, type, from);
  if (!in) return report(in.error_value());
  const result<bytes> out = encode_call(in->value, to);
  if (!out) return report(out.error_value());
  const auto written = write_all(request.output_path, *out);
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

template <class To, class T>
int convert(const result<decoded<T>>& in, const wire_format& to, const std::string& output_path) {
  if (!in) return report(in.error_value());
  const result<To> value = convert_record<To>(in->value);
  if (!value) return report(value.error_value());
  const result<bytes> out = encode(*value, to);
  if (!out) return report(out.error_value());
  const auto written = write_all(output_path, *out);
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

int run_convert(const convert_request& request) {
  auto input = read_all(request.input_path);
  if (const io_error* failure = std::get_if<io_error>(&input)) return report(*failure);
  const byte_span bytes_in(std::get<std::vector<std::uint8_t>>(input));
  const layout from = *parse_layout(request.from_name);  // checked by IsMember
  const layout to = *parse_layout(request.to_name);
  const std::uint64_t base = request.base.empty() ? default_image_base : parse_address(request.base);
  const wire_format in{.wire = from, .base = base, .at = request.at.empty() ? base : parse_address(request.at)};
  const wire_format out{.wire = to,
                        .base = request.out_base.empty() ? default_image_base : parse_address(request.out_base)};
  if (!request.call_name.empty()) return convert_call(bytes_in, request, from, to);
  const value_type from_type = *parse_value_type(request.type_name);  // checked by IsMember
  const value_type to_type = request.to_type_name.empty() ? from_type : *parse_value_type(request.to_type_name);
  return with_record_type(from_type, [&]<class From>(std::type_identity<From>) {
    return with_record_type(to_type, [&]<class To>(std::type_identity<To>) {
      if constexpr (converts_to<To, From>) {
        return convert<To>(decode<From>(bytes_in, in), out, request.output_path);
      } else {
        return report_usage("--type " + request.type_name + " cannot become --to-type " + request.to_type_name +
                                ": only the failover record and its _EX convert to each other",
                            "convert");
      }
    });
  });
}

}  // namespace

void add_convert_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<convert_request>();
  CLI::App* command = app.add_subcommand("convert", "Convert a value from one layout to another (bare values)");
  command->add_option("--from", request->from_name, "Layout of the input")
      ->required()
      ->check(CLI::IsMember(layout_names()))
      ->type_name("LAYOUT");
  command->add_option("--to", request->to_name, "Layout of the output")
      ->required()
      ->check(CLI::IsMember(layout_names()))
      ->type_name("LAYOUT");
  command->add_option("--type", request->type_name, value_type_help)
      ->check(CLI::IsMember(value_type_names()))
      ->capture_default_str()
      ->type_name("TYPE");
  command->add_option("--to-type", request->to_type_name,
                      "Record of the output (default: --type): client and client-ex convert to each other; "
                      "an AddressStateEx other than 0 cannot become a client")
      ->check(CLI::IsMember(value_type_names()))
      ->type_name("TYPE");
  CLI::Option* call = add_call_options(*command, request->call_name, request->direction_name);
  call->excludes("--type");
  call->excludes("--to-type");
  command->add_option("--base", request->base, "x64/x86 input: virtual address of its first byte (0x10000)")
      ->check(address_validator());
  command->add_option("--at", request->at, "x64/x86 input: virtual address of the value (default: the base)")
      ->check(address_validator());
  command->add_option("--out-base", request->out_base, "x64/x86 output: virtual address of its first byte (0x10000)")
      ->check(address_validator());
  command->add_option("file", request->input_path, "Bytes to convert; - reads stdin")
      ->capture_default_str()
      ->type_name("IN");
  command->add_option("-o,--output", request->output_path, "Where to write the bytes; - is stdout")
      ->capture_default_str()
      ->type_name("OUT");

  command->callback([request, &run] {
    if (request->to_name == to_string(layout::pickle)) {
      throw CLI::ValidationError("--to pickle", "name the kind: pickle-ndr20, pickle-ndr20be, pickle-ndr64 or pickle2-ndr20");
    }
    const layout from = *parse_layout(request->from_name);
    if (!request->call_name.empty() && (!is_ndr(from) || !is_ndr(*parse_layout(request->to_name)))) {
      throw CLI::ValidationError("--call", "a call's stub data is NDR: ndr20, ndr20be or ndr64");
    }
    if ((!request->base.empty() || !request->at.empty()) && !is_native(from)) {
      throw CLI::ValidationError("--base/--at", "only x64 and x86 input has addresses");
    }
    if (!request->out_base.empty() && !is_native(*parse_layout(request->to_name))) {
      throw CLI::ValidationError("--out-base", "only x64 and x86 output has addresses");
    }
    run = [request] { return run_convert(*request); };
  });
}

}  // namespace dhcpm::cli
