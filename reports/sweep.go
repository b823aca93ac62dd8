// drysim:outside-world — runs worlds in parallel; nothing here runs inside one.

package reports

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
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
	Parallel int            // worlds run at once; 0 means GOMAXPROCS
	Progress func(Progress) // called after every finished run, from one goroutine
}

// Sweep runs every key not already done and writes one JSON line per
// finished run to out, each line in a single Write, in the order runs
// finish. Cancelling ctx stops new runs from starting; runs already going
// finish and are written, so an interrupted sweep loses nothing it
// completed, and rerunning it with the written keys as done completes it.
func Sweep(ctx context.Context, keys []Key, done map[Key]bool, out io.Writer, opts SweepOptions) (Progress, error) {
	var todo []Key
	for _, k := range keys {
		if !done[k] {
			todo = append(todo, k)
		}
	}
	par := opts.Parallel
	if par <= 0 {
		par = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan Key)
	results := make(chan result)
	var wg sync.WaitGroup
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pool := sim.NewPool() // this goroutine's worlds share coroutines
			defer pool.Close()
			for k := range jobs {
				results <- runKey(k, pool)
			}
		}()
	}
	go feed(ctx, todo, jobs)
	go func() { wg.Wait(); close(results) }()
	return collect(ctx, results, out, len(todo), opts.Progress)
}

type result struct {
	key Key
	rec Record
	err error
}

func runKey(k Key, pool *sim.Pool) result {
	cfg := k.RunConfig()
	cfg.Pool = pool
	res, err := scenarios.Run(cfg)
	if err != nil {
		return result{key: k, err: err}
	}
	return result{key: k, rec: NewRecord(k, res)}
}

func feed(ctx context.Context, todo []Key, jobs chan<- Key) {
	defer close(jobs)
	for _, k := range todo {
		select {
		case jobs <- k:
		case <-ctx.Done():
			return
		}
	}
}

// collect writes results as they come and reports progress.
func collect(ctx context.Context, results <-chan result, out io.Writer, total int, progress func(Progress)) (Progress, error) {
	start := time.Now()
	p := Progress{Total: total}
	var firstErr error
	for r := range results {
		if r.err != nil {
			firstErr = cmpErr(firstErr, fmt.Errorf("run %s: %w", r.key, r.err))
			continue
		}
		line, err := json.Marshal(r.rec)
		if err == nil {
			_, err = out.Write(append(line, '\n'))
		}
		if err != nil {
			firstErr = cmpErr(firstErr, fmt.Errorf("writing results: %w", err))
			continue
		}
		p.Done++
		if r.rec.Failed() {
			p.Failed++
		}
		p.Elapsed = time.Since(start)
		if progress != nil {
			progress(p)
		}
	}
	if firstErr == nil && ctx.Err() != nil && p.Done < total {
		firstErr = fmt.Errorf("sweep interrupted after %d of %d runs: %w", p.Done, total, ctx.Err())
	}
	return p, firstErr
}

func cmpErr(old, new error) error {
	if old != nil {
		return old
	}
	return new
}

// ReadDone reads a results file being resumed: the keys it holds, and the
// length of its complete lines. A last line cut short by a crash is not
// counted; the caller truncates the file to that length before appending.
func ReadDone(in io.Reader) (done map[Key]bool, complete int64, err error) {
	done = map[Key]bool{}
	br := bufio.NewReader(in)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return done, complete, nil // a partial last line (no newline) is dropped
		}
		if err != nil {
			return nil, 0, err
		}
		var r Record
		if err := json.Unmarshal(bytes.TrimSpace(line), &r); err != nil {
			return nil, 0, fmt.Errorf("results line %d is not a drysim record: %w", lineNo, err)
		}
		done[r.Key()] = true
		complete += int64(len(line))
	}
}
