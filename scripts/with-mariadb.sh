#!/usr/bin/env bash
# with-mariadb.sh COMMAND [ARGS...]: run COMMAND beside a throwaway MariaDB.
#
# It installs mariadb-server from the distribution's packages when mariadbd
# is missing (and we are root), makes a data directory under a temporary
# folder with mariadb-install-db, starts mariadbd as the current user on
# 127.0.0.1 only, on a free port, creates the database `drysim`, exports
#   DRYSIM_MYSQL_DSN=root@tcp(127.0.0.1:PORT)/drysim
# runs COMMAND, then stops the server and removes the data directory,
# whatever COMMAND did. The exit status is COMMAND's.
#
# Grants are skipped (--skip-grant-tables): the server listens on the
# loopback only and lives as long as COMMAND; nothing else can reach it.
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: $0 COMMAND [ARGS...]" >&2
	exit 2
fi

find_mariadbd() {
	for p in mariadbd /usr/sbin/mariadbd /usr/libexec/mariadbd mysqld /usr/sbin/mysqld; do
		if command -v "$p" >/dev/null 2>&1; then
			command -v "$p"
			return 0
		fi
	done
	return 1
}

if ! MARIADBD=$(find_mariadbd); then
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "with-mariadb: mariadbd is not installed and cannot be installed here (needs root and apt-get)" >&2
		exit 1
	fi
	echo "with-mariadb: installing mariadb-server from the distribution's packages" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq mariadb-server >/dev/null
	MARIADBD=$(find_mariadbd)
fi

# A free port: try random ones until nothing answers there.
port=""
for _ in $(seq 1 50); do
	p=$((20000 + RANDOM % 20000))
	if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		port=$p
		break
	fi
done
if [ -z "$port" ]; then
	echo "with-mariadb: found no free port on 127.0.0.1" >&2
	exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/drysim-mariadb.XXXXXX")
user_args=()
if [ "$(id -u)" -eq 0 ]; then
	user_args=(--user=root) # mariadbd refuses to run as root unless told to
fi
pid=""
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mariadb-install-db --no-defaults --datadir="$dir/data" "${user_args[@]}" \
	--auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 || {
	cat "$dir/install.log" >&2
	exit 1
}

# Connections: every held object lock (GET_LOCK) pins one, so a few
# hundred workers per process, times a few processes, need thousands.
"$MARIADBD" --no-defaults --datadir="$dir/data" "${user_args[@]}" \
	--bind-address=127.0.0.1 --port="$port" --socket="$dir/mysqld.sock" \
	--pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
	--skip-grant-tables --skip-name-resolve --max-connections=4000 \
	--innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
	--innodb-lock-wait-timeout=20 --performance-schema=OFF &
pid=$!

for i in $(seq 1 300); do
	if mariadb --no-defaults --socket="$dir/mysqld.sock" -e 'CREATE DATABASE IF NOT EXISTS drysim' 2>/dev/null; then
		break
	fi
	if ! kill -0 "$pid" 2>/dev/null || [ "$i" -eq 300 ]; then
		echo "with-mariadb: the server did not start; its log:" >&2
		cat "$dir/error.log" >&2
		exit 1
	fi
	sleep 0.1
done

export DRYSIM_MYSQL_DSN="root@tcp(127.0.0.1:$port)/drysim"
export DRYSIM_MYSQL_SOCKET="$dir/mysqld.sock"
echo "with-mariadb: $("$MARIADBD" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)" >&2
set +e
"$@"
status=$?
set -e
exit $status
