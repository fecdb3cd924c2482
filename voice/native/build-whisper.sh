#!/usr/bin/env bash
# Builds librealtyhub_whisper.so (whisper.cpp 1.9.1 + ggml, static, + our C shim) once and caches it outside the repo.
#
#   voice/native/build-whisper.sh                        build if the cache lacks it, print progress, then its path
#   voice/native/build-whisper.sh --print-library-path   print where the library is (or will be); build nothing
#
# Environment: REALTYHUB_NATIVE_CACHE (default ~/.cache/realtyhub), REALTYHUB_WHISPER_CPU (avx2 | baseline, default
# avx2 on x86-64). Needs cmake, a C/C++ compiler and npm (apt-get install cmake g++ npm).
# Exit codes: 0 built or cached, 2 bad usage, 3 a tool is missing, 4 download/checksum failed, 5 build failed.
set -euo pipefail

readonly WHISPER_VERSION="1.9.1"
# whisper.cpp ships, with its CMake build, inside this npm package (MIT). Pinned: version and npm's dist.integrity.
readonly NPM_PACKAGE="nodejs-whisper@0.3.1"
readonly NPM_INTEGRITY="sha512-ceoilUVraRuR5FnNyXpGQT2auAR48Oc3AQBEmkXnVpSn9iN6yVRzQBFCqVTGWbk6Wdi95NhvwXNzFvuR7erLWw=="
readonly LIBRARY_NAME="librealtyhub_whisper.so"

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
mode="${1:-build}"
case "$mode" in
  build|--print-library-path) ;;
  *) echo "usage: $0 [--print-library-path]" >&2; exit 2 ;;
esac

cpu_level="${REALTYHUB_WHISPER_CPU:-}"
if [[ -z "$cpu_level" ]]; then
  case "$(uname -m)" in x86_64|amd64) cpu_level="avx2" ;; *) cpu_level="baseline" ;; esac
fi
if [[ "$cpu_level" != "avx2" && "$cpu_level" != "baseline" ]]; then
  echo "build-whisper: REALTYHUB_WHISPER_CPU must be avx2 or baseline, not '$cpu_level'" >&2
  exit 2
fi

# The cache key changes whenever the shim or the CMake glue changes, so a stale library is never reused.
sources_hash="$(cat "$here/realtyhub_whisper.c" "$here/realtyhub_whisper.h" "$here/CMakeLists.txt" \
  | sha256sum | cut -c1-12)"
cache_root="${REALTYHUB_NATIVE_CACHE:-$HOME/.cache/realtyhub}"
target_dir="$cache_root/whisper-$WHISPER_VERSION-$cpu_level-$sources_hash"
library="$target_dir/$LIBRARY_NAME"

if [[ "$mode" == "--print-library-path" ]]; then
  echo "$library"
  exit 0
fi
if [[ -f "$library" ]]; then
  echo "build-whisper: cached $library"
  exit 0
fi

missing=()
for tool in cmake cc c++ npm tar make flock sha512sum; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if (( ${#missing[@]} > 0 )); then
  echo "build-whisper: missing ${missing[*]}; install them with: apt-get install cmake g++ make npm" >&2
  exit 3
fi

mkdir -p "$cache_root"
# One build at a time per cache (parallel dotnet builds of web, silo and tests all ask for the library).
exec 9>"$cache_root/whisper.lock"
if ! flock -n 9; then
  echo "build-whisper: another build holds $cache_root/whisper.lock; waiting for it"
  flock 9
fi
if [[ -f "$library" ]]; then
  echo "build-whisper: built meanwhile by another process: $library"
  exit 0
fi

work="$(mktemp -d "$cache_root/.build-XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "build-whisper: fetching $NPM_PACKAGE (whisper.cpp $WHISPER_VERSION source)"
if ! (cd "$work" && npm pack "$NPM_PACKAGE" --silent >/dev/null); then
  echo "build-whisper: 'npm pack $NPM_PACKAGE' failed (is the npm registry reachable?)" >&2
  exit 4
fi
tarball="$(ls "$work"/*.tgz)"
expected_hex="$(printf '%s' "${NPM_INTEGRITY#sha512-}" | base64 -d | od -An -tx1 -v | tr -d ' \n')"
actual_hex="$(sha512sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual_hex" != "$expected_hex" ]]; then
  echo "build-whisper: checksum mismatch for $tarball (expected npm integrity $NPM_INTEGRITY)" >&2
  exit 4
fi
tar -xzf "$tarball" -C "$work"
source_dir="$work/package/cpp/whisper.cpp"
[[ -f "$source_dir/CMakeLists.txt" ]] || { echo "build-whisper: no whisper.cpp in $tarball" >&2; exit 4; }

jobs="$(nproc 2>/dev/null || echo 2)"
echo "build-whisper: building $LIBRARY_NAME (cpu level $cpu_level, $jobs jobs; about 3 minutes on 2 cores)"
if ! cmake -S "$here" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DWHISPER_SOURCE_DIR="$source_dir" \
      -DREALTYHUB_WHISPER_CPU="$cpu_level" -Wno-dev >"$work/configure.log" 2>&1; then
  cat "$work/configure.log" >&2
  echo "build-whisper: cmake configure failed" >&2
  exit 5
fi
# The Makefile generator prints "[ NN%]" for every step: that is the visible progress.
if ! cmake --build "$work/build" --target realtyhub_whisper -j "$jobs"; then
  echo "build-whisper: build failed" >&2
  exit 5
fi

staging="$cache_root/.staging-$$"
mkdir -p "$staging"
cp "$work/build/$LIBRARY_NAME" "$staging/$LIBRARY_NAME"
strip --strip-unneeded "$staging/$LIBRARY_NAME" 2>/dev/null || true
printf 'whisper.cpp %s from npm %s\ncpu level %s\nsources %s\nbuilt %s\n' \
  "$WHISPER_VERSION" "$NPM_PACKAGE" "$cpu_level" "$sources_hash" "$(date -u +%FT%TZ)" >"$staging/BUILD-INFO"
rm -rf "$target_dir"
mv "$staging" "$target_dir"  # atomic: readers see the whole folder or none
echo "build-whisper: done $library"
