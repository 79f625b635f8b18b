#!/bin/sh
# Installs the Debian 12 packages scarwise needs to build and test, if any are missing.
# Idempotent and quiet when everything is present; runs `apt-get update` only when something
# has to be installed. A non-root user is told what to run instead.
set -eu

# libssl-dev: OpenSSL's libcrypto, which computes the SHA-256 digests of rule sets and cases.
# clang and its compiler-rt: the sanitizer (asan, tsan) and libFuzzer (fuzz) presets.
# libbenchmark-dev: Google Benchmark, for bench/ (built with the tests).
# abigail-tools: abidiff, for the ABI check of the shared library (the shared preset).
# python3-jsonschema, python3-yaml: the schema tests validate files against schema/ with them.
# dpkg-dev and file: dpkg-shlibdeps and ELF detection, for `cpack -G DEB` and its test.
packages="g++ cmake ninja-build pkg-config libyaml-cpp-dev libssl-dev libboost1.81-dev libcli11-dev
  catch2 clang libclang-rt-14-dev libbenchmark-dev abigail-tools python3-jsonschema python3-yaml
  dpkg-dev file"

missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    "install ok installed") ;;
    *) missing="$missing $package" ;;
  esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "scarwise needs these Debian packages:$missing" >&2
  echo "Install them as root, then run this again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi

echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # the list is meant to split into words
apt-get install -y -qq --no-install-recommends $missing >/dev/null
