package sweep

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// ErrResults is wrapped by every error about a results file: one that
// cannot be used (a device, a FIFO, locked by another sweep) or a line
// that is not a record.
var ErrResults = errors.New("bad results file")

// Append writes a record as one JSON line, in a single Write, so that lines
// from one writer never interleave.
func Append(w io.Writer, r Record) error {
	line, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = w.Write(append(line, '\n'))
	return err
}

// ScanStats counts what reading a results file found.
type ScanStats struct {
	Records int // valid records (a run read twice counts twice)
	Blank   int // empty lines, skipped
	Bad     int // lines that are not valid records, skipped when salvaging
	// Torn is a last line without its newline: a sweep killed mid-write.
	// It is never a record.
	Torn bool
	// Complete is the length of the file up to the end of its last
	// complete line.
	Complete int64
}

// scan reads JSON Lines from in, calling each with every valid record,
// its line and the line's offset. A bad line is an error naming name and
// the line unless salvage, which counts it instead. A blank line or a torn
// last line is never an error.
func scan(in io.Reader, name string, salvage bool, each func(r Record, line []byte, at int64) error) (ScanStats, error) {
	var st ScanStats
	br := bufio.NewReaderSize(in, 64*1024)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			st.Torn = len(line) > 0
			return st, nil
		}
		if err != nil {
			return st, fmt.Errorf("%w: %s: %w", ErrResults, name, err)
		}
		st.Complete += int64(len(line))
		text := bytes.TrimSpace(line)
		if len(text) == 0 {
			st.Blank++
			continue
		}
		r, perr := parseRecord(text)
		if perr != nil {
			if !salvage {
				return st, fmt.Errorf("%w: %s line %d: %w (-salvage skips bad lines)", ErrResults, name, lineNo, perr)
			}
			st.Bad++
			continue
		}
		st.Records++
		if err := each(r, line, st.Complete-int64(len(line))); err != nil {
			return st, err
		}
	}
}

// parseRecord reads one line and validates it.
func parseRecord(text []byte) (Record, error) {
	var r Record
	if err := json.Unmarshal(text, &r); err != nil {
		return r, fmt.Errorf("not a drysim record: %w", err)
	}
	if err := r.Validate(); err != nil {
		return r, fmt.Errorf("not a valid record: %w", err)
	}
	return r, nil
}

// ReadDone reads a results file being resumed: the keys of the runs it
// holds, and the length of its complete lines. A last line cut short by a
// crash is not counted; the caller truncates the file to that length
// before appending. A bad line is an error (see OpenResults to salvage).
func ReadDone(in io.Reader) (done map[string]bool, complete int64, err error) {
	done = map[string]bool{}
	st, err := scan(in, "results", false, func(r Record, _ []byte, _ int64) error {
		done[r.Key()] = true
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return done, st.Complete, nil
}

// LoadOptions tune Load.
type LoadOptions struct {
	// Salvage skips lines that are not valid records (counted in
	// ScanStats.Bad) instead of refusing the file.
	Salvage bool
	// Keep, if set, keeps only the records it accepts (a Filter's Keep).
	Keep func(Record) bool
}

// LoadStats is what loading found, summed over the files.
type LoadStats struct {
	ScanStats
	LeftOut int // valid records Keep did not accept
}

// Load reads result files (JSON Lines, concatenated shards welcome) into
// records sorted by Compare, one per run. A line cut short at the end of a
// file (a sweep killed mid-write) and blank lines are skipped; any other
// bad line is an error naming the file and line.
func Load(paths ...string) ([]Record, error) {
	recs, _, err := LoadWith(LoadOptions{}, paths...)
	return recs, err
}

// LoadWith is Load with options, and says what it skipped.
func LoadWith(opts LoadOptions, paths ...string) ([]Record, LoadStats, error) {
	byKey := map[string]Record{}
	var total LoadStats
	for _, path := range paths {
		if err := CheckRegular(path); err != nil {
			return nil, total, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, total, fmt.Errorf("%w: %w", ErrResults, err)
		}
		st, err := scan(f, path, opts.Salvage, func(r Record, _ []byte, _ int64) error {
			if opts.Keep != nil && !opts.Keep(r) {
				total.LeftOut++
				return nil
			}
			byKey[r.Key()] = r
			return nil
		})
		f.Close()
		if err != nil {
			return nil, total, err
		}
		total.Records += st.Records
		total.Blank += st.Blank
		total.Bad += st.Bad
		total.Torn = total.Torn || st.Torn
	}
	out := make([]Record, 0, len(byKey))
	for _, r := range byKey { //drysim:order-independent: sorted below
		out = append(out, r)
	}
	slices.SortFunc(out, Compare)
	return out, total, nil
}

// CheckRegular refuses a path that exists and is not a regular file: a
// device such as /dev/zero reads for ever, /dev/full fails every write,
// and opening a FIFO blocks until someone writes to it. A path that does
// not exist yet is fine (it will be created).
func CheckRegular(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrResults, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%w: %s is %s, not a regular file; give a file path", ErrResults, path, describeMode(fi.Mode()))
	}
	return nil
}

func describeMode(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}
