// `dhcpm dissect`: every byte of the input named — offset, bytes, kind, field
// path and decoded value — as an annotated hex dump or as JSON. The regions
// come from the library's dissect(), fed by the decoder's own walkers. A walk
// that stops prints what parsed, then decode's error line on stderr (exit 1).
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "command.hpp"
#include "dhcpm/call.hpp"
#include "dhcpm/dissect.hpp"
#include "dissect_printer.hpp"
#include "exit_code.hpp"
#include "read_options.hpp"

namespace dhcpm::cli {
namespace {

struct dissect_command_request {
  read_request read;
  bool json = false;
};

int run_dissect(const dissect_command_request& request) {
  auto input = read_all(request.read.input_path);
  if (const io_error* failure = std::get_if<io_error>(&input)) return report(*failure);
  const byte_span bytes_in(std::get<std::vector<std::uint8_t>>(input));
  int exit = exit_code::success;
  const std::optional<layout> wire = resolve_layout(request.read.selection, bytes_in, "dissect", exit);
  if (!wire) return exit;

  const value_type type = request.read.selection.type;
  const wire_format format{.wire = *wire,
                           .frame = request.read.selection.frame,
                           .base = request.read.image_base(),
                           .at = request.read.value_address()};

  const dissect_heading heading{std::string(to_string(*wire)), type, format.frame, bytes_in.size(),
                                request.read.selection.call};
  stdout_writer out;
  const std::unique_ptr<dissect_printer> printer =
      request.json ? make_json_printer(bytes_in, heading, out) : make_text_printer(bytes_in, heading, out);
  const region_callback on_region = [&printer](const region& r) { printer->region(r); };
  const dissect_summary summary =
      request.read.selection.call
          ? dissect_call(bytes_in, *request.read.selection.call, *wire, request.read.effective_options(), on_region)
          : dissect(bytes_in, type, format, request.read.effective_options(), on_region);
  printer->finish(summary);
  if (const std::optional<io_error>& failure = out.finish()) return report(*failure);

  for (const error& warning : summary.warnings) warn(warning);
  if (summary.stopped) return report(*summary.stopped);
  return exit_code::success;
}

}  // namespace

void add_dissect_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<dissect_command_request>();
  CLI::App* command = app.add_subcommand(
      "dissect", "Name every byte: offset, bytes, kind, field path and decoded value (a hex dump, or --json)");
  auto finish = add_read_options(*command, request->read, {.all_values = false});
  command->add_flag("--json", request->json, "Print the regions as JSON instead of an annotated hex dump");
  command->callback([request, finish, &run] {
    finish();
    run = [request] { return run_dissect(*request); };
  });
}

}  // namespace dhcpm::cli
