// `dhcpm validate`: the exit status says whether the bytes are a valid value;
// a failure prints decode's error line, success prints nothing. The check is
// the library's validate: decode's own walk (same walker, same options) with a
// sink that builds nothing, so the two cannot disagree.
#include <memory>
#include <optional>
#include <variant>

#include "command.hpp"
#include "exit_code.hpp"
#include "read_options.hpp"

namespace dhcpm::cli {
namespace {

int run_validate(const read_request& request) {
  auto input = read_all(request.input_path);
  if (const io_error* failure = std::get_if<io_error>(&input)) return report(*failure);
  const byte_span bytes_in(std::get<std::vector<std::uint8_t>>(input));
  int exit = exit_code::success;
  const std::optional<layout> wire = resolve_layout(request.selection, bytes_in, "validate", exit);
  if (!wire) return exit;

  const result<std::vector<error>> outcome =
      request.selection.call
          ? validate_call(bytes_in, *request.selection.call, *wire, request.effective_options())
          : validate(bytes_in, request.selection.type, request.format(*wire), request.effective_options());
  if (!outcome) return report(outcome.error_value());
  for (const error& warning : *outcome) warn(warning);  // --lenient only
  return exit_code::success;
}

}  // namespace

void add_validate_command(CLI::App& app, command_runner& run) {
  auto request = std::make_shared<read_request>();
  CLI::App* command = app.add_subcommand(
      "validate", "Check that bytes are a valid value: exit status 0, or 1 and the error line; nothing else");
  auto finish = add_read_options(*command, *request, {.all_values = true});
  command->callback([request, finish, &run] {
    finish();
    run = [request] { return run_validate(*request); };
  });
}

}  // namespace dhcpm::cli
