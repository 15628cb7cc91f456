// certportal tls: pcapng writer with synthetic Ethernet/IPv4/TCP framing (pcapng.h).
#include "tls/pcapng.h"

namespace cp::tls {

namespace {

void put16be(pki::Bytes& b, std::uint32_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}
void put32be(pki::Bytes& b, std::uint32_t v) {
    put16be(b, v >> 16);
    put16be(b, v & 0xffff);
}
void put16le(pki::Bytes& b, std::uint32_t v) {
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32le(pki::Bytes& b, std::uint32_t v) {
    put16le(b, v & 0xffff);
    put16le(b, v >> 16);
}

// RFC 1071 one's-complement sum over 16-bit big-endian words.
std::uint32_t sum16(const std::uint8_t* p, std::size_t n, std::uint32_t sum = 0) {
    for (std::size_t i = 0; i + 1 < n; i += 2) sum += (std::uint32_t{p[i]} << 8) | p[i + 1];
    if (n % 2 != 0) sum += std::uint32_t{p[n - 1]} << 8;
    return sum;
}
std::uint16_t fold(std::uint32_t sum) {
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

constexpr std::uint8_t kFin = 0x01, kSyn = 0x02, kPsh = 0x08, kAck = 0x10;

struct Flow {
    std::uint32_t ip = 0;
    std::uint16_t port = 0;
    std::uint32_t next_seq = 0;  // the next byte this side sends
};

// One Ethernet frame with an IPv4 + TCP segment.
pki::Bytes frame(const Flow& from, const Flow& to, std::uint8_t flags, const pki::Bytes& payload, std::uint16_t ip_id,
                 bool from_client) {
    pki::Bytes f;
    // Ethernet II: locally administered addresses, 02:00:00:00:00:01 the server, …:02 the client.
    const std::uint8_t server_mac[6] = {0x02, 0, 0, 0, 0, 0x01};
    const std::uint8_t client_mac[6] = {0x02, 0, 0, 0, 0, 0x02};
    f.insert(f.end(), from_client ? server_mac : client_mac, (from_client ? server_mac : client_mac) + 6);
    f.insert(f.end(), from_client ? client_mac : server_mac, (from_client ? client_mac : server_mac) + 6);
    put16be(f, 0x0800);
    // IPv4 header.
    const std::size_t ip_at = f.size();
    const std::uint32_t total = 20 + 20 + static_cast<std::uint32_t>(payload.size());
    f.push_back(0x45);
    f.push_back(0);
    put16be(f, total);
    put16be(f, ip_id);
    put16be(f, 0x4000);  // don't fragment
    f.push_back(64);     // TTL
    f.push_back(6);      // TCP
    put16be(f, 0);       // checksum, below
    put32be(f, from.ip);
    put32be(f, to.ip);
    const std::uint16_t ip_sum = fold(sum16(f.data() + ip_at, 20));
    f[ip_at + 10] = static_cast<std::uint8_t>(ip_sum >> 8);
    f[ip_at + 11] = static_cast<std::uint8_t>(ip_sum);
    // TCP header.
    const std::size_t tcp_at = f.size();
    put16be(f, from.port);
    put16be(f, to.port);
    put32be(f, from.next_seq);
    put32be(f, (flags & kAck) != 0 ? to.next_seq : 0);
    f.push_back(5 << 4);  // 20-byte header
    f.push_back(flags);
    put16be(f, 65535);  // window
    put16be(f, 0);      // checksum, below
    put16be(f, 0);      // urgent pointer
    f.insert(f.end(), payload.begin(), payload.end());
    // Checksum over the pseudo-header (addresses, protocol, TCP length) and the segment.
    const std::uint32_t tcp_len = 20 + static_cast<std::uint32_t>(payload.size());
    std::uint32_t sum = (from.ip >> 16) + (from.ip & 0xffff) + (to.ip >> 16) + (to.ip & 0xffff) + 6 + tcp_len;
    sum = sum16(f.data() + tcp_at, tcp_len, sum);
    const std::uint16_t tcp_sum = fold(sum);
    f[tcp_at + 16] = static_cast<std::uint8_t>(tcp_sum >> 8);
    f[tcp_at + 17] = static_cast<std::uint8_t>(tcp_sum);
    return f;
}

void pad4(pki::Bytes& b) {
    while (b.size() % 4 != 0) b.push_back(0);
}

// A block: type, total length, body (padded), total length again.
void block(pki::Bytes& out, std::uint32_t type, pki::Bytes body) {
    pad4(body);
    const auto total = static_cast<std::uint32_t>(12 + body.size());
    put32le(out, type);
    put32le(out, total);
    out.insert(out.end(), body.begin(), body.end());
    put32le(out, total);
}

void packet(pki::Bytes& out, std::int64_t time_us, const pki::Bytes& data) {
    pki::Bytes body;
    put32le(body, 0);  // interface 0
    const auto t = static_cast<std::uint64_t>(time_us);
    put32le(body, static_cast<std::uint32_t>(t >> 32));
    put32le(body, static_cast<std::uint32_t>(t & 0xffffffffu));
    put32le(body, static_cast<std::uint32_t>(data.size()));
    put32le(body, static_cast<std::uint32_t>(data.size()));
    body.insert(body.end(), data.begin(), data.end());
    block(out, 6, std::move(body));  // Enhanced Packet Block
}

}  // namespace

pki::Bytes write_pcapng(const std::vector<Record>& records, const std::string& key_log,
                        const CaptureEndpoints& endpoints) {
    pki::Bytes out;
    {  // Section Header Block: byte-order magic, version 1.0, section length unknown.
        pki::Bytes body;
        put32le(body, 0x1A2B3C4D);
        put16le(body, 1);
        put16le(body, 0);
        put32le(body, 0xffffffffu);
        put32le(body, 0xffffffffu);
        block(out, 0x0A0D0D0A, std::move(body));
    }
    {  // Interface Description Block: Ethernet, no snapshot limit, microsecond timestamps (default).
        pki::Bytes body;
        put16le(body, 1);
        put16le(body, 0);
        put32le(body, 0);
        block(out, 1, std::move(body));
    }
    if (!key_log.empty()) {  // Decryption Secrets Block: TLS key log.
        pki::Bytes body;
        put32le(body, 0x544c534b);  // 'TLSK'
        put32le(body, static_cast<std::uint32_t>(key_log.size()));
        body.insert(body.end(), key_log.begin(), key_log.end());
        block(out, 0x0000000A, std::move(body));
    }
    Flow client{endpoints.client_ip, endpoints.client_port, 0x10000000};
    Flow server{endpoints.server_ip, endpoints.server_port, 0x20000000};
    std::uint16_t ip_id = 1;
    const std::int64_t t0 = records.empty() ? 0 : records.front().time_us - 300;
    // The TCP three-way handshake before the first record.
    packet(out, t0, frame(client, server, kSyn, {}, ip_id++, true));
    client.next_seq += 1;
    packet(out, t0 + 100, frame(server, client, kSyn | kAck, {}, ip_id++, false));
    server.next_seq += 1;
    packet(out, t0 + 200, frame(client, server, kAck, {}, ip_id++, true));
    std::int64_t last = t0 + 200;
    for (const Record& r : records) {
        const bool from_client = r.direction == Direction::ClientToServer;
        Flow& from = from_client ? client : server;
        const Flow& to = from_client ? server : client;
        packet(out, r.time_us, frame(from, to, kPsh | kAck, r.bytes, ip_id++, from_client));
        from.next_seq += static_cast<std::uint32_t>(r.bytes.size());
        last = r.time_us;
    }
    // The client closes the connection; the server acknowledges.
    packet(out, last + 100, frame(client, server, kFin | kAck, {}, ip_id++, true));
    client.next_seq += 1;
    packet(out, last + 200, frame(server, client, kFin | kAck, {}, ip_id++, false));
    server.next_seq += 1;
    packet(out, last + 300, frame(client, server, kAck, {}, ip_id++, true));
    return out;
}

}  // namespace cp::tls
