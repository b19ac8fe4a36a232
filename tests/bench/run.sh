#!/bin/sh
# Full benchmark runs on an optimised build. Usage: tests/bench/run.sh [build dir]
# The 1,000,000-person database is made once and kept in the build dir.
set -eu
BUILD=${1:-build/bench}
cmake -S "$(dirname "$0")/../.." -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DLANYARD_BUILD_TESTS=ON >/dev/null
cmake --build "$BUILD" --target bench_issuance bench_find_person bench_server bench_card_read bench_people_import bench_directory bench_batch_requests lanyard lanyard-server
"$BUILD/tests/bench/bench_issuance"
"$BUILD/tests/bench/bench_find_person" --db "$BUILD/find-1m.db" --lanyard "$BUILD/app/lanyard"
"$BUILD/tests/bench/bench_server"
"$BUILD/tests/bench/bench_people_import"
"$BUILD/tests/bench/bench_directory"
"$BUILD/tests/bench/bench_batch_requests"
"$(dirname "$0")/../support/with-pcsc-namespace.sh" "$BUILD/tests/bench/bench_card_read"
