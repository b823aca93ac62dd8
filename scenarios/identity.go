package scenarios

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/sim"
)

// ErrConfig is wrapped by every error about what a run is: an unknown
// scenario, strategy, scheduler, invariant or failpoint, or a number out of
// range.
var ErrConfig = errors.New("bad run config")

// Identity is what a run is: scenario, locking strategy, scheduler, seed,
// worker count, overrides and failpoints. Equal identities give equal runs
// (the same trace hash). It has one vocabulary with four spellings, all
// made from the same field list: flags (Register), an argument list (Args,
// the repro line), header lines of a replay file (WriteFields, SetField)
// and a key (String, what a sweep record is filed under).
//
// How a run is executed (trace, decisions, budgets, where it stops) is not
// part of its identity: see the harness's options.
type Identity struct {
	Scenario string
	Strategy string            // a locking strategy (see Strategies), e.g. slot
	Sched    sim.SchedulerSpec // the scheduler; the zero value is random
	Seed     uint64
	// Workers are Drydock's queue workers, Atlantis's command pool, the
	// layer store's tasks; 0 means allocator.DefaultWorkers.
	Workers int
	// Leases, Clients and Limit override the scenario's lease count,
	// requester count and blueprint limit (0: the scenario's); other
	// systems read them in their own terms (System.Dimensions).
	Leases, Clients, Limit int
	// Poll overrides how often a requester looks at its lease (0: the
	// scenario's), or the system's own waiting interval. A shrinker raises
	// it: polls carry no story.
	Poll time.Duration
	// NoScenarioFailpoints leaves out the scenario's own failpoints, so
	// that only Failpoints are enabled (a shrinker removes them one by one).
	NoScenarioFailpoints bool
	// Failpoints are enabled on top of the scenario's own.
	Failpoints []Failpoint
}

// Limits on what a run may ask for: beyond them a run would take hours or
// gigabytes, and a typo is likelier than intent.
const (
	MaxWorkers = 1 << 16
	MaxLeases  = 1 << 20
)

// DefaultIdentity is what the CLI runs when a flag is not given: the
// reference strategy of the scenario's system (an empty Strategy, which
// Normalized fills in), seed 1, allocator.DefaultWorkers workers, the
// random scheduler. Its Scenario is empty and must be set.
func DefaultIdentity() Identity {
	return Identity{Seed: 1, Workers: allocator.DefaultWorkers}
}

// field is one part of an Identity in all its spellings.
type field struct {
	name  string
	usage string
	// register binds a flag to the field, with its current value as the
	// default.
	register func(id *Identity, fs *flag.FlagSet, name, usage string)
	// text gives the field's values as flag arguments; nil or empty when
	// it is at its default and the argument list may leave it out. always
	// fields are spelled out even then.
	text   func(id Identity) []string
	always bool
	// boolean: a flag given alone (-name), whose text is "true".
	boolean bool
}

func fields() []field {
	return []field{
		{name: "scenario", usage: "scenario name (drysim list shows them)", always: true,
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.StringVar(&id.Scenario, n, id.Scenario, u) },
			text:     func(id Identity) []string { return []string{id.Scenario} }},
		{name: "strategy", usage: "locking strategy of the scenario's system (default: its reference) — " + strategyUsage(), always: true,
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.StringVar(&id.Strategy, n, id.Strategy, u) },
			text:     func(id Identity) []string { return []string{id.Strategy} }},
		{name: "seed", usage: "the seed every random choice derives from", always: true,
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.Uint64Var(&id.Seed, n, id.Seed, u) },
			text:     func(id Identity) []string { return []string{strconv.FormatUint(id.Seed, 10)} }},
		{name: "workers", usage: "queue workers", always: true,
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.IntVar(&id.Workers, n, id.Workers, u) },
			text:     func(id Identity) []string { return []string{strconv.Itoa(id.Workers)} }},
		{name: "sched", usage: "scheduler: " + sim.SchedulerSyntax(),
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.TextVar(&id.Sched, n, id.Sched, u) },
			text:     func(id Identity) []string { return nonDefault(id.Sched.String(), sim.Random{}.String()) }},
		{name: "leases", usage: "override the scenario's lease count (0: the scenario's)",
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.IntVar(&id.Leases, n, id.Leases, u) },
			text:     func(id Identity) []string { return nonZero(id.Leases) }},
		{name: "clients", usage: "override the scenario's requester count (0: the scenario's)",
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.IntVar(&id.Clients, n, id.Clients, u) },
			text:     func(id Identity) []string { return nonZero(id.Clients) }},
		{name: "limit", usage: "override the hoax blueprint's limit (0: the scenario's)",
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.IntVar(&id.Limit, n, id.Limit, u) },
			text:     func(id Identity) []string { return nonZero(id.Limit) }},
		{name: "poll", usage: "override how often requesters look at their leases (0: the scenario's)",
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.DurationVar(&id.Poll, n, id.Poll, u) },
			text:     func(id Identity) []string { return nonDefault(id.Poll.String(), time.Duration(0).String()) }},
		{name: "no-scenario-failpoints", usage: "leave out the scenario's own failpoints", boolean: true,
			register: func(id *Identity, fs *flag.FlagSet, n, u string) {
				fs.BoolVar(&id.NoScenarioFailpoints, n, id.NoScenarioFailpoints, u)
			},
			text: func(id Identity) []string { return nonDefault(strconv.FormatBool(id.NoScenarioFailpoints), "false") }},
		{name: "failpoint", usage: "enable a failpoint, name=terms (repeatable), e.g. " + allocator.FPBeforeLinkLease + "=return(2000)",
			register: func(id *Identity, fs *flag.FlagSet, n, u string) { fs.Func(n, u, id.addFailpoint) },
			text:     func(id Identity) []string { return failpointTexts(id.Failpoints) }},
	}
}

func nonZero(n int) []string {
	if n == 0 {
		return nil
	}
	return []string{strconv.Itoa(n)}
}

func nonDefault(text, def string) []string {
	if text == def {
		return nil
	}
	return []string{text}
}

func failpointTexts(fps []Failpoint) []string {
	out := make([]string, len(fps))
	for i, fp := range fps {
		out[i] = fp.String()
	}
	return out
}

func (id *Identity) addFailpoint(s string) error {
	fp, err := ParseFailpoint(s)
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), ErrConfig.Error()+": "))
	}
	id.Failpoints = append(id.Failpoints, fp)
	return nil
}

// Register defines a flag for every field of the identity, with its
// current values as defaults, and -recipe, which adds a race's failpoint
// recipe to the failpoints.
func (id *Identity) Register(fs *flag.FlagSet) {
	for _, f := range fields() {
		f.register(id, fs, f.name, f.usage)
	}
	fs.Func("recipe", "add a race's failpoint recipe, which reproduces it on seed 1 (drysim list shows them)", id.addRecipe)
}

func (id *Identity) addRecipe(name string) error {
	s, err := ByName(name)
	if err != nil {
		return err
	}
	id.Failpoints = append(id.Failpoints, s.Recipe.Failpoints...)
	return nil
}

// Args is the identity as drysim flags, in a fixed order, leaving out the
// fields at their defaults: the arguments of its repro line.
func (id Identity) Args() []string {
	n := id.Normalized()
	var out []string
	for _, f := range fields() {
		for _, v := range f.text(n) {
			if f.boolean {
				out = append(out, "-"+f.name)
				continue
			}
			out = append(out, "-"+f.name, v)
		}
	}
	return out
}

// String is the argument list as one shell-quoted line; equal identities
// give equal strings, so it keys a sweep's records.
func (id Identity) String() string {
	args := id.Args()
	for i, a := range args {
		args[i] = shellQuote(a)
	}
	return strings.Join(args, " ")
}

// Command is the drysim command line that runs the identity with the given
// subcommand ("run", "replay", "shrink").
func (id Identity) Command(sub string) string { return "drysim " + sub + " " + id.String() }

// shellQuote quotes an argument that a shell would split or expand.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '/' || r == ':' || r == '=' || r == ',' ||
			(r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ParseArgs reads an argument list such as Args makes, and returns the
// identity normalized; fields it does not name keep DefaultIdentity's
// values.
func ParseArgs(args []string) (Identity, error) {
	id := DefaultIdentity()
	fs := flag.NewFlagSet("identity", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	id.Register(fs)
	if err := fs.Parse(args); err != nil {
		return Identity{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if fs.NArg() > 0 {
		return Identity{}, fmt.Errorf("%w: unexpected argument %q", ErrConfig, fs.Arg(0))
	}
	if err := id.Validate(); err != nil {
		return Identity{}, err
	}
	return id.Normalized(), nil
}

// FieldNames lists the names of the identity's fields (flags and header
// keys), in order.
func FieldNames() []string {
	var out []string
	for _, f := range fields() {
		out = append(out, f.name)
	}
	return out
}

// WriteFields writes the identity as "name value" lines, every field
// spelled out (failpoints one line each): a replay file's header.
func (id Identity) WriteFields(w io.Writer) error {
	n := id.Normalized()
	for _, f := range fields() {
		values := f.text(n)
		if len(values) == 0 && f.name != "failpoint" {
			values = []string{zeroText(f.name)}
		}
		for _, v := range values {
			if _, err := fmt.Fprintf(w, "%s %s\n", f.name, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// zeroText spells a field at its default in a header, where every field
// is written out.
func zeroText(name string) string {
	switch name {
	case "sched":
		return sim.Random{}.String()
	case "poll":
		return time.Duration(0).String()
	case "no-scenario-failpoints":
		return "false"
	}
	return "0"
}

// FieldSetter sets fields by name, as a replay file's header lines do.
type FieldSetter struct {
	fs  *flag.FlagSet
	set map[string]bool
}

// Setter returns a FieldSetter writing into id.
func (id *Identity) Setter() *FieldSetter {
	fs := flag.NewFlagSet("identity", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	id.Register(fs)
	return &FieldSetter{fs: fs, set: map[string]bool{}}
}

// Has reports whether name is a field.
func (s *FieldSetter) Has(name string) bool { return name != "recipe" && s.fs.Lookup(name) != nil }

// Set sets one field from its text; a field other than failpoint may be
// set once.
func (s *FieldSetter) Set(name, value string) error {
	if !s.Has(name) {
		return fmt.Errorf("unknown field %q; valid: %s", name, strings.Join(FieldNames(), ", "))
	}
	if s.set[name] && name != "failpoint" {
		return fmt.Errorf("%s given twice", name)
	}
	s.set[name] = true
	if err := s.fs.Set(name, value); err != nil {
		return fmt.Errorf("%s %q: %w", name, value, err)
	}
	return nil
}

// Missing lists the required fields (scenario, strategy, seed, workers)
// not set yet.
func (s *FieldSetter) Missing() []string {
	var out []string
	for _, f := range fields() {
		if f.always && !s.set[f.name] {
			out = append(out, f.name)
		}
	}
	return out
}

// Normalized fills in the defaults a zero field stands for (workers, the
// scheduler, the strategy: the scenario's system's reference), so that
// equal runs have equal identities.
func (id Identity) Normalized() Identity {
	if id.Workers == 0 {
		id.Workers = allocator.DefaultWorkers
	}
	if id.Strategy == "" {
		if s, err := ByName(id.Scenario); err == nil {
			id.Strategy = s.System().Reference
		}
	}
	id.Sched.Scheduler = id.Sched.Get()
	return id
}

// Validate checks every field, naming the valid choices; errors wrap
// ErrConfig.
func (id Identity) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrConfig, fmt.Sprintf(format, args...))
	}
	s, err := ByName(id.Scenario)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	sys := s.System()
	if _, err := sys.ParseStrategy(cmpOrString(id.Strategy, sys.Reference)); err != nil {
		return fmt.Errorf("%w: %w", ErrConfig, err)
	}
	switch {
	case id.Workers < 0 || id.Workers > MaxWorkers:
		return bad("workers %d: want 1 to %d", id.Workers, MaxWorkers)
	case id.Leases < 0 || id.Leases > MaxLeases:
		return bad("leases %d: want 0 (the scenario's) to %d", id.Leases, MaxLeases)
	case id.Clients < 0 || id.Clients > MaxLeases:
		return bad("clients %d: want 0 (the scenario's) to %d", id.Clients, MaxLeases)
	case id.Limit < 0 || id.Limit > MaxLeases:
		return bad("limit %d: want 0 (the scenario's) to %d", id.Limit, MaxLeases)
	case id.Poll < 0:
		return bad("poll %v: want 0 (the scenario's) or more", id.Poll)
	}
	for _, fp := range id.Failpoints {
		if err := allocator.CheckFailpointName(fp.Name, sys.FailpointNames()); err != nil {
			return fmt.Errorf("%w: scenario %s (%s): %w", ErrConfig, s.Name, sys.Name, err)
		}
	}
	return nil
}

// strategyUsage lists each system's named strategies and how to ablate a
// fix, for the -strategy flag's help.
func strategyUsage() string {
	var parts []string
	for _, sys := range Systems() {
		parts = append(parts, fmt.Sprintf("%s: %s, %s%s<fix>", sys.Name, strings.Join(sys.StrategyNames(), ", "), sys.Reference, AblationSep))
	}
	return strings.Join(parts, "; ")
}
