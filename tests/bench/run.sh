#!/bin/sh
# Full benchmark runs (optimised build). Usage: tests/bench/run.sh [build dir]
set -eu
BUILD=${1:-build/bench}
cmake -S "$(dirname "$0")/../.." -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DLANYARD_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD" --target bench_issuance
"$BUILD/tests/bench/bench_issuance"
