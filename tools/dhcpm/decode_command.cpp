// `dhcpm decode`: bytes in, the value as JSON out.
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "command.hpp"
#include "exit_code.hpp"
#include "read_options.hpp"

namespace dhcpm::cli {
namespace {

int run_decode(const read_request& request) {
  auto input = read_all(request.input_path);
  if (const io_error* failure = std::get_if<io_error>(&input)) return report(*failure);
  const byte_span bytes_in(std::get<std::vector<std::uint8_t>>(input));
  int exit = exit_code::success;
  const std::optional<layout> wire = resolve_layout(request.selection, bytes_in, "decode", exit);
  if (!wire) return exit;

  auto outcome = decode_to_json(bytes_in, request, *wire);
  if (const error* failure = std::get_if<error>(&outcome)) return report(*failure);
  decoded_json& decoded = std::get<decoded_json>(outcome);
  for (const error& warning : decoded.warnings) warn(warning);
  decoded.text += '\n';
  const auto written = write_all(std::string(standard_stream), as_byte_span(decoded.text));
  if (const io_error* failure = std::get_if<io_error>(&written)) return report(*failure);
  return exit_code::success;
}

}  // namespace

void add_decode_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<read_request>();
  CLI::App* command =
      app.add_subcommand("decode", "Decode bytes (NDR, pickled or a memory image) and print the value as JSON");
  auto finish = add_read_options(*command, *request, {.all_values = true});
  command->callback([request, finish, &run] {
    finish();
    run = [request] { return run_decode(*request); };
  });
}

}  // namespace dhcpm::cli
