package main

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/drysim/drysim/allocator/stores"
)

// TestMain lets the fleet test start this test binary as drysim itself:
// with DRYSIM_AS_MAIN set, it runs drysim with its arguments and exits.
func TestMain(m *testing.M) {
	if os.Getenv("DRYSIM_AS_MAIN") != "" {
		os.Exit(mainCode(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestLoadBadInputIsOneLineAndExit2(t *testing.T) {
	requireBadInputs(t, []badInput{
		{[]string{"load", "-store", "postgres:x"}, `store "postgres:x": want mem, sqlite:PATH or mysql:DSN`},
		{[]string{"load", "-store", "mysql:nope"}, "MySQL DSN"},
		{[]string{"load", "-workers", "0"}, "workers 0: want 1 or more"},
		{[]string{"load", "-leases-per-s", "0"}, "leases per second 0: want more than 0"},
		{[]string{"load", "-time-scale", "-1"}, "time scale -1: want more than 0"},
		{[]string{"load", "-strategy", "optimistic"}, `unknown strategy "optimistic"`},
		{[]string{"load", "-scenario", "nope"}, `unknown scenario "nope"`},
		{[]string{"load", "-check", "some"}, `check "some": want all or safety`},
		{[]string{"load", "-failpoint", "allocator/nowhere=return(1)"}, `unknown failpoint "allocator/nowhere"`},
	})
}

// A failpoint widens a race window live as it does in the simulator:
// 2 model seconds (20 ms at this scale) between acquire's re-read and the
// link, in the run's own registry; slot still holds.
func TestLoadTakesFailpoints(t *testing.T) {
	code, out, stderr := drysim("load", "-duration", "1s", "-workers", "16", "-time-scale", "0.01",
		"-failpoint", "allocator/beforeLinkLease=return(2000)")
	require.Equal(t, 0, code, stderr+out)
	require.Contains(t, out, "invariants held")
	p50 := regexp.MustCompile(`activation_p50=([0-9.]+)ms`).FindStringSubmatch(out)
	require.NotNil(t, p50, "activation under 1 s: %s", out)
	ms, _ := strconv.ParseFloat(p50[1], 64)
	require.GreaterOrEqual(t, ms, 20.0, "every link waited in the window")
}

func TestLoadPrintsTheFiguresAndHolds(t *testing.T) {
	code, out, stderr := drysim("load", "-duration", "1s", "-workers", "16", "-leases-per-s", "100", "-time-scale", "0.001")
	require.Equal(t, 0, code, stderr+out)
	for _, want := range []string{"leases/s", "activation p50", "object-lock waits", "invariants held: every live invariant", "summary store=mem strategy=slot workers=16"} {
		require.Contains(t, out, want)
	}
}

var leasesPerS = regexp.MustCompile(`leases_per_s=([0-9.]+)`)

// Three drysim load processes against one MariaDB act as one fleet: each
// runs its own queue workers over the shared tables, arbitrating through
// the database's slot-lock rows and named locks. Each checks the audit
// log as it ends; a last run checks the whole fleet's end state.
func TestFleetOfThreeProcessesOnOneMariaDB(t *testing.T) {
	dsn := os.Getenv(stores.MySQLEnv)
	if dsn == "" {
		t.Skipf("MariaDB skipped: %s unset (make test-mysql starts a server)", stores.MySQLEnv)
	}
	store := "mysql:" + dsn
	code, out, stderr := drysim("load", "-store", store, "-duration", "0s", "-fresh")
	require.Equal(t, 0, code, stderr+out)
	outs := make([]string, 3)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "load", "-store", store, "-fresh=false", "-check", "safety", "-duration", "3s",
				"-workers", "32", "-leases-per-s", "30", "-time-scale", "0.01", "-limit", "20", "-seed", strconv.Itoa(i+1))
			cmd.Env = append(os.Environ(), "DRYSIM_AS_MAIN=1")
			var b bytes.Buffer
			cmd.Stdout, cmd.Stderr = &b, &b
			err := cmd.Run()
			outs[i] = b.String()
			require.NoError(t, err, outs[i])
		})
	}
	wg.Wait()
	total := 0.0
	for _, o := range outs {
		require.Contains(t, o, "invariants held: the audit log's invariants")
		m := leasesPerS.FindStringSubmatch(o)
		require.NotNil(t, m, o)
		f, _ := strconv.ParseFloat(m[1], 64)
		require.Positive(t, f, o)
		total += f
	}
	code, out, stderr = drysim("load", "-store", store, "-duration", "0s", "-fresh=false", "-limit", "20")
	require.Equal(t, 0, code, stderr+out)
	require.Contains(t, out, "invariants held: every live invariant (audit log and end state)")
	t.Logf("fleet of 3: %.1f leases/s in all", total)
}

// loadConfigOf parses a drysim load command line with the real flags.
func loadConfigOf(t *testing.T, args []any) loadFlags {
	t.Helper()
	var strs []string
	for _, a := range args {
		strs = append(strs, a.(string))
	}
	require.Equal(t, "load", strs[0])
	fs := newFlags("load")
	var lf loadFlags
	lf.register(fs)
	help, err := parse(fs, strs[1:], &strings.Builder{})
	require.False(t, help)
	require.NoError(t, err, strs)
	_, err = lf.config()
	require.NoError(t, err, strs)
	return lf
}

// The Kubernetes fleet: a MariaDB service, load pods that share it and
// leave the end state to a last check with the same limit.
func TestKubernetesLoadFleetManifest(t *testing.T) {
	data, err := os.ReadFile("../../deploy/k8s-load-fleet.yaml")
	require.NoError(t, err)
	docs := map[string]map[string]any{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil {
			break
		}
		docs[doc["kind"].(string)] = doc
	}
	require.Equal(t, 3306, at(t, docs["Service"], "spec", "ports", 0, "port"))
	job := docs["Job"]
	require.Equal(t, at(t, job, "spec", "completions"), at(t, job, "spec", "parallelism"))
	fleet := loadConfigOf(t, at(t, job, "spec", "template", "spec", "containers", 0, "args").([]any))
	require.False(t, fleet.cfg.Fresh, "a pod must not empty the others' tables")
	require.Equal(t, "safety", fleet.check, "the end state is checked once the whole fleet stopped")
	require.Contains(t, fleet.store, "drysim-mariadb:3306", "the pods use the service")
	check := loadConfigOf(t, at(t, docs["CronJob"], "spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "args").([]any))
	require.Equal(t, "all", check.check)
	require.Equal(t, fleet.cfg.Limit, check.cfg.Limit, "the check knows the fleet's limit")
	require.Equal(t, fleet.store, check.store)
}

// Ctrl-C for real: drysim load gets SIGINT mid-run, releases what it
// holds, drains and exits 0 with every invariant held; a second process
// then reads the same SQLite file and finds nothing left behind.
func TestLoadInterruptedBySIGINTLeavesNothingBehind(t *testing.T) {
	store := "sqlite:" + t.TempDir() + "/interrupt.db"
	cmd := exec.Command(os.Args[0], "load", "-store", store, "-duration", "1m", "-workers", "32", "-leases-per-s", "50", "-time-scale", "0.01")
	cmd.Env = append(os.Environ(), "DRYSIM_AS_MAIN=1")
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	require.NoError(t, cmd.Start())
	killOnFailure(t, cmd)
	time.Sleep(1500 * time.Millisecond) // leases requested, held and pending
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	require.NoError(t, cmd.Wait(), b.String())
	out := b.String()
	require.Contains(t, out, "stopped    interrupted")
	require.Contains(t, out, "invariants held: every live invariant (audit log and end state)")
	m := regexp.MustCompile(`leases     (\d+) requested`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	n, _ := strconv.Atoi(m[1])
	require.Greater(t, n, 20, "it ran before the interrupt")

	code, check, stderr := drysim("load", "-store", store, "-duration", "0s", "-fresh=false")
	require.Equal(t, 0, code, stderr+check)
	require.Contains(t, check, "invariants held: every live invariant (audit log and end state)")
	require.Contains(t, check, "store      "+m[1]+" leases", "the second process read the first one's rows")
}
