// certportal tls: in-memory transport and record log (transport.h).
#include "tls/transport.h"

#include <algorithm>

#include <mbedtls/ssl.h>

namespace cp::tls {

const char* direction_name(Direction direction) {
    return direction == Direction::ClientToServer ? "client\u2192server" : "server\u2192client";
}

int MemoryTransport::send(void* endpoint, const unsigned char* data, std::size_t size) {
    auto* e = static_cast<Endpoint*>(endpoint);
    MemoryTransport& t = *e->transport;
    auto& queue = e->sends == Direction::ClientToServer ? t.to_server_ : t.to_client_;
    queue.insert(queue.end(), data, data + size);
    t.written_ += size;
    t.log(e->sends, data, size);
    return static_cast<int>(size);
}

int MemoryTransport::receive(void* endpoint, unsigned char* data, std::size_t size) {
    auto* e = static_cast<Endpoint*>(endpoint);
    MemoryTransport& t = *e->transport;
    const bool client = e->sends == Direction::ClientToServer;
    auto& queue = client ? t.to_client_ : t.to_server_;
    if (queue.empty() || (client && t.held_)) return MBEDTLS_ERR_SSL_WANT_READ;
    const std::size_t n = std::min(size, queue.size());
    std::copy_n(queue.begin(), n, data);
    queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
    if (client) t.delivered_to_client_ += n;
    t.read_ += n;
    return static_cast<int>(n);
}

void MemoryTransport::log(Direction direction, const unsigned char* data, std::size_t size) {
    pki::Bytes& partial = partial_[static_cast<int>(direction)];
    partial.insert(partial.end(), data, data + size);
    // Cut whole records off the front: 5-byte header (type, version, length) + length bytes.
    std::size_t at = 0;
    while (partial.size() - at >= 5) {
        const std::size_t length = (static_cast<std::size_t>(partial[at + 3]) << 8) | partial[at + 4];
        if (partial.size() - at < 5 + length) break;
        Record r;
        r.direction = direction;
        r.time_us = clock_();
        r.bytes.assign(partial.begin() + static_cast<std::ptrdiff_t>(at),
                       partial.begin() + static_cast<std::ptrdiff_t>(at + 5 + length));
        records_.push_back(std::move(r));
        at += 5 + length;
    }
    partial.erase(partial.begin(), partial.begin() + static_cast<std::ptrdiff_t>(at));
}

std::vector<const Record*> MemoryTransport::undelivered_to_client() const {
    // Walk the server's records in order; those past the bytes the client has read are waiting.
    std::vector<const Record*> out;
    std::uint64_t offset = 0;
    for (const Record& r : records_) {
        if (r.direction != Direction::ServerToClient) continue;
        offset += r.bytes.size();
        if (offset > delivered_to_client_) out.push_back(&r);
    }
    return out;
}

}  // namespace cp::tls
