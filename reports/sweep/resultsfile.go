package sweep

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrLocked means another sweep holds the results file.
var ErrLocked = errors.New("locked by another drysim sweep")

// ResultsFile is a results file opened by one sweep: locked against every
// other sweep for as long as it is open, its torn last line (a crash)
// cut off, and appended to one whole line per Write.
type ResultsFile struct {
	path    string
	lock    *os.File // holds the exclusive lock; read and compacted through it
	append  *os.File // O_APPEND: each Write lands at the end in one piece
	done    map[string]bool
	counted int
	stats   ScanStats
}

// OpenOptions tune OpenResults.
type OpenOptions struct {
	// Salvage drops every line that is not a valid record from the file,
	// keeping the good ones in their order, instead of refusing it.
	Salvage bool
	// Count, if set, counts the distinct runs in the file it accepts
	// (Counted): a plan's Contains, so that resuming never walks the plan.
	Count func(Record) bool
}

// OpenResults opens (or creates) a results file for a sweep and reads
// which runs it holds. It refuses a special file and a file another sweep
// has open (ErrLocked). A line that is not a valid record is an error
// unless opts.Salvage (see OpenOptions).
func OpenResults(path string, opts OpenOptions) (*ResultsFile, error) {
	if err := CheckRegular(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrResults, err)
	}
	rf := &ResultsFile{path: path, lock: f, done: map[string]bool{}}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %s is %w (it holds the lock until it ends); wait for it, or give another file", ErrResults, path, err)
	}
	if err := rf.read(opts); err != nil {
		f.Close()
		return nil, err
	}
	rf.append, err = os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%w: %w", ErrResults, err)
	}
	return rf, nil
}

// read collects the done keys and cuts the file after its last complete
// good line. Salvaging moves each good line back over the bad ones: lines
// only ever move towards the start, over bytes already read, so one pass
// through the file compacts it in place.
func (rf *ResultsFile) read(opts OpenOptions) error {
	var written int64
	salvage := opts.Salvage
	st, err := scan(io.NewSectionReader(rf.lock, 0, 1<<62), rf.path, salvage, func(r Record, line []byte, at int64) error {
		if key := r.Key(); !rf.done[key] {
			rf.done[key] = true
			if opts.Count != nil && opts.Count(r) {
				rf.counted++
			}
		}
		if salvage && at != written {
			if _, err := rf.lock.WriteAt(line, written); err != nil {
				return fmt.Errorf("%w: salvaging %s: %w", ErrResults, rf.path, err)
			}
		}
		written += int64(len(line))
		return nil
	})
	if err != nil {
		return err
	}
	end := st.Complete
	if salvage {
		end = written
	}
	rf.stats = st
	if err := rf.lock.Truncate(end); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrResults, rf.path, err)
	}
	return nil
}

// Done reports whether the file holds a run with this key.
func (rf *ResultsFile) Done(key string) bool { return rf.done[key] }

// DoneKeys is how many distinct runs the file holds.
func (rf *ResultsFile) DoneKeys() int { return len(rf.done) }

// Counted is how many distinct runs in the file OpenOptions.Count
// accepted.
func (rf *ResultsFile) Counted() int { return rf.counted }

// Stats says what opening the file found (bad lines dropped by salvage,
// a torn last line cut off).
func (rf *ResultsFile) Stats() ScanStats { return rf.stats }

// Write appends p, one record's line, in a single write.
func (rf *ResultsFile) Write(p []byte) (int, error) { return rf.append.Write(p) }

// Close releases the lock.
func (rf *ResultsFile) Close() error {
	err := rf.append.Close()
	if cerr := rf.lock.Close(); err == nil {
		err = cerr
	}
	return err
}

// Path is the file's path.
func (rf *ResultsFile) Path() string { return rf.path }
