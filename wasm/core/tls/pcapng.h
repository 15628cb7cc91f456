// certportal tls: a handshake as a capture file for Wireshark / tshark.
//
// pcapng (draft-ietf-opsawg-pcapng): Section Header, one Ethernet interface, a Decryption Secrets
// Block carrying the NSS key log (secrets type 'TLSK', so Wireshark decrypts TLS 1.3's handshake
// without a separate file), then one Enhanced Packet per TCP segment. The TCP/IP framing is
// synthetic: the records are real, the connection around them is made up (documentation addresses
// 192.0.2.0/24, the bank on port 443), with a three-way handshake first and sequence and
// acknowledgement numbers that count every byte, so Wireshark reassembles records as sent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pki/bytes.h"
#include "tls/transport.h"

namespace cp::tls {

struct CaptureEndpoints {
    std::uint32_t client_ip = 0xC000020A;  // 192.0.2.10
    std::uint32_t server_ip = 0xC0000201;  // 192.0.2.1
    std::uint16_t client_port = 49152;
    std::uint16_t server_port = 443;
};

// The capture of `records` (in order) with `key_log` (NSS format; may be empty: no secrets block).
pki::Bytes write_pcapng(const std::vector<Record>& records, const std::string& key_log,
                        const CaptureEndpoints& endpoints = {});

}  // namespace cp::tls
