#include "read_options.hpp"

#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/json.hpp"

namespace dhcpm::cli {
namespace {

// The JSON text is made only when asked for: validate wants the verdict alone.
template <class T>
std::variant<decoded_json, error> json_of(result<decoded<T>>&& outcome, bool text) {
  if (!outcome) return std::move(outcome).error_value();
  return decoded_json{text ? to_json(outcome->value) : std::string(), std::move(outcome->warnings)};
}

// A decode_options limit: a decimal N up to what its field holds, default shown.
template <class Limit>
void add_limit(CLI::App& command, const std::string& name, Limit& limit, const std::string& description) {
  command.add_option(name, limit, description)
      ->check(unsigned_decimal(std::numeric_limits<Limit>::max()))
      ->capture_default_str()
      ->type_name("N");
}

}  // namespace

std::uint64_t read_request::image_base() const { return base.empty() ? default_image_base : parse_address(base); }
std::uint64_t read_request::value_address() const { return at.empty() ? image_base() : parse_address(at); }

std::function<void()> add_read_options(CLI::App& command, read_request& request, read_features features) {
  auto finish_selection = add_selection_options(command, request.selection, layout_choice::may_detect);
  if (features.all_values) {
    command.add_flag("--all", request.all,
                     "Decode every value of a pickled buffer and print them as a JSON list (pickle layouts only)");
  }
  command.add_option("--base", request.base, "x64/x86 images: virtual address of the file's first byte (0x10000)")
      ->check(address_validator());
  command.add_option("--at", request.at, "x64/x86 images: virtual address of the value (default: the base)")
      ->check(address_validator());
  command.add_flag("--lenient", request.lenient,
                   "Keep going where the bytes still parse; report each problem as a warning on stderr");
  add_limit(command, "--max-elements", request.options.max_elements, "Most array elements accepted");
  add_limit(command, "--max-string-units", request.options.max_string_units,
            "Most UTF-16 units in one string, terminator included");
  add_limit(command, "--max-decoded-bytes", request.options.max_decoded_bytes,
            "Most bytes of memory the decoded value may take");
  command.add_option("file", request.input_path, "The bytes; - reads stdin")->capture_default_str()->type_name("FILE");

  return [&request, finish_selection] {
    finish_selection();
    if ((!request.base.empty() || !request.at.empty()) && !is_native(request.selection.wire)) {
      throw CLI::ValidationError("--base/--at", "only x64 and x86 images have addresses");
    }
    if (request.all && !is_pickle(request.selection.wire)) {
      throw CLI::ValidationError("--all", "only type-serialized (pickle) input holds several values");
    }
  };
}

std::variant<decoded_json, error> decode_to_json(byte_span input, const read_request& request, layout wire,
                                                 bool with_text) {
  const decode_options options = request.effective_options();
  if (request.selection.call) {
    result<decoded<call_stub>> stub = decode_call(input, *request.selection.call, wire, options);
    if (!stub) return std::move(stub).error_value();
    decoded_json out{std::string(), std::move(stub->warnings)};
    if (with_text) {
      result<std::string> text = call_to_json(stub->value);
      if (!text) return std::move(text).error_value();
      out.text = std::move(*text);
    }
    return out;
  }
  const wire_format format = request.format(wire);
  return with_record_type(request.selection.type, [&](auto record) {
    return with_framed_value<typename decltype(record)::type>(format, [&](auto value) {
      return json_of(decode<typename decltype(value)::type>(input, format, options), with_text);
    });
  });
}

}  // namespace dhcpm::cli
