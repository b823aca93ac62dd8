package sweep

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
)

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

// ReadDone reads a results file being resumed: the keys of the runs it
// holds, and the length of its complete lines. A last line cut short by a
// crash is not counted; the caller truncates the file to that length
// before appending.
func ReadDone(in io.Reader) (done map[string]bool, complete int64, err error) {
	done = map[string]bool{}
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

// Load reads result files (JSON Lines, concatenated shards welcome) into
// records sorted by Compare, one per run. A line cut short at the end of a
// file (a sweep killed mid-write) is skipped; any other bad line is an
// error naming the file and line.
func Load(paths ...string) ([]Record, error) {
	byKey := map[string]Record{}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("results: %w", err)
		}
		err = readRecords(f, path, byKey)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	out := make([]Record, 0, len(byKey))
	for _, r := range byKey { //drysim:order-independent: sorted below
		out = append(out, r)
	}
	slices.SortFunc(out, Compare)
	return out, nil
}

func readRecords(in io.Reader, name string, byKey map[string]Record) error {
	br := bufio.NewReader(in)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return nil // a torn last line of an interrupted sweep is skipped
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if len(line) <= 1 {
			continue
		}
		var r Record
		if err := json.Unmarshal(line, &r); err != nil {
			return fmt.Errorf("%s line %d: not a drysim record: %w", name, lineNo, err)
		}
		byKey[r.Key()] = r
	}
}
