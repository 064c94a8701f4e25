// The text and numbers of realistic values: names of clients, servers and
// policies, comments, MAC vendor prefixes. Each draws from the generator's one
// stream, so a seed decides everything. Each draw is its own statement: the
// operands of one expression are evaluated in an unspecified order.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "dhcpm/generate.hpp"
#include "dhcpm/utf16_string.hpp"

namespace dhcpm::detail {

// A DNS domain for one generated record ("corp.contoso.com").
[[nodiscard]] std::string domain_name(realistic_generator& g);
// ClientName: "DESKTOP-7F3K2QH", "annas-iphone.corp.contoso.com", ...; NULL
// or empty now and then, and non-ASCII at the options' unicode chance.
[[nodiscard]] utf16_string client_name(realistic_generator& g, const std::string& domain);
// ClientComment: mostly NULL, sometimes an administrator's note.
[[nodiscard]] utf16_string client_comment(realistic_generator& g);
// OwnerHost names: "DHCP01" and "dhcp01.corp.contoso.com", or NULL.
[[nodiscard]] std::string server_netbios_name(realistic_generator& g);
// PolicyName: mostly NULL, else a policy an administrator would create.
[[nodiscard]] utf16_string policy_name(realistic_generator& g);
// A MAC address behind a real vendor prefix (VMware, Hyper-V, Apple, Dell...).
[[nodiscard]] std::array<std::uint8_t, 6> mac_address(realistic_generator& g);

}  // namespace dhcpm::detail
