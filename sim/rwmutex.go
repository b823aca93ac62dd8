package sim

import (
	"fmt"
	"slices"
)

// RWPolicy decides who goes first when readers and writers compete.
type RWPolicy uint8

const (
	// GoRW behaves like sync.RWMutex: once a writer waits, new readers
	// block; when a writer unlocks, the readers that waited go before the
	// next writer. A task that read-locks twice while a writer waits
	// deadlocks, as it does in Go.
	GoRW RWPolicy = iota
	// ReaderPreferring admits a reader whenever no writer holds the lock. A
	// stream of readers can starve a writer.
	ReaderPreferring
	// WriterPreferring blocks new readers while any writer waits and hands
	// the lock to waiting writers before waiting readers.
	WriterPreferring
)

func (p RWPolicy) String() string {
	switch p {
	case GoRW:
		return "go"
	case ReaderPreferring:
		return "reader-preferring"
	case WriterPreferring:
		return "writer-preferring"
	}
	return fmt.Sprintf("RWPolicy(%d)", uint8(p))
}

// RWMutex is a named reader/writer lock with a policy. Every call is a
// scheduling point.
type RWMutex struct {
	w       *World
	id      int32
	name    string
	policy  RWPolicy
	writer  *Task
	readers []*Task // one entry per held read lock
	rq, wq  waitQueue
}

// NewRWMutex makes a reader/writer lock with the given policy.
func (w *World) NewRWMutex(name string, policy RWPolicy) *RWMutex {
	return &RWMutex{w: w, id: w.register(name), name: name, policy: policy}
}

// Readers returns how many read locks are held.
func (m *RWMutex) Readers() int { return len(m.readers) }

func (m *RWMutex) readerMayEnter() bool {
	if m.writer != nil {
		return false
	}
	return m.policy == ReaderPreferring || m.wq.len() == 0
}

func (m *RWMutex) writerMayEnter() bool {
	return m.writer == nil && len(m.readers) == 0
}

// RLock blocks until the running task holds a read lock.
func (m *RWMutex) RLock() {
	t := m.w.enter(KindRLock, m.id, 0)
	if m.readerMayEnter() {
		m.readers = append(m.readers, t)
		return
	}
	m.rq.push(t)
	m.w.block(t, rwWait{m, false}, 0, false)
}

// TryRLock takes a read lock if RLock would not block.
func (m *RWMutex) TryRLock() bool {
	t := m.w.enter(KindTryRLock, m.id, 0)
	if !m.readerMayEnter() {
		t.polled = true // a failed try is a poll: seen at the task's next point
		return false
	}
	m.readers = append(m.readers, t)
	return true
}

// Lock blocks until the running task holds the write lock.
func (m *RWMutex) Lock() {
	t := m.w.enter(KindLock, m.id, 0)
	if m.writerMayEnter() {
		m.writer = t
		return
	}
	m.wq.push(t)
	m.w.block(t, rwWait{m, true}, 0, false)
}

// TryLock takes the write lock if Lock would not block.
func (m *RWMutex) TryLock() bool {
	t := m.w.enter(KindTryLock, m.id, 0)
	if !m.writerMayEnter() {
		t.polled = true
		return false
	}
	m.writer = t
	return true
}

// RUnlock releases one read lock.
func (m *RWMutex) RUnlock() {
	t := m.w.enter(KindRUnlock, m.id, 0)
	if err := m.releaseRead(t); err != nil {
		panic(err.Error())
	}
}

// releaseRead gives up one read lock, t's own if it holds one. No
// scheduling point: RUnlock and Cond.Wait have made theirs.
func (m *RWMutex) releaseRead(t *Task) error {
	i := slices.Index(m.readers, t)
	if i < 0 && len(m.readers) > 0 {
		i = 0 // as in Go, another task may release a read lock
	}
	if i < 0 {
		return fmt.Errorf("sim: RUnlock of unlocked RWMutex %s by %s", m.name, t)
	}
	m.readers = slices.Delete(m.readers, i, i+1)
	if len(m.readers) == 0 {
		m.admitWriter()
	}
	return nil
}

// Unlock releases the write lock.
func (m *RWMutex) Unlock() {
	t := m.w.enter(KindUnlock, m.id, 0)
	if err := m.releaseWrite(t); err != nil {
		panic(err.Error())
	}
}

// releaseWrite gives up the write lock and admits who is next. No
// scheduling point: Unlock and Cond.Wait have made theirs.
func (m *RWMutex) releaseWrite(t *Task) error {
	if m.writer == nil {
		return fmt.Errorf("sim: Unlock of RWMutex %s by %s, which is not write-locked", m.name, t)
	}
	m.writer = nil
	if m.policy == WriterPreferring && m.wq.len() > 0 {
		m.admitWriter()
		return nil
	}
	if m.rq.len() > 0 {
		m.admitReaders()
		return nil
	}
	m.admitWriter()
	return nil
}

// RLocker returns a Locker whose Lock and Unlock call RLock and RUnlock,
// like sync.RWMutex.RLocker; a Cond over it waits holding a read lock.
func (m *RWMutex) RLocker() Locker { return rlocker{m} }

type rlocker struct{ m *RWMutex }

func (r rlocker) Lock()   { r.m.RLock() }
func (r rlocker) Unlock() { r.m.RUnlock() }

func (r rlocker) releaseFor(t *Task) error { return r.m.releaseRead(t) }

func (m *RWMutex) releaseFor(t *Task) error { return m.releaseWrite(t) }

func (m *RWMutex) admitWriter() {
	if m.wq.len() == 0 {
		if m.policy != ReaderPreferring {
			m.admitReaders() // readers held back by a writer that timed out or left
		}
		return
	}
	t := m.wq.pop()
	m.writer = t
	m.w.wake(t)
}

func (m *RWMutex) admitReaders() {
	for m.rq.len() > 0 {
		t := m.rq.pop()
		m.readers = append(m.readers, t)
		m.w.wake(t)
	}
}

// rwWait is what a task blocked on an RWMutex waits for.
type rwWait struct {
	m      *RWMutex
	writer bool
}

func (r rwWait) describe(*World) string {
	if r.writer {
		return "write lock " + r.m.name
	}
	return "read lock " + r.m.name
}

// holders: a writer waits for every holder; a reader waits for the writer
// and, unless readers are preferred, for the writers queued ahead of it.
func (r rwWait) holders(dst []*Task) []*Task {
	m := r.m
	if m.writer != nil {
		dst = append(dst, m.writer)
	}
	if r.writer {
		return append(dst, m.readers...)
	}
	if m.policy != ReaderPreferring {
		dst = append(dst, m.wq.q...)
	}
	return dst
}

func (r rwWait) cancel(t *Task) {
	if r.writer {
		r.m.wq.remove(t)
	} else {
		r.m.rq.remove(t)
	}
}

func (r rwWait) objID() int32 { return r.m.id }
