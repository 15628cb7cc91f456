// A driver for the fuzz targets without libFuzzer (g++ builds, the suite's ASan + UBSan tree): each
// input file under the folders given, then deterministic variants of it — every prefix at a step
// (truncated encodings), each byte in turn replaced, and bytes flipped by a fixed-seed generator.
// The same inputs on every run, so a failure is reproducible and never a flake; the open-ended
// search is tools/fuzz.sh (clang + libFuzzer). usage: pki_fuzz_replay_<target> [--variants N] DIR...
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Bytes = std::vector<std::uint8_t>;

void run(const Bytes& input) {
    // A copy of exactly `size` bytes on the heap: ASan sees a read past the end as libFuzzer would.
    auto* copy = static_cast<std::uint8_t*>(std::malloc(input.empty() ? 1 : input.size()));
    if (!input.empty()) std::memcpy(copy, input.data(), input.size());
    (void)LLVMFuzzerTestOneInput(copy, input.size());
    std::free(copy);
}

// xorshift64*: a fixed sequence, the same on every platform.
std::uint64_t next(std::uint64_t& state) {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
}

std::size_t variants_of(const Bytes& seed, std::size_t random_variants) {
    std::size_t count = 0;
    run(seed);
    ++count;
    const std::size_t n = seed.size();
    const std::size_t step = n / 64 + 1;
    for (std::size_t len = 0; len < n; len += step, ++count) run(Bytes(seed.begin(), seed.begin() + static_cast<std::ptrdiff_t>(len)));
    // Each of up to 256 positions spread over the input set to 0x00, 0xFF and 0x80 (lengths and tags).
    for (std::size_t i = 0; i < n; i += step) {
        for (std::uint8_t v : {std::uint8_t{0x00}, std::uint8_t{0xFF}, std::uint8_t{0x80}}) {
            Bytes b = seed;
            b[i] = v;
            run(b);
            ++count;
        }
    }
    std::uint64_t state = 0x9E3779B97F4A7C15ULL ^ n;
    for (std::size_t k = 0; k < random_variants && n > 0; ++k, ++count) {
        Bytes b = seed;
        const std::size_t flips = 1 + next(state) % 4;
        for (std::size_t f = 0; f < flips; ++f) b[next(state) % n] ^= static_cast<std::uint8_t>(1u << (next(state) % 8));
        run(b);
    }
    return count;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t random_variants = 200;
    std::vector<std::filesystem::path> dirs;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--variants") == 0 && i + 1 < argc) {
            random_variants = static_cast<std::size_t>(std::strtoul(argv[++i], nullptr, 10));
        } else {
            dirs.emplace_back(argv[i]);
        }
    }
    std::size_t files = 0, inputs = 0;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream f(entry.path(), std::ios::binary);
            const Bytes seed((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
            inputs += variants_of(seed, random_variants);
            ++files;
        }
        if (ec) {
            std::fprintf(stderr, "replay: cannot read %s: %s\n", dir.c_str(), ec.message().c_str());
            return 1;
        }
    }
    if (files == 0) {
        std::fprintf(stderr, "replay: no input files in the folders given\n");
        return 1;
    }
    std::printf("replay: %zu files, %zu inputs, no fault\n", files, inputs);
    return 0;
}
