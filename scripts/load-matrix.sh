#!/usr/bin/env bash
# load-matrix.sh BIN DURATION LONG: drysim load on every store, global vs
# slot at 16, 64 and 256 workers for DURATION each, then slot and naive at
# 256 workers for LONG (0: skip them); one table at the end.
# LOAD_RATE (leases/s, default 100) and LOAD_TIME_SCALE (default 0.01)
# set the offered load. MariaDB comes from
# DRYSIM_MYSQL_DSN (scripts/with-mariadb.sh sets it).
set -euo pipefail
bin=$1 dur=$2 long=$3
: "${DRYSIM_MYSQL_DSN:?run this under scripts/with-mariadb.sh}"
scale=${LOAD_TIME_SCALE:-0.01}
rate=${LOAD_RATE:-100}
db=$(mktemp -d)/load.db
trap 'rm -rf "$(dirname "$db")"' EXIT
stores=("mem" "sqlite:$db" "mysql:$DRYSIM_MYSQL_DSN")
out=$(mktemp)
run() { # store strategy workers duration
	echo "== drysim load -store ${1%%:*} -strategy $2 -workers $3 -duration $4 -leases-per-s $rate -time-scale $scale" >&2
	"$bin" load -store "$1" -strategy "$2" -workers "$3" -duration "$4" -leases-per-s "$rate" -time-scale "$scale" >"$out.run" || true
	grep -E '^  (binding|blueprint|lease-|release|acquire|reclaim|single|status|one-|needless|broken|no-|nothing)' "$out.run" | head -3 >&2 || true
	grep '^summary' "$out.run" | sed "s/^summary /duration=$4 /" >>"$out"
}
for s in "${stores[@]}"; do
	for st in global slot; do
		for w in 16 64 256; do run "$s" "$st" "$w" "$dur"; done
	done
done
if [ "$long" != 0 ]; then
	for s in "${stores[@]}"; do
		for st in slot naive; do run "$s" "$st" 256 "$long"; done
	done
fi
printf '\n%-7s %-7s %-8s %7s %10s %12s %12s %9s %9s %12s %s\n' store strategy workers duration leases/s p50 p99 lk-tmout deadlock lkwait-tmout verdict
awk '{
	for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
	printf "%-7s %-7s %-8s %7s %10s %12s %12s %9s %9s %12s %s\n", f["store"], f["strategy"], f["workers"], f["duration"], f["leases_per_s"], f["activation_p50"], f["activation_p99"], f["lock_timeouts"] "+" f["named_lock_timeouts"], f["deadlocks"], f["lock_wait_timeouts"], f["verdict"]
}' "$out"
rm -f "$out" "$out.run"
