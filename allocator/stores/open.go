package stores

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"github.com/go-sql-driver/mysql"
	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

// MySQLEnv names the environment variable the MariaDB tests read their
// DSN from (scripts/with-mariadb.sh sets it); unset, they are skipped.
const MySQLEnv = "DRYSIM_MYSQL_DSN"

//go:embed migrations
var migrations embed.FS

// Spec is a parsed -store value: mem, sqlite:PATH or mysql:DSN.
type Spec struct {
	Kind Kind
	// Path (SQLite) or DSN (MySQL, go-sql-driver's syntax:
	// user:pass@tcp(host:port)/database).
	Target string
}

func (s Spec) String() string {
	if s.Kind == Memory {
		return string(Memory)
	}
	return string(s.Kind) + ":" + s.Target
}

// ParseSpec reads mem, sqlite:PATH or mysql:DSN.
func ParseSpec(v string) (Spec, error) {
	if v == string(Memory) {
		return Spec{Kind: Memory}, nil
	}
	kind, target, ok := strings.Cut(v, ":")
	switch {
	case ok && kind == string(SQLite) && target != "":
		return Spec{Kind: SQLite, Target: target}, nil
	case ok && kind == string(MySQL) && target != "":
		if _, err := mysql.ParseDSN(target); err != nil {
			return Spec{}, fmt.Errorf("store %q: MySQL DSN: %w; want user[:pass]@tcp(host:port)/database", v, err)
		}
		return Spec{Kind: MySQL, Target: target}, nil
	}
	return Spec{}, fmt.Errorf("store %q: want mem, sqlite:PATH or mysql:DSN (e.g. mysql:root@tcp(127.0.0.1:3306)/drysim)", v)
}

// Open opens the database a spec names and creates drysim's tables in it
// if they are missing (embedded migrations). mem has no database: Open
// returns nil for it, and the allocator keeps its rows in memory.
func Open(s Spec) (*DB, error) {
	var d *DB
	var err error
	switch s.Kind {
	case Memory:
		return nil, nil
	case SQLite:
		d, err = openSQLite(s.Target)
	case MySQL:
		d, err = openMySQL(s.Target)
	default:
		return nil, fmt.Errorf("store kind %q: want mem, sqlite or mysql", s.Kind)
	}
	if err != nil {
		return nil, err
	}
	if err := d.migrate(); err != nil {
		d.Close()
		return nil, fmt.Errorf("%s: creating tables: %w", s, err)
	}
	return d, nil
}

func openSQLite(path string) (*DB, error) {
	// WAL lets reads go on beside the one writer; the busy timeout is how
	// long a write waits for another process's write lock.
	q := url.Values{"_pragma": {"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)"}}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return &DB{kind: SQLite, db: db, writer: make(chan struct{}, 1)}, nil
}

func openMySQL(dsn string) (*DB, error) {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("mysql DSN: %w", err)
	}
	if cfg.DBName == "" {
		return nil, fmt.Errorf("mysql DSN %q names no database; want .../database", dsn)
	}
	// One round trip per statement (no server-side prepare), affected rows
	// that count matched rows (an UPDATE that changes nothing still found
	// its row), and READ COMMITTED: no gap locks, each statement sees what
	// is committed.
	cfg.InterpolateParams, cfg.ClientFoundRows = true, true
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["tx_isolation"] = "'READ-COMMITTED'"
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, fmt.Errorf("mysql DSN: %w", err)
	}
	db, locks := sql.OpenDB(connector), sql.OpenDB(connector)
	db.SetMaxIdleConns(256)
	locks.SetMaxIdleConns(512)
	if err := db.Ping(); err != nil {
		db.Close()
		locks.Close()
		return nil, fmt.Errorf("mysql %s: %w", cfg.Addr, err)
	}
	return &DB{kind: MySQL, db: db, locksDB: locks, prefix: cfg.DBName}, nil
}

// migrate applies the embedded migrations not applied yet, in name order,
// recording each in drysim_schema. On MySQL a named lock keeps processes
// that start together from migrating at once.
func (d *DB) migrate() error {
	ctx := context.Background()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if d.kind == MySQL {
		if _, err := conn.ExecContext(ctx, "SELECT GET_LOCK(?, 60)", d.prefix+".drysim.migrate"); err != nil {
			return err
		}
		defer conn.ExecContext(ctx, "DO RELEASE_LOCK(?)", d.prefix+".drysim.migrate")
	}
	if _, err := conn.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS drysim_schema (version VARCHAR(128) NOT NULL PRIMARY KEY)"); err != nil {
		return err
	}
	dir := "migrations/" + string(d.kind)
	names, err := fs.Glob(migrations, dir+"/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, name := range names {
		if err := d.apply(ctx, conn, name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func (d *DB) apply(ctx context.Context, conn *sql.Conn, name string) error {
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM drysim_schema WHERE version = ?", name).Scan(&n); err != nil || n > 0 {
		return err
	}
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	for _, stmt := range strings.Split(string(body), ";\n") {
		if strings.TrimSpace(stripComments(stmt)) == "" {
			continue
		}
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	_, err = conn.ExecContext(ctx, "INSERT INTO drysim_schema (version) VALUES (?)", name)
	return err
}

func stripComments(stmt string) string {
	var keep []string
	for _, line := range strings.Split(stmt, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// tables are drysim's tables, in the order Reset empties them.
func tables() []string {
	return []string{"drydock_lease", "drydock_resource", "drydock_command", "drydock_slotlock", "drysim_audit"}
}

// Reset deletes every row (a fresh run); the tables stay. IDs start
// again from 1.
func (d *DB) Reset() error {
	ctx := context.Background()
	for _, t := range tables() {
		q := "TRUNCATE TABLE " + t
		if d.kind == SQLite {
			q = "DELETE FROM " + t
		}
		if _, err := d.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("reset %s: %w", t, err)
		}
	}
	if d.kind == SQLite {
		if _, err := d.db.ExecContext(ctx, "DELETE FROM sqlite_sequence"); err != nil {
			return fmt.Errorf("reset sqlite_sequence: %w", err)
		}
	}
	return nil
}

// Error classes.

func mysqlCode(err error) uint16 {
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		return me.Number
	}
	return 0
}

func isDeadlock(err error) bool        { return mysqlCode(err) == 1213 }
func isLockWaitTimeout(err error) bool { return mysqlCode(err) == 1205 }
func isBusy(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked"))
}
func isUnique(err error) bool {
	return mysqlCode(err) == 1062 || (err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed"))
}
