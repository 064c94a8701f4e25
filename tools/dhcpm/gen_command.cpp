// `dhcpm gen`: seeded, reproducible, realistic random values (the library's
// realistic_generator) as JSON — or, with --layout, encoded directly.
//
// Without --count one value is printed (a JSON object); with --count N a JSON
// list of N values, even for N = 1, so a script's output shape never depends
// on a number. A list encodes as one pickled buffer (a pickle-* layout); in
// any other layout --count 1 is the one value it asks for.
#include <limits>
#include <memory>
#include <optional>
#include <type_traits>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/generate.hpp"
#include "dhcpm/json.hpp"
#include "exit_code.hpp"

namespace dhcpm::cli {
namespace {

// Most values one run makes, and most records in all of them: enough for any
// corpus or benchmark input, bounded for memory (the values and their JSON
// text are held whole).
constexpr std::uint64_t max_count = 100'000;
constexpr std::uint32_t max_elements = 1'000'000;
constexpr std::uint64_t max_records = 1'000'000;

struct gen_request {
  std::string type_name = "client";
  std::uint64_t count = 1;
  bool list = false;  // --count given: a JSON list, however many
  std::uint64_t seed = 0;
  std::uint32_t elements = 0;
  bool fixed_elements = false;  // --elements given
  std::string layout_name;                // empty: JSON
  std::string framing_name{to_string(framing::bare)};
  std::string base;
  std::string output_path{standard_stream};
  std::string call_name;       // --call: a call's stub data instead of a record
  std::string direction_name;  // --direction
};

int write_bytes(const result<bytes>& encoded, const std::string& path) {
  if (!encoded) return report(encoded.error_value());
  const auto written = write_all(path, *encoded);
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

int write_text(std::string text, const std::string& path) {
  text += '\n';
  const auto written = write_all(path, as_byte_span(text));
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

// --call: `count` stubs as JSON (a list with --count), or one encoded.
int emit_calls(const gen_request& request, const generate_options& options) {
  const call_stub_type type{*find_call(request.call_name), *parse_direction(request.direction_name)};
  realistic_generator g(request.seed, options);
  if (!request.layout_name.empty()) {
    return write_bytes(encode_call(generate_call(type, g), *parse_layout(request.layout_name)), request.output_path);
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::uint64_t i = 0; i < request.count; ++i) {
    result<std::string> text = call_to_json(generate_call(type, g));
    if (!text) return report(text.error_value());
    if (!request.list) return write_text(std::move(*text), request.output_path);
    list.push_back(nlohmann::ordered_json::parse(*text));
  }
  return write_text(list.dump(1, ' ', false), request.output_path);
}

// The value a format writes, made of the generated ones: all of them (a
// pickled list), or the first in the format's framing.
template <class Value, class Record>
Value framed(const std::vector<Record>& values) {
  if constexpr (std::is_same_v<Value, get_client_info_response>) {
    return get_client_info_response{values.front(), 0};
  } else {
    return Value(values.front());
  }
}

template <class T>
int emit(const std::vector<T>& values, const gen_request& request) {
  if (request.layout_name.empty()) {
    return write_text(request.list ? to_json(std::span<const T>(values)) : to_json(values.front()),
                      request.output_path);
  }
  const layout wire = *parse_layout(request.layout_name);  // checked while parsing
  const bool several = request.list && is_pickle(wire);   // layout::pickle was refused while parsing
  const wire_format format{.wire = wire,
                           .frame = several ? framing::bare : *parse_framing(request.framing_name),
                           .base = request.base.empty() ? default_image_base : parse_address(request.base),
                           .all = several};
  return with_framed_value<T>(format, [&](auto value) {
    using V = typename decltype(value)::type;
    if constexpr (std::is_same_v<V, std::vector<T>>) {
      return write_bytes(encode(values, format), request.output_path);
    } else {
      return write_bytes(encode(framed<V>(values), format), request.output_path);
    }
  });
}

int run_gen(const gen_request& request) {
  generate_options options;
  if (request.fixed_elements) options.elements = request.elements;
  const auto n = static_cast<std::size_t>(request.count);
  if (!request.call_name.empty()) return emit_calls(request, options);
  return with_record_type(*parse_value_type(request.type_name), [&]<class Record>(std::type_identity<Record>) {
    return emit(generate_values<Record>(n, request.seed, options), request);
  });
}

bool is_array_type(const std::string& name) {
  return with_record_type(*parse_value_type(name), []<class Record>(std::type_identity<Record>) {
    return is_record_array<Record>;
  });
}

}  // namespace

void add_gen_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<gen_request>();
  CLI::App* command = app.add_subcommand(
      "gen", "Generate realistic random values (seeded, reproducible) as JSON, or as bytes with --layout");
  command->add_option("--type", request->type_name, value_type_help)
      ->check(CLI::IsMember(value_type_names()))
      ->capture_default_str()
      ->type_name("TYPE");
  CLI::Option* call = add_call_options(*command, request->call_name, request->direction_name);
  call->excludes("--type");
  command->add_option("--count", request->count, "Print a JSON list of N values (without it: one value)")
      ->check(unsigned_decimal(max_count))
      ->type_name("N");
  command->add_option("--seed", request->seed, "Seed: the same seed gives the same values everywhere")
      ->check(unsigned_decimal(std::numeric_limits<std::uint64_t>::max()))
      ->capture_default_str()
      ->type_name("S");
  command->add_option("--elements", request->elements, "Arrays: exactly M elements each (default: 0 to 8)")
      ->check(unsigned_decimal(max_elements))
      ->type_name("M");
  command->add_option("--layout", request->layout_name, "Write the values encoded in this layout instead of JSON")
      ->check(CLI::IsMember(layout_names()))
      ->type_name("LAYOUT");
  command->add_option("--framing", request->framing_name, "With --layout: bare, ptr or response (NDR layouts)")
      ->check(CLI::IsMember({"bare", "ptr", "response"}))
      ->capture_default_str()
      ->type_name("FRAMING");
  command->add_option("--base", request->base, "With --layout x64/x86: virtual address of the image (0x10000)")
      ->check(address_validator());
  command->add_option("-o,--output", request->output_path, "Where to write; - is stdout")
      ->capture_default_str()
      ->type_name("OUT");

  command->callback([request, command, &run] {
    const std::optional<layout> wire =
        request->layout_name.empty() ? std::nullopt : parse_layout(request->layout_name);
    const framing frame = *parse_framing(request->framing_name);
    request->list = command->count("--count") != 0;
    request->fixed_elements = command->count("--elements") != 0;
    if (request->fixed_elements && request->call_name.empty() && !is_array_type(request->type_name)) {
      throw CLI::ValidationError("--elements", "only arrays have elements; use --type array");
    }
    if (request->count == 0) throw CLI::ValidationError("--count", "must be at least 1");
    if (request->fixed_elements && request->count * request->elements > max_records) {
      throw CLI::ValidationError("--count/--elements", "more than " + std::to_string(max_records) +
                                                           " records in all; generate them in several runs");
    }
    if (!wire && (command->count("--framing") != 0 || !request->base.empty())) {
      throw CLI::ValidationError("--framing/--base", "only with --layout");
    }
    if (!request->call_name.empty()) {
      if (wire && (!is_ndr(*wire) || request->count > 1 || command->count("--framing") != 0)) {
        throw CLI::ValidationError("--call", "a call's stub data encodes one stub at a time, bare, in ndr20, "
                                             "ndr20be or ndr64");
      }
      run = [request] { return run_gen(*request); };
      return;
    }
    if (wire) {
      if (*wire == layout::pickle) {
        throw CLI::ValidationError("--layout pickle",
                                   "name the kind: pickle-ndr20, pickle-ndr20be, pickle-ndr64 or pickle2-ndr20");
      }
      if (request->count > 1 && !is_pickle(*wire)) {
        throw CLI::ValidationError("--count", "several values encode only as one pickled buffer (a pickle-* layout)");
      }
      if (frame != framing::bare && !is_ndr(*wire)) {
        throw CLI::ValidationError("--framing", "layout " + request->layout_name + " carries bare values only");
      }
      if (frame == framing::response && request->type_name == "array") {
        throw CLI::ValidationError("--framing response", "the opnum 98 response carries one client record");
      }
      // The library's rule for every other pair (the _EX exists only in memory images).
      const wire_format format{.wire = *wire, .frame = frame, .all = request->list && is_pickle(*wire)};
      if (std::optional<error> refused = check_format(*parse_value_type(request->type_name), format, true)) {
        throw CLI::ValidationError("--type " + request->type_name, refused->message);
      }
      if (!request->base.empty() && !is_native(*wire)) {
        throw CLI::ValidationError("--base", "only x64 and x86 images have addresses");
      }
    }
    run = [request] { return run_gen(*request); };
  });
}

}  // namespace dhcpm::cli
