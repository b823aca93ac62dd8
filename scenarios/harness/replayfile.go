package harness

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// ReplayVersion is the replay file format this build writes. It also reads
// version 1, whose only difference is "scenario-failpoints <bool>" where
// version 2 says "no-scenario-failpoints <bool>".
const ReplayVersion = 2

// buildComment starts the comment that names the build that wrote a file:
// a comment, so that builds that do not know it still read the file.
const buildComment = "# written by drysim "

// ErrReplay is wrapped by every error about a replay file: a malformed
// file, another format version, or a decision that does not fit the run.
var ErrReplay = errors.New("bad replay file")

// ReplayFile is a run as plain text a person can read and diff: a header
// that says what ran (the identity's fields, one per line, then where the
// run stopped and the hash it must give), then every scheduling decision,
// one per line.
type ReplayFile struct {
	Identity scenarios.Identity
	StopOn   string // the invariant the run stopped at ("" ran to the end)
	Hash     string // the trace hash the run must give
	Steps    int64
	// Budget is the run's liveness budget when it was given
	// (Options.Budget); 0: the default, which follows from the identity.
	Budget    time.Duration
	Decisions []sim.Decision
	Names     []string // the task each decision ran ("" for a timer)
	// Build is the drysim build that wrote the file (Build), from its
	// "# written by" comment; "" if it has none. A hash is promised only
	// within a build, so a mismatch names both.
	Build string
}

// NewReplayFile captures a run; it needs the run's decisions
// (Options.Decisions, or a replayed or chosen schedule).
func NewReplayFile(r *Result) (*ReplayFile, error) {
	if !r.Options.keepsDecisions() {
		return nil, fmt.Errorf("run kept no decisions; run it with Options.Decisions set")
	}
	f := &ReplayFile{
		Identity: explicitSizes(r.Identity), StopOn: r.Options.StopOn, Hash: r.HashString(), Steps: r.Steps,
		Budget: r.Options.Budget, Decisions: r.Sim.Decisions, Build: Build(),
	}
	for _, d := range r.Sim.Decisions {
		f.Names = append(f.Names, r.taskName(d.Task))
	}
	return f, nil
}

// explicitSizes spells out the sizes a zero override stands for (the
// run's Dims: leases, requesters, the blueprint limit and the poll
// interval, or their names in another system), so a file's header
// says how big its run really is. The run is the same: a scenario resolves
// an explicit size equal to its own exactly as it resolves a zero.
func explicitSizes(id scenarios.Identity) scenarios.Identity {
	p, err := scenarios.Prepare(id)
	if err != nil {
		return id
	}
	id = p.Identity
	id.Leases, id.Clients, id.Limit, id.Poll = p.Dims.Leases, p.Dims.Clients, p.Dims.Limit, p.Dims.Poll
	return id
}

// Command is the drysim command line that replays the file at path.
func (f *ReplayFile) Command(path string) string { return "drysim replay " + path }

// Write renders the file.
func (f *ReplayFile) Write(out io.Writer) error {
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "# drysim replay file: `drysim replay <this file>` reruns it and checks the hash.\n")
	fmt.Fprintf(w, "drysim-replay %d\n", ReplayVersion)
	if f.Build != "" {
		fmt.Fprintf(w, "%s%s\n", buildComment, f.Build)
	}
	if err := f.Identity.WriteFields(w); err != nil {
		return err
	}
	if f.StopOn != "" {
		fmt.Fprintf(w, "stop-on %s\n", f.StopOn)
	}
	if f.Budget != 0 {
		fmt.Fprintf(w, "budget %s\n", f.Budget)
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
		if build, ok := strings.CutPrefix(text, buildComment); ok {
			f.Build = strings.TrimSpace(build)
		}
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
	version  int
	fields   *scenarios.FieldSetter
	declared int // the "decisions" count, -1 until read
	seen     map[string]bool
}

func (p *replayParser) parseLine(text string) error {
	if p.version == 0 {
		v, ok := strings.CutPrefix(text, "drysim-replay ")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 1 || n > ReplayVersion {
			return fmt.Errorf("want \"drysim-replay %d\" first, got %q: this build reads format versions 1 to %d", ReplayVersion, text, ReplayVersion)
		}
		p.version, p.declared, p.seen = n, -1, map[string]bool{}
		p.fields = p.f.Identity.Setter()
		return nil
	}
	if p.declared >= 0 {
		return p.parseDecision(text)
	}
	key, value, _ := strings.Cut(text, " ")
	value = strings.TrimSpace(value)
	if p.version == 1 && key == "scenario-failpoints" {
		on, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("scenario-failpoints %q: want true or false", value)
		}
		key, value = "no-scenario-failpoints", strconv.FormatBool(!on)
	}
	if key == "failpoint" { // checked before the flag parser sees it, which is lax about values
		name, terms, _ := strings.Cut(value, "=")
		if err := CheckFailpoint(scenarios.Failpoint{Name: name, Terms: terms}); err != nil {
			return err
		}
	}
	if p.fields.Has(key) {
		return p.fields.Set(key, value)
	}
	if p.seen[key] {
		return fmt.Errorf("%s given twice", key)
	}
	p.seen[key] = true
	return p.parseRunLine(key, value)
}

// parseRunLine reads the lines after the identity: where the run stopped,
// its hash, its length and how many decisions follow.
func (p *replayParser) parseRunLine(key, value string) error {
	f := p.f
	var err error
	switch key {
	case "stop-on":
		if value != scenarios.StopOnAny {
			_, err = scenarios.InvariantByName(value)
		}
		f.StopOn = value
	case "hash":
		if _, err := strconv.ParseUint(value, 16, 64); err != nil || len(value) != 16 {
			return fmt.Errorf("hash %q: want 16 hex digits", value)
		}
		f.Hash = value
	case "steps":
		f.Steps, err = strconv.ParseInt(value, 10, 64)
		if err == nil && f.Steps < 0 {
			err = fmt.Errorf("want 0 or more")
		}
	case "budget":
		f.Budget, err = time.ParseDuration(value)
		if err == nil && (f.Budget < MinBudget || f.Budget > MaxBudget) {
			err = fmt.Errorf("want %v to %v", MinBudget, MaxBudget)
		}
	case "decisions":
		p.declared, err = strconv.Atoi(value)
		if err == nil && p.declared < 0 {
			err = fmt.Errorf("want 0 or more")
		}
	default:
		return fmt.Errorf("unknown field %q; valid: %s, stop-on, budget, hash, steps, decisions", key, strings.Join(scenarios.FieldNames(), ", "))
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
	if fields[1] != "fire" || len(fields) != 2 {
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
	if p.version == 0 {
		return fmt.Errorf("empty file; want a drysim-replay %d header", ReplayVersion)
	}
	missing := p.fields.Missing()
	for _, key := range []string{"hash", "decisions"} {
		if !p.seen[key] {
			missing = append(missing, key)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing field %q", missing[0])
	}
	if len(p.f.Decisions) != p.declared {
		return fmt.Errorf("header says %d decisions, file has %d", p.declared, len(p.f.Decisions))
	}
	if err := p.f.Identity.Validate(); err != nil {
		return err
	}
	p.f.Identity = p.f.Identity.Normalized()
	return nil
}

// Run replays the file strictly and checks that it gives the recorded
// hash. A decision that does not fit, or another hash, is an error
// wrapping ErrReplay; the result is returned either way when there is one.
func (f *ReplayFile) Run() (*Result, error) {
	replay := f.Decisions
	if replay == nil {
		replay = []sim.Decision{}
	}
	res, err := Run(f.Identity, Options{Replay: replay, Trace: true, StopOn: f.StopOn, Budget: f.Budget})
	if err != nil {
		return nil, err
	}
	if res.Outcome == sim.Diverged {
		return res, fmt.Errorf("%w: %s", ErrReplay, res.Reason)
	}
	if res.HashString() != f.Hash {
		return res, fmt.Errorf("%w: replay gave hash %s, the file says %s (%s)", ErrReplay, res.HashString(), f.Hash, f.buildNote())
	}
	return res, nil
}

// buildNote says which builds a hash mismatch is between.
func (f *ReplayFile) buildNote() string {
	switch this := Build(); {
	case f.Build == "":
		return "a different build or a changed scenario"
	case f.Build != this:
		return fmt.Sprintf("the file was written by build %s, this is %s", f.Build, this)
	default:
		return "the same build: a changed scenario or a determinism bug"
	}
}
