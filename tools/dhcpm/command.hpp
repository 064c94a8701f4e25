// What the commands share: the options that select a value (--layout, --type,
// --framing), the error and warning lines, and the registration functions that
// main() calls. Each command lives in its own <name>_command.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "dhcpm/call.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"
#include "io.hpp"

namespace dhcpm::cli {

// The value a command reads or writes, as chosen on the command line.
struct value_selection {
  layout wire = layout::ndr20;
  bool detect_layout = false;  // --layout auto (or none): pickled input is recognised by its header
  value_type type = value_type::client;  // --type
  framing frame = framing::bare;
  // --call METHOD --direction request|response: a call's stub data instead
  // of a record (NDR layouts, bare).
  std::optional<call_stub_type> call;
};

// Whether a command may leave --layout out: commands that read bytes can
// recognise pickled input (`auto`); commands that write need a layout.
enum class layout_choice { required, may_detect };

// Adds --layout, --type (default client), --framing (default bare), --call
// and --direction to a command. The returned function, called once parsing is complete, fills
// `selection` and throws CLI::ValidationError for combinations that do not
// exist (an array in an opnum 98 response).
[[nodiscard]] std::function<void()> add_selection_options(CLI::App& command, value_selection& selection,
                                                          layout_choice choice = layout_choice::required);

// The layout of `input` for a selection with detect_layout: the pickle layout
// when the input starts with a type serialization header. Otherwise prints a
// usage error for `command` and returns std::nullopt; `exit` is then the code.
[[nodiscard]] std::optional<layout> resolve_layout(const value_selection& selection,
                                                   std::span<const std::uint8_t> input, std::string_view command,
                                                   int& exit);

// Adds --call METHOD and --direction request|response to a command, each
// needing the other; returns the --call option (for excludes()).
CLI::Option* add_call_options(CLI::App& command, std::string& call_name, std::string& direction_name);

// Every --call name (the methods of call_table), for CLI::IsMember.
[[nodiscard]] std::vector<std::string> call_names();

// Every layout name, for CLI::IsMember.
[[nodiscard]] std::vector<std::string> layout_names();
// Every --type name, for CLI::IsMember, and what --type means.
[[nodiscard]] std::vector<std::string> value_type_names();
inline constexpr const char* value_type_help =
    "Record: client (one DHCPV4_FAILOVER_CLIENT_INFO), array (the _ARRAY), client-ex (the _EX, x64/x86 only), "
    "or a client record of the MS-DHCPM family or its array by IDL name (DHCP_CLIENT_INFO_PB, "
    "DHCP_CLIENT_INFO_PB_ARRAY, ...)";

// A validator for virtual addresses: 0x-prefixed hex or decimal, up to 2^64-1.
[[nodiscard]] CLI::Validator address_validator();
// The value of a text that address_validator accepted.
[[nodiscard]] std::uint64_t parse_address(const std::string& text);

// CLI11 reads integers with strtoull in base 0 ("010" is eight, "-1" wraps),
// so numbers are checked by this validator: plain decimal digits, at most `max`.
[[nodiscard]] CLI::Validator unsigned_decimal(std::uint64_t max);

// A command's work, run after a successful parse; returns an exit code.
using command_runner = std::function<int()>;

// Each registers its subcommand on `app`; when the subcommand is the one
// parsed, it stores its work in `run`.
void add_decode_command(CLI::App& app, command_runner& run);
void add_encode_command(CLI::App& app, command_runner& run);
void add_convert_command(CLI::App& app, command_runner& run);
void add_validate_command(CLI::App& app, command_runner& run);
void add_dissect_command(CLI::App& app, command_runner& run);
void add_gen_command(CLI::App& app, command_runner& run);

// Print `error: <format_error(e)>` on stderr and return the matching exit code.
[[nodiscard]] int report(const error& e);
[[nodiscard]] int report(const io_error& e);
// Print `warning: <format_error(w)>` on stderr.
void warn(const error& w);
// Print `error: usage: <message> (see dhcpm <command> --help)` on stderr, the
// line of a command-line mistake found only once the input is read; returns
// the usage exit code.
[[nodiscard]] int report_usage(const std::string& message, std::string_view command);

}  // namespace dhcpm::cli
