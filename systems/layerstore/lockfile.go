package layerstore

// Lockfile models containers/storage's pkg/lockfile: a reader/writer lock
// with a file whose content changes on every Touch, so that another user
// can tell the data it guards was modified.
type Lockfile struct {
	name string
	rw   RWLock
	// gen is the file's content: bumped by every Touch.
	gen uint64
	// lastWrite is the process's own record of the last content it wrote
	// or read, shared by every layer store of the process (c/storage's
	// lockfile.lw before ModifiedSince).
	lastWrite uint64
}

// Touch records a modification; call it holding the write lock.
func (f *Lockfile) Touch() uint64 {
	f.gen++
	f.lastWrite = f.gen
	return f.gen
}

// Modified is the process-wide check: whether the file changed since the
// process last wrote or read it. It consumes the change, so a second layer
// store asking after the first is told nothing changed, and a store of
// the process that wrote it is never told.
func (f *Lockfile) Modified() bool {
	changed := f.gen != f.lastWrite
	f.lastWrite = f.gen
	return changed
}

// ModifiedSince is the per-store check: whether the file changed since the
// generation the caller loaded.
func (f *Lockfile) ModifiedSince(loaded uint64) bool { return f.gen != loaded }

// Generation is the file's current content.
func (f *Lockfile) Generation() uint64 { return f.gen }
