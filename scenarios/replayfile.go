package scenarios

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/drysim/drysim/sim"
)

// ReplayVersion is the replay file format this build reads and writes.
const ReplayVersion = 1

// ErrReplay is wrapped by every error about a replay file: a malformed
// file, another format version, or a decision that does not fit the run.
var ErrReplay = errors.New("bad replay file")

// ReplayFile is a run as plain text a person can read and diff: a header
// that says what ran, then every scheduling decision, one per line.
type ReplayFile struct {
	Config    RunConfig
	Hash      string // the trace hash the run must give
	Steps     int64
	Decisions []sim.Decision
	Names     []string // the task each decision ran ("" for a timer)
}

// NewReplayFile captures a run; it needs the run's decisions
// (RunConfig.Decisions or Replay).
func NewReplayFile(r *Result) (*ReplayFile, error) {
	if !r.Config.Decisions && r.Config.Replay == nil && r.Config.Schedule == nil {
		return nil, fmt.Errorf("run kept no decisions; run it with RunConfig.Decisions set")
	}
	f := &ReplayFile{Config: r.Config, Hash: r.HashString(), Steps: r.Steps, Decisions: r.Sim.Decisions}
	f.Config.Replay, f.Config.lenient, f.Config.Schedule, f.Config.Trace, f.Config.Decisions = nil, nil, nil, false, false
	for _, d := range r.Sim.Decisions {
		f.Names = append(f.Names, r.taskName(d.Task))
	}
	return f, nil
}

// Write renders the file.
func (f *ReplayFile) Write(out io.Writer) error {
	w := bufio.NewWriter(out)
	c := f.Config
	fmt.Fprintf(w, "# drysim replay file: `drysim replay <this file>` reruns it and checks the hash.\n")
	fmt.Fprintf(w, "drysim-replay %d\n", ReplayVersion)
	fmt.Fprintf(w, "scenario %s\nstrategy %s\nseed %d\nworkers %d\n", c.Scenario, c.Strategy, c.Seed, c.Workers)
	fmt.Fprintf(w, "leases %d\nclients %d\nlimit %d\npoll %v\nsched %s\n", c.Leases, c.Clients, c.Limit, c.Poll, c.Sched)
	fmt.Fprintf(w, "scenario-failpoints %t\n", !c.NoScenarioFailpoints)
	for _, fp := range c.Failpoints {
		fmt.Fprintf(w, "failpoint %s\n", fp)
	}
	if c.StopOn != "" {
		fmt.Fprintf(w, "stop-on %s\n", c.StopOn)
	}
	fmt.Fprintf(w, "hash %s\nsteps %d\ndecisions %d\n", f.Hash, f.Steps, len(f.Decisions))
	fmt.Fprintf(w, "# before step   run task\n")
	for i, d := range f.Decisions {
		if d.Task == sim.FireTimer {
			fmt.Fprintf(w, "%13d   fire\n", d.Step)
			continue
		}
		fmt.Fprintf(w, "%13d   %d %s\n", d.Step, d.Task, f.Names[i])
	}
	return w.Flush()
}

// ParseReplayFile reads a replay file. Any line it cannot read, a missing
// field, or another format version is an error wrapping ErrReplay that names
// the line.
func ParseReplayFile(in io.Reader) (*ReplayFile, error) {
	f := &ReplayFile{}
	p := replayParser{f: f}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		p.line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := p.parseLine(text); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrReplay, p.line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrReplay, err)
	}
	if err := p.complete(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrReplay, err)
	}
	return f, nil
}

type replayParser struct {
	f        *ReplayFile
	line     int
	version  bool
	declared int // the "decisions" count, -1 until read
	seen     map[string]bool
}

func (p *replayParser) parseLine(text string) error {
	if !p.version {
		if text != fmt.Sprintf("drysim-replay %d", ReplayVersion) {
			return fmt.Errorf("want %q first, got %q: this build reads format version %d only", fmt.Sprintf("drysim-replay %d", ReplayVersion), text, ReplayVersion)
		}
		p.version, p.declared, p.seen = true, -1, map[string]bool{}
		return nil
	}
	if p.declared >= 0 {
		return p.parseDecision(text)
	}
	key, value, _ := strings.Cut(text, " ")
	if p.seen[key] && key != "failpoint" {
		return fmt.Errorf("%s given twice", key)
	}
	p.seen[key] = true
	return p.parseHeader(key, strings.TrimSpace(value))
}

func (p *replayParser) parseHeader(key, value string) error {
	c, f := &p.f.Config, p.f
	var err error
	switch key {
	case "scenario":
		c.Scenario = value
	case "strategy":
		c.Strategy = value
	case "sched":
		c.Sched = value
	case "stop-on":
		c.StopOn = value
	case "hash":
		if _, err := strconv.ParseUint(value, 16, 64); err != nil || len(value) != 16 {
			return fmt.Errorf("hash %q: want 16 hex digits", value)
		}
		f.Hash = value
	case "seed":
		c.Seed, err = strconv.ParseUint(value, 10, 64)
	case "workers":
		c.Workers, err = atoiMin(value, 1)
	case "leases":
		c.Leases, err = atoiMin(value, 0)
	case "clients":
		c.Clients, err = atoiMin(value, 0)
	case "limit":
		c.Limit, err = atoiMin(value, 0)
	case "poll":
		c.Poll, err = time.ParseDuration(value)
		if err == nil && c.Poll < 0 {
			err = fmt.Errorf("want 0 or more")
		}
	case "steps":
		f.Steps, err = strconv.ParseInt(value, 10, 64)
	case "scenario-failpoints":
		var on bool
		on, err = strconv.ParseBool(value)
		c.NoScenarioFailpoints = !on
	case "failpoint":
		var fp Failpoint
		if fp, err = ParseFailpoint(value); err == nil {
			c.Failpoints = append(c.Failpoints, fp)
		}
	case "decisions":
		p.declared, err = atoiMin(value, 0)
	default:
		return fmt.Errorf("unknown field %q; valid: scenario, strategy, seed, workers, leases, clients, limit, poll, sched, scenario-failpoints, failpoint, stop-on, hash, steps, decisions", key)
	}
	if err != nil {
		return fmt.Errorf("%s %q: %w", key, value, err)
	}
	return nil
}

// parseDecision reads "<step> fire" or "<step> <task id> <task name>".
func (p *replayParser) parseDecision(text string) error {
	fields := strings.Fields(text)
	if len(fields) < 2 {
		return fmt.Errorf("decision %q: want <step> fire, or <step> <task id> <task name>", text)
	}
	step, err := strconv.ParseInt(fields[0], 10, 64)
	if err != nil || step < 0 {
		return fmt.Errorf("decision %q: step %q is not a step number", text, fields[0])
	}
	d := sim.Decision{Step: step, Task: sim.FireTimer}
	name := ""
	if fields[1] != "fire" {
		id, err := strconv.ParseInt(fields[1], 10, 32)
		if err != nil || id < 0 || len(fields) != 3 {
			return fmt.Errorf("decision %q: want <step> fire, or <step> <task id> <task name>", text)
		}
		d.Task, name = int32(id), fields[2]
	}
	p.f.Decisions = append(p.f.Decisions, d)
	p.f.Names = append(p.f.Names, name)
	return nil
}

func (p *replayParser) complete() error {
	if !p.version {
		return fmt.Errorf("empty file; want a drysim-replay %d header", ReplayVersion)
	}
	for _, key := range []string{"scenario", "strategy", "seed", "workers", "hash", "decisions"} {
		if !p.seen[key] {
			return fmt.Errorf("missing field %q", key)
		}
	}
	if len(p.f.Decisions) != p.declared {
		return fmt.Errorf("header says %d decisions, file has %d", p.declared, len(p.f.Decisions))
	}
	return nil
}

func atoiMin(s string, least int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("not a whole number")
	}
	if n < least {
		return 0, fmt.Errorf("want %d or more", least)
	}
	return n, nil
}

// Run replays the file strictly and checks that it gives the recorded
// hash. A decision that does not fit, or another hash, is an error
// wrapping ErrReplay; the result is returned either way when there is one.
func (f *ReplayFile) Run() (*Result, error) {
	cfg := f.Config
	cfg.Replay, cfg.Decisions, cfg.Trace = f.Decisions, true, true
	if cfg.Replay == nil {
		cfg.Replay = []sim.Decision{}
	}
	res, err := Run(cfg)
	if err != nil {
		return nil, err
	}
	if res.Outcome == sim.Diverged {
		return res, fmt.Errorf("%w: %s", ErrReplay, res.Reason)
	}
	if res.HashString() != f.Hash {
		return res, fmt.Errorf("%w: replay gave hash %s, the file says %s (a different build or a changed scenario)", ErrReplay, res.HashString(), f.Hash)
	}
	return res, nil
}
