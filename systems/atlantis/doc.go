// Package atlantis is drysim's reference model of Atlantis's locks, as
// Atlantis's ADR 0002 "Project Locks" (runatlantis/atlantis#3345, seed
// document 000) and its review describe them: pull requests with several
// projects, a working directory per pull and workspace, the working-dir
// locker's pull- and workspace-level locks, and project locks in a lock
// store. It is small enough to read in one sitting, and faithful enough
// that the hazards the review names can be reproduced and closed one fix
// at a time.
//
// # The model
//
// A Server has one repository of Projects and its upstream branch (a head
// commit, and per project the commit that last changed it), each
// project's infrastructure state (a serial, one more per apply), the lock
// store (per project, the pull that owns its lock) and the pull requests
// (OpenPull). A pull has a head commit (Push adds one), a pull-level lock,
// and one working directory for its workspace: a clone merged with
// upstream, holding the plans made in it.
//
//	BuildAll  the plan-all builder (ADR step 5): pull lock, then the
//	          workspace's, while the checkout is brought up to date
//	Plan      doPlan (step 8): the project's lock from the store, the
//	          workspace's lock, checkout up to date, plan written
//	Apply     the workspace's lock, the plan applied to the project's state
//	Unlock    `atlantis unlock`: plans discarded, project locks given up
//	Merge     upstream moves, the pull's locks are deleted
//
// A command that loses a lock is Rejected with a reason naming the lock;
// one that meets a corrupt directory (two commands worked in it at once)
// Failed. Observe hears an Event at the instant each step happens: all a
// checker needs.
//
// # Strategies and fixes
//
// A Strategy is a Policy for the working-dir locks (fail-fast, poll-retry,
// queue, blocking) and a set of fixes; ParseStrategy reads the named ones
// and <named>-without=<fix>. Each fix closes one hazard the review names:
//
//	lock-covers-fix         two clones into one directory: the lock must
//	                        cover "check for conditions, fix condition"
//	revalidate-before-plan  a plan on a stale merge: "verify (again!) that
//	                        you are still up to date"
//	lock-spans-plan-apply   another pull applies between plan and apply
//	atomic-lock-store       two owners of one project lock (a GET, then a
//	                        SET: Atlantis's Redis backend, not in the seed)
//	pull-lock-order         ABBA between the pull's lock and a workspace's
//	                        once both levels block (hypothetical)
//
// # Failpoints
//
// FPAfterCheck, FPBetweenGetAndSet, FPBeforeProjectLock and FPPullLockHeld sit in
// the race windows; an enabled one widens its window in virtual time,
// evaluated through Runtime.Failpoint.
//
// # The Runtime seam
//
// The server takes time, locks and failpoints only from a Runtime; it
// never imports the simulator (a test checks the dependency graph).
// Package systems/simrt runs it inside a sim.World, whose mutex has
// TryLock and LockTimeout and whose deadlock report names the waits-for
// cycle.
package atlantis
