package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/drysim/drysim/reports/sweep"
)

// output is a file a command writes once its work is done. It is opened
// (created) before the work, so that a path that cannot be written costs
// nothing: shrinking for a minute and then losing the story to a typo in
// -out is the failure it prevents.
type output struct {
	flag, path string
	f          *os.File
	created    bool // the file did not exist: abort removes it
}

// openOutputs opens every output whose path is set, in order; on the
// first one that cannot be opened it closes the others and returns a
// usage error naming the flag. Unset paths give nil outputs.
func openOutputs(flagPaths ...string) ([]*output, error) {
	outs := make([]*output, len(flagPaths)/2)
	for i := range outs {
		flag, path := flagPaths[2*i], flagPaths[2*i+1]
		if path == "" {
			continue
		}
		o, err := openOutput(flag, path)
		if err != nil {
			abortOutputs(outs)
			return nil, err
		}
		outs[i] = o
	}
	return outs, nil
}

func openOutput(flag, path string) (*output, error) {
	if err := sweep.CheckRegular(path); err != nil {
		return nil, usageErr("-%s: %s", flag, resultsMessage(err))
	}
	_, statErr := os.Stat(path)
	// Not truncated yet: a run that ends in bad input leaves an existing
	// file as it was.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, usageErr("-%s: %v", flag, err)
	}
	return &output{flag: flag, path: path, f: f, created: errors.Is(statErr, os.ErrNotExist)}, nil
}

// write replaces the file's contents with what fill writes, and closes it.
// Its error names the flag and the file.
func (o *output) write(fill func(io.Writer) error) error {
	bw := bufio.NewWriter(o.f)
	err := o.f.Truncate(0)
	if err == nil {
		err = fill(bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("-%s %s: %w", o.flag, o.path, err)
	}
	return nil
}

// abortOutputs closes outputs that will not be written, removing the ones
// this command created.
func abortOutputs(outs []*output) {
	for _, o := range outs {
		if o == nil {
			continue
		}
		o.f.Close()
		if o.created {
			os.Remove(o.path)
		}
	}
}

// writeFailed is the exit for an output that could not be written after
// the work was done and its result printed: one line on stderr, and the
// run's own status (1 for a violation) if it has one, else 2.
func writeFailed(err error, findings bool) error {
	code := 2
	if findings {
		code = 1
	}
	return &exitError{code: code, err: err}
}
