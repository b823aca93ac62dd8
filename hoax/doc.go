// Package hoax is a blueprint of synthetic hosts, the tool Drydock's
// authors planned for reproducible repros (T13073: "each host is just a row
// that responds in a pre-programmed way"). A hoax host exists only in the
// store; every call it receives sleeps for a latency drawn from the world's
// "hoax" stream and fails as often as its Config says, drawn from the
// "faults" stream.
//
// Every knob is data (Config): the limit, leases per resource, Almanac-style
// host bindings, flavours, latencies for each call, failure rates for
// resource and lease activation, hangs that end in a timeout, "claims it can
// allocate, then fails", reclaimability, and whether hosts need setup.
//
// Like a real blueprint, the hoax declares slot locks and the allocator
// writes them: almanac.host.binding(<host>) and allocator(<bp>).limit(<n>)
// when a host is built, hoax.resource(<id>).lease(<n>) when a lease is
// linked. It picks slots the way Drydock does: shuffle, take the first that
// looks free, and if none does, take the last and expect to collide.
//
//	h, _ := hoax.New(rt, hoax.Config{Limit: 10, LeasesPerResource: 4, Bindings: []string{"host-01", "host-02"}})
//	a.AddBlueprint("hoax", h)
//
// The failpoints hoax/allocateResource, hoax/activateResource and
// hoax/activateLease inject a failure (value "fail") or a hang ("hang")
// while faults are on; SetFaults(false) starts a liveness phase.
package hoax
