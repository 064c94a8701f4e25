// What the commands share: the options that select a value (--layout, --type,
// --framing), the error and warning lines, and the registration functions that
// main() calls. Each command lives in its own <name>_command.cpp.
#pragma once

#include <functional>
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "io.hpp"

namespace dhcpm::cli {

// --type: which record the bytes hold.
enum class value_type { client, array };

// The value a command reads or writes, as chosen on the command line.
struct value_selection {
  layout wire = layout::ndr20;
  value_type type = value_type::client;
  framing frame = framing::bare;
};

// Adds --layout (required), --type (default client) and --framing (default
// bare) to a command. The returned function, called once parsing is complete,
// fills `selection` and throws CLI::ValidationError for combinations that do
// not exist (an array in an opnum 98 response).
[[nodiscard]] std::function<void()> add_selection_options(CLI::App& command, value_selection& selection);

// Every layout name, for CLI::IsMember.
[[nodiscard]] std::vector<std::string> layout_names();

// A validator for virtual addresses: 0x-prefixed hex or decimal, up to 2^64-1.
[[nodiscard]] CLI::Validator address_validator();
// The value of a text that address_validator accepted.
[[nodiscard]] std::uint64_t parse_address(const std::string& text);

// A command's work, run after a successful parse; returns an exit code.
using command_runner = std::function<int()>;

// Each registers its subcommand on `app`; when the subcommand is the one
// parsed, it stores its work in `run`.
void add_decode_command(CLI::App& app, command_runner& run);
void add_encode_command(CLI::App& app, command_runner& run);
void add_convert_command(CLI::App& app, command_runner& run);

// Print `error: <format_error(e)>` on stderr and return the matching exit code.
[[nodiscard]] int report(const error& e);
[[nodiscard]] int report(const io_error& e);
// Print `warning: <format_error(w)>` on stderr.
void warn(const error& w);

}  // namespace dhcpm::cli
