// The exit codes of the `dhcpm` command, in one place. They are part of the
// CLI contract (docs/cli.md): scripts tell a usage mistake from bad input from
// an unreadable file by the code alone.
#pragma once

namespace dhcpm::cli::exit_code {

inline constexpr int success = 0;
// The input is not a valid value: a decode error, invalid JSON, or a value the
// layout cannot hold.
inline constexpr int malformed_input = 1;
// The command line is wrong (unknown option, missing --layout, bad choice...).
inline constexpr int usage = 2;
// A file could not be opened, read or written.
inline constexpr int io = 3;
// A bug in dhcpm (error_code::internal_error or an unexpected exception),
// never bad input.
inline constexpr int internal = 4;

}  // namespace dhcpm::cli::exit_code
