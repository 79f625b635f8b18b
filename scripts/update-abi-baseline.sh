#!/bin/sh
# Regenerates abi/scarwise.abi, the ABI baseline the shared-library tests compare against.
# Run it when a change to the public API or ABI is intended, and commit the new baseline with
# that change so that the review sees it. The baseline describes the shared library built by
# the `shared` preset (g++ 12, RelWithDebInfo) and only its exported interfaces.
set -eu
cd "$(dirname "$0")/.."
cmake --preset shared >/dev/null
cmake --build --preset shared --target scarwise
library=$(find build/shared/src -name 'libscarwise.so.*.*.*' | head -n 1)
# The corpus records each translation unit's source and build paths; keep them relative so
# that the baseline does not depend on where the tree was checked out.
abidw --exported-interfaces-only --no-show-locs --no-corpus-path "$library" |
  sed -e "s|$(pwd)/||g" -e "s|$(pwd)|.|g" >abi/scarwise.abi
echo "abi/scarwise.abi updated from $library"
