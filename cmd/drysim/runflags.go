package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// runFlags are the flags that pick one run: its identity, where it stops
// and its liveness budget. run, replay and shrink share them.
type runFlags struct {
	id     scenarios.Identity
	stopOn string
	budget time.Duration
}

func (r *runFlags) register(fs *flag.FlagSet, withBudget bool) {
	r.id = scenarios.DefaultIdentity()
	r.id.Register(fs)
	checkFailpointValues(fs)
	fs.StringVar(&r.stopOn, "stop-on", "", "end the run at the first violation of this invariant (or any)")
	if withBudget {
		fs.DurationVar(&r.budget, "budget", 0, fmt.Sprintf("the liveness phase's virtual time: once faults stop, every lease must become active or end within it "+
			"(0: the scenario's, scaled up for more leases than the scenario's or over 256 workers; %v to %v)", harness.MinBudget, harness.MaxBudget))
	}
}

// checkFailpointValues makes -failpoint check each value against its
// failpoint (harness.CheckFailpoint) before the identity takes it: the
// failpoint library reads anything, so a typo would silently act as off
// or as a failure.
func checkFailpointValues(fs *flag.FlagSet) {
	f := fs.Lookup("failpoint")
	if f == nil {
		return
	}
	f.Value = checkedFailpoint{f.Value}
}

type checkedFailpoint struct{ flag.Value }

// String is the wrapped value's; flag.PrintDefaults also calls it on a
// zero checkedFailpoint to learn the default, which wraps nothing.
func (c checkedFailpoint) String() string {
	if c.Value == nil {
		return ""
	}
	return c.Value.String()
}

func (c checkedFailpoint) Set(s string) error {
	name, terms, ok := strings.Cut(s, "=")
	if ok && slices.Contains(scenarios.KnownFailpoints(), name) {
		if err := harness.CheckFailpoint(scenarios.Failpoint{Name: name, Terms: terms}); err != nil {
			return err
		}
	}
	return c.Value.Set(s)
}

// config checks the flags; every problem is a one-line usage error that
// names the flag.
func (r *runFlags) config() (scenarios.Identity, harness.Options, error) {
	id := r.id
	if id.Scenario == "" {
		return id, harness.Options{}, usageErr("-scenario is required; valid: %s", strings.Join(scenarios.Names(), ", "))
	}
	if id.Workers < 1 {
		return id, harness.Options{}, usageErr("-workers %d: want 1 to %d", id.Workers, scenarios.MaxWorkers)
	}
	for _, n := range []struct {
		flag string
		v    int
	}{{"leases", id.Leases}, {"clients", id.Clients}, {"limit", id.Limit}} {
		if n.v < 0 {
			return id, harness.Options{}, usageErr("-%s %d: want 0 (the scenario's) or more", n.flag, n.v)
		}
	}
	if id.Poll < 0 {
		return id, harness.Options{}, usageErr("-poll %v: want 0 (the scenario's) or more", id.Poll)
	}
	if err := id.Validate(); err != nil {
		return id, harness.Options{}, usageErr("%s", flagMessage(err))
	}
	if r.stopOn != "" && r.stopOn != scenarios.StopOnAny {
		if _, err := scenarios.InvariantByName(r.stopOn); err != nil {
			return id, harness.Options{}, usageErr("-stop-on: %v", err)
		}
	}
	opts := harness.Options{StopOn: r.stopOn, Budget: r.budget}
	if r.budget != 0 && (r.budget < harness.MinBudget || r.budget > harness.MaxBudget) {
		return id, opts, usageErr("-budget %v: want 0 (the scenario's, scaled with the workload) or %v to %v", r.budget, harness.MinBudget, harness.MaxBudget)
	}
	return id, opts, nil
}

// flagMessage is a config error as said of a command line: its "bad run
// config" prefix dropped, the field it names spelled as its flag, and a
// scheduler given as a strategy (or the other way round) pointed out.
func flagMessage(err error) string {
	msg := configMessage(err)
	for _, name := range scenarios.FieldNames() {
		if strings.HasPrefix(msg, name+" ") {
			msg = "-" + msg
			break
		}
	}
	return msg + kindHint(msg)
}

// kindHint notices a scheduler named where a locking strategy belongs:
// both are "strategies" in everyday speech, so the mix-up is common.
func kindHint(msg string) string {
	for _, word := range strings.FieldsFunc(msg, func(r rune) bool { return r == '"' || r == ' ' }) {
		if _, err := sim.ParseScheduler(word); err == nil && strings.Contains(msg, "unknown ") && strings.Contains(msg, "strategy") {
			return fmt.Sprintf(" (%q is a scheduler: give it as -sched %s)", word, word)
		}
		if _, err := allocator.ParseStrategy(word); err == nil && strings.Contains(msg, "unknown scheduler") {
			return fmt.Sprintf(" (%q is a locking strategy: give it as -strategy %s)", word, word)
		}
	}
	return ""
}

// runScenario runs id; a config error is bad input (exit 2).
func runScenario(id scenarios.Identity, opts harness.Options) (*harness.Result, error) {
	res, err := harness.Run(id, opts)
	if errors.Is(err, scenarios.ErrConfig) {
		return nil, usageErr("%s", flagMessage(err))
	}
	return res, err
}

// configMessage is a config error without its "bad run config" prefix:
// the command line it came from already says what was being configured.
func configMessage(err error) string {
	return trimPrefixes(err.Error(), scenarios.ErrConfig.Error()+": ")
}

// trimPrefixes drops every leading copy of prefix.
func trimPrefixes(s, prefix string) string {
	for strings.HasPrefix(s, prefix) {
		s = strings.TrimPrefix(s, prefix)
	}
	return s
}
