#!/usr/bin/env bash
# fleet.sh BIN: three drysim load processes against one MariaDB (a fleet
# of queue workers sharing the tables), each checking the audit log as it
# ends, then a last run that checks the fleet's end state; then one
# process alone with the same total offered load, for comparison.
# MariaDB comes from DRYSIM_MYSQL_DSN (scripts/with-mariadb.sh sets it).
set -euo pipefail
bin=$1
: "${DRYSIM_MYSQL_DSN:?run this under scripts/with-mariadb.sh}"
store="mysql:$DRYSIM_MYSQL_DSN"
dur=${FLEET_DURATION:-20s} workers=${FLEET_WORKERS:-64} rate=${FLEET_RATE:-40} limit=${FLEET_LIMIT:-30}
common=(-store "$store" -strategy slot -workers "$workers" -time-scale 0.01 -limit "$limit" -duration "$dur")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$bin" load -store "$store" -duration 0s -fresh >/dev/null # create and empty the tables
for i in 1 2 3; do
	"$bin" load "${common[@]}" -leases-per-s "$rate" -fresh=false -check safety -seed "$i" >"$dir/p$i" 2>&1 &
done
status=0
wait || status=$?
"$bin" load -store "$store" -duration 0s -fresh=false -limit "$limit" >"$dir/final" 2>&1 || status=$?
for i in 1 2 3; do echo "-- process $i"; grep -E '^(load|leases|activation|locks|database|invariants)' "$dir/p$i"; done
echo "-- the fleet's end state"
grep -E '^(store|invariants|  )' "$dir/final"
fleet=$(grep -h '^summary' "$dir"/p[123] | sed 's/.*leases_per_s=\([0-9.]*\).*/\1/' | awk '{ s += $1 } END { printf "%.1f", s }')

"$bin" load "${common[@]}" -leases-per-s "$((rate * 3))" -fresh >"$dir/one" 2>&1 || status=$?
echo "-- one process, the same total offered load ($((rate * 3)) leases/s)"
grep -E '^(load|leases|activation|locks|database|invariants)' "$dir/one"
one=$(sed -n 's/^summary.*leases_per_s=\([0-9.]*\).*/\1/p' "$dir/one")
echo
echo "fleet of 3 x $workers workers: $fleet leases/s in all; one process of $workers workers: $one leases/s"
exit $status
