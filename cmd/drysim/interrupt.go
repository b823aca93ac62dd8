package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// exitInterrupted is the shell's status for a process ended by SIGINT
// (128 + 2), which scripts and CI runners recognise.
const exitInterrupted = 130

// watchInterrupts cancels the returned context at the first SIGINT or
// SIGTERM and calls first; at the second it calls now, which should end
// the process. stop undoes it all.
func watchInterrupts(parent context.Context, first, now func()) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	go func() {
		for n := 1; ; n++ {
			select {
			case <-sigs:
			case <-quit:
				return
			}
			if n > 1 {
				now()
				return
			}
			cancel()
			first()
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(quit)
		cancel()
	}
}
