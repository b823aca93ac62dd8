package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
)

// Load reads result files (JSON Lines, concatenated shards welcome) into
// records sorted by key, one per key. A line cut short at the end of a file
// (a sweep killed mid-write) is skipped; any other bad line is an error
// naming the file and line.
func Load(paths ...string) ([]Record, error) {
	byKey := map[Key]Record{}
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
	slices.SortFunc(out, func(a, b Record) int { return compareKeys(a.Key(), b.Key()) })
	return out, nil
}

func readRecords(in io.Reader, name string, byKey map[Key]Record) error {
	br := bufio.NewReader(in)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if err == io.EOF && len(line) > 0 {
			return nil // torn last line of an interrupted sweep
		}
		if err == io.EOF {
			return nil
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
