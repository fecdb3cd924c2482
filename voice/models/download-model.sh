#!/usr/bin/env bash
# Downloads a whisper.cpp ggml model and verifies it.
#
#   voice/models/download-model.sh <tiny|tiny.en|base|base.en|small|small.en> [folder]
#
# Default folder: ${XDG_DATA_HOME:-~/.local/share}/RealtyHub/models, where the hub looks by default
# (RealtyHub:Voice:ModelPath = <that folder>/ggml-base.en.bin). Re-running resumes a partial download; a finished
# file is kept only if its SHA-1 matches the one whisper.cpp publishes (models/README.md in whisper.cpp 1.9.1).
# Exit codes: 0 ready, 2 bad usage, 3 curl/sha1sum missing, 4 download failed, 5 checksum mismatch.
set -euo pipefail

readonly SOURCE="https://huggingface.co/ggerganov/whisper.cpp/resolve/main"

sha1_of_model() {
  case "$1" in
    tiny)     echo bd577a113a864445d4c299885e0cb97d4ba92b5f ;;
    tiny.en)  echo c78c86eb1a8faa21b369bcd33207cc90d64ae9df ;;
    base)     echo 465707469ff3a37a2b9b8d8f89f2f99de7299dac ;;
    base.en)  echo 137c40403d78fd54d454da0f9bd998f78703390c ;;
    small)    echo 55356645c2b361a969dfd0ef2c5a50d530afd8d5 ;;
    small.en) echo db8a495a91d927739e50b3fc1cc4c6b8f6c2d022 ;;
    *) return 1 ;;
  esac
}

if [[ $# -lt 1 || $# -gt 2 ]] || ! expected="$(sha1_of_model "$1")"; then
  echo "usage: $0 <tiny|tiny.en|base|base.en|small|small.en> [folder]" >&2
  echo "  sizes: tiny 75 MiB, base 142 MiB, small 466 MiB; *.en = English only (better for English at the same size)" >&2
  exit 2
fi
for tool in curl sha1sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "download-model: $tool is missing (apt-get install curl coreutils)" >&2; exit 3; }
done

name="$1"
folder="${2:-${XDG_DATA_HOME:-$HOME/.local/share}/RealtyHub/models}"
file="$folder/ggml-$name.bin"
partial="$file.part"
mkdir -p "$folder"

verified() { [[ "$(sha1sum "$1" | cut -d' ' -f1)" == "$expected" ]]; }

if [[ -f "$file" ]]; then
  if verified "$file"; then
    echo "download-model: $file is already there and verified"
    exit 0
  fi
  echo "download-model: $file does not match its SHA-1; downloading it again"
  mv -f "$file" "$partial"  # may be a partial copy: let curl resume it, the checksum decides
fi

echo "download-model: ggml-$name.bin -> $folder"
# -C - resumes from what .part already holds; --fail turns HTTP errors into a non-zero exit.
if ! curl --fail --location --retry 3 --connect-timeout 20 -C - --progress-bar -o "$partial" "$SOURCE/ggml-$name.bin"; then
  echo "download-model: could not download $SOURCE/ggml-$name.bin (offline, or the host refused)." >&2
  echo "  Re-run to resume, or copy ggml-$name.bin from a machine that has it into $folder," >&2
  echo "  or set RealtyHub:Voice:ModelPath to a model file you have." >&2
  exit 4
fi
if ! verified "$partial"; then
  rm -f "$partial"
  echo "download-model: SHA-1 mismatch for ggml-$name.bin (expected $expected); the download was discarded." >&2
  exit 5
fi
mv -f "$partial" "$file"
echo "download-model: ready $file"
echo "  set RealtyHub:Voice:ModelPath=$file (the default is $folder/ggml-base.en.bin)"
