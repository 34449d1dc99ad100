#!/usr/bin/env bash
# The few command-line tools the scripts and the end-to-end test call besides Java and Maven: installed with
# apt-get where missing and we are root (a fresh Debian machine), otherwise named.
set -euo pipefail
missing=()
for tool in curl sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  printf '[tools] installing %s with apt-get\n' "${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq curl coreutils >/dev/null
else
  printf '[tools] please install: %s\n' "${missing[*]}" >&2
  exit 1
fi
