package harness

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
)

// Progress is a sweep's state after each finished run.
type Progress struct {
	Done, Total, Failed int
	Elapsed             time.Duration // wall time since the sweep started
}

// Rate is runs per wall second so far.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Done) / p.Elapsed.Seconds()
}

// ETA is the wall time the rest should take at the current rate.
func (p Progress) ETA() time.Duration {
	if r := p.Rate(); r > 0 {
		return time.Duration(float64(p.Total-p.Done) / r * float64(time.Second))
	}
	return 0
}

// SweepOptions tune a sweep.
type SweepOptions struct {
	Runner   Runner
	Progress func(Progress) // called after every finished run, from one goroutine
}

// Sweep runs every identity ids yields (total of them, for progress) and
// appends one record per finished run to out (sweep.Append), in the order
// runs finish. Cancelling ctx stops new runs from starting; runs already
// going finish and are written, so an interrupted sweep loses nothing it
// completed, and rerunning it with the written keys skipped completes it.
func Sweep(ctx context.Context, ids iter.Seq[scenarios.Identity], total int, out io.Writer, opts SweepOptions) (Progress, error) {
	start := time.Now()
	p := Progress{Total: total}
	var errs []error
	jobs := func(yield func(Job) bool) {
		for id := range ids {
			if !yield(Job{Identity: id}) {
				return
			}
		}
	}
	runErr := opts.Runner.Run(ctx, jobs, func(j Job, res *Result, err error) bool {
		var rec sweep.Record
		if err == nil {
			rec = res.Record()
			if err = sweep.Append(out, rec); err != nil {
				err = fmt.Errorf("writing results: %w", err)
			}
		} else {
			err = fmt.Errorf("run %s: %w", j.Identity, err)
		}
		if err != nil {
			errs = append(errs, err)
			return len(errs) < 10 // a broken output or config: stop soon
		}
		p.Done++
		if rec.Failed() {
			p.Failed++
		}
		p.Elapsed = time.Since(start)
		if opts.Progress != nil {
			opts.Progress(p)
		}
		return true
	})
	if len(errs) > 0 {
		return p, errs[0]
	}
	if runErr != nil && p.Done < total {
		return p, fmt.Errorf("sweep interrupted after %d of %d runs: %w", p.Done, total, runErr)
	}
	return p, nil
}

// ErrInterrupted reports whether a sweep's error means it was stopped
// before it finished (and can be resumed).
func ErrInterrupted(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
