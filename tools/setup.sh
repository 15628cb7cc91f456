#!/usr/bin/env bash
# certportal set-up: installs what the project needs on Debian, idempotently.
#
#   tools/setup.sh            everything (build + tests)
#   tools/setup.sh --serve    only what building and serving the portal needs
#
# Steps, each skipped when already satisfied (the fast path takes well under 2 s):
#   1. Debian packages (toolchain, fonts, Chromium, OpenSSL, ...)
#   2. deb-src entries derived from this machine's own apt sources, for step 3
#   3. Sources of Dear ImGui and Mbed TLS from Debian source packages, pinned and
#      SHA-256-checked, extracted into the cache (outside the repository); a second copy of
#      Mbed TLS with certportal's wasm bignum patch (pinned too) for the Emscripten builds
#   4. npm packages for the browser tests (from package-lock.json)
#
# The cache folder is $CERTPORTAL_CACHE (default ~/.cache/certportal).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${CERTPORTAL_CACHE:-$HOME/.cache/certportal}
mode=${1:-all}

say()  { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# --- Pins -----------------------------------------------------------------------
# Debian source packages: name, version, orig tarball, its SHA-256, folder inside.
IMGUI_PKG=imgui
IMGUI_VERSION=1.92.2b+ds-1
IMGUI_ORIG=imgui_1.92.2b+ds.orig.tar.xz
IMGUI_SHA256=e7bd201d56b5ee90d24d5dac85e5c12f98bdb95410252a62d27b7f89e4566d48
MBEDTLS_PKG=mbedtls
MBEDTLS_VERSION=3.6.6-0.1~deb13u1
MBEDTLS_ORIG=mbedtls_3.6.6.orig.tar.bz2
MBEDTLS_SHA256=8fb65fae8dcae5840f793c0a334860a411f884cc537ea290ce1c52bb64ca007a
# certportal's patch for the wasm builds of Mbed TLS (64-bit-limb inner loop, deeper sieve);
# native builds use the source as shipped.
MBEDTLS_WASM_PATCH=tools/patches/mbedtls-3.6.6-wasm-bignum.patch
MBEDTLS_WASM_PATCH_SHA256=fdc4f30e0c874e3a674cda887cba0070b3d6c17036ce8a5575cda8e2ea4643a2

SERVE_PACKAGES=(emscripten cmake ninja-build python3 python3-fonttools fonts-morisawa-bizud-gothic
                brotli dpkg-dev xz-utils bzip2 patch)
# The browser tests' three engines (tests/browser/engines.mjs): Chromium headless, its WebGL on
# Mesa's llvmpipe through EGL; Firefox and WebKitGTK's MiniBrowser (with its WebDriver) in a real
# window on Xvfb, software GL from Mesa.
TEST_PACKAGES=(g++ clang libclang-rt-14-dev libgtest-dev glslang-tools openssl chromium
               firefox-esr webkit2gtk-driver xvfb xauth libgl1-mesa-dri libegl1 libegl-mesa0
               tshark)
# tshark (Wireshark 4.0): native.tls's TlsCaptureTshark reads the handshake's exported capture with
# it. Its debconf question (capture rights for non-root users) keeps its default, no, under
# DEBIAN_FRONTEND=noninteractive: the test only reads files.
# Node.js and npm may come from elsewhere (an image's own Node.js bundles npm, which
# conflicts with Debian's npm package): install Debian's only when the command is missing.
command -v node >/dev/null 2>&1 || SERVE_PACKAGES+=(nodejs)
command -v npm  >/dev/null 2>&1 || TEST_PACKAGES+=(npm)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else
    fail "not root; run this as root first:  sudo $*"
  fi
}

# --- 1. Debian packages -------------------------------------------------------
packages=("${SERVE_PACKAGES[@]}")
[ "$mode" = "--serve" ] || packages+=("${TEST_PACKAGES[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
apt_updated=0
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  apt_updated=1
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get could not install: ${missing[*]} (see the messages above)"
fi

# --- 2 + 3. Third-party sources -----------------------------------------------
src_list=/etc/apt/sources.list.d/certportal-src.sources

ensure_deb_src() {
  [ -f "$src_list" ] && return 0
  # Take the URI of the machine's main Debian archive, so that no host is written here.
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1=="deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || fail "no Debian archive found in /etc/apt/sources.list{,.d}: cannot fetch source packages"
  say "adding deb-src entries for $uri (bookworm trixie sid) in $src_list"
  local body
  body=$(printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie sid\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri")
  if [ "$(id -u)" -eq 0 ]; then printf '%s\n' "$body" > "$src_list"; else
    fail "not root; create $src_list with these lines, then run apt-get update:
$body"
  fi
  as_root apt-get update -qq
  apt_updated=1
}

# fetch_source PKG VERSION ORIG SHA256 DEST
fetch_source() {
  local pkg=$1 version=$2 orig=$3 sha=$4 dest=$5
  if [ -f "$dest/.certportal-ok" ] && [ "$(cat "$dest/.certportal-ok")" = "$sha" ]; then return 0; fi
  mkdir -p "$cache/downloads"
  if [ ! -f "$cache/downloads/$orig" ]; then
    ensure_deb_src
    say "downloading source package $pkg=$version"
    if ! (cd "$cache/downloads" && apt-get source --download-only -qq "$pkg=$version" >/dev/null 2>&1); then
      [ $apt_updated -eq 1 ] || { as_root apt-get update -qq; apt_updated=1; }
      (cd "$cache/downloads" && apt-get source --download-only -qq "$pkg=$version") || fail \
"source package $pkg=$version is not available from the Debian archive any more (or the network is down).
  Needed: $orig with SHA-256 $sha.
  Either put that file into $cache/downloads/ by hand, or pick the version Debian now has
  ('apt-cache showsrc $pkg') and update the pins in tools/setup.sh."
    fi
  fi
  local got
  got=$(sha256sum "$cache/downloads/$orig" | cut -d' ' -f1)
  [ "$got" = "$sha" ] || fail "$orig has SHA-256 $got, expected $sha. Delete $cache/downloads/$orig and run again."
  say "extracting $orig into $dest"
  rm -rf "$dest" "$dest.tmp"; mkdir -p "$dest.tmp"
  tar -xf "$cache/downloads/$orig" -C "$dest.tmp" --strip-components=1
  printf '%s\n' "$sha" > "$dest.tmp/.certportal-ok"
  mv "$dest.tmp" "$dest"
}

fetch_source "$IMGUI_PKG" "$IMGUI_VERSION" "$IMGUI_ORIG" "$IMGUI_SHA256" "$cache/imgui"
fetch_source "$MBEDTLS_PKG" "$MBEDTLS_VERSION" "$MBEDTLS_ORIG" "$MBEDTLS_SHA256" "$cache/mbedtls"

# patched_copy SRC SRC_SHA256 PATCH PATCH_SHA256 DEST: DEST = SRC + PATCH, remade when either changes.
patched_copy() {
  local src=$1 src_sha=$2 patch_file=$here/$3 patch_sha=$4 dest=$5
  local stamp="$src_sha $patch_sha"
  if [ -f "$dest/.certportal-ok" ] && [ "$(cat "$dest/.certportal-ok")" = "$stamp" ]; then return 0; fi
  [ -f "$patch_file" ] || fail "missing $3"
  local got
  got=$(sha256sum "$patch_file" | cut -d' ' -f1)
  [ "$got" = "$patch_sha" ] || fail "$3 has SHA-256 $got, expected $patch_sha.
  If you changed the patch on purpose, put its new SHA-256 into MBEDTLS_WASM_PATCH_SHA256 in tools/setup.sh."
  say "making $dest: $(basename "$src") + $3"
  rm -rf "$dest" "$dest.tmp"
  cp -a "$src" "$dest.tmp"
  rm -f "$dest.tmp/.certportal-ok"
  local log
  if ! log=$(patch -p1 --forward --batch --no-backup-if-mismatch -d "$dest.tmp" < "$patch_file" 2>&1); then
    rm -rf "$dest.tmp"
    fail "$3 no longer applies to $(basename "$src") ($src):
$log
  The pinned source changed or the patch was edited against another version. Refresh the patch
  (see its header) against the pinned source, then update MBEDTLS_WASM_PATCH_SHA256."
  fi
  printf '%s\n' "$stamp" > "$dest.tmp/.certportal-ok"
  mv "$dest.tmp" "$dest"
}
patched_copy "$cache/mbedtls" "$MBEDTLS_SHA256" "$MBEDTLS_WASM_PATCH" "$MBEDTLS_WASM_PATCH_SHA256" "$cache/mbedtls-wasm"

# --- 4. npm packages for the browser tests -----------------------------------
if [ "$mode" != "--serve" ]; then
  # One browser driver per engine (tests/browser/engines.mjs) and axe-core (roles.test.mjs): any of them
  # missing, or a newer lock, reinstalls.
  missing_driver=0
  for driver in playwright-core puppeteer-core selenium-webdriver axe-core; do
    [ -d "$here/node_modules/$driver" ] || missing_driver=1
  done
  if [ "$missing_driver" -eq 1 ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    say "installing npm packages (npm ci)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed (see above)"
  fi
fi
