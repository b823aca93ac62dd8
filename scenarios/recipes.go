package scenarios

import (
	"fmt"
	"strings"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
)

// Recipe is a set of failpoints that makes one race happen on the first
// seed: the windows Drydock's authors widened with sleep() by hand, as
// pingcap/failpoint terms. Values widen a window in virtual time
// (return(3000) waits three seconds there) or inject a fault.
type Recipe struct {
	Name       string // the race, which is also the scenario's name
	Failpoints []Failpoint
	Doc        string
}

// Recipes lists one recipe per race.
func Recipes() []Recipe {
	return []Recipe{
		{"double-allocation", []Failpoint{{allocator.FPBeforeAllocateResource, "return(2000)"}},
			"two seconds between the coarse limit/binding check and the first save"},
		{"pending-overallocation", []Failpoint{{allocator.FPBeforeActivateResource, `return("40s")`}},
			"setup takes 40 s more, so the building lease wakes twice while its resource is pending"},
		{"pending-steal", []Failpoint{{allocator.FPAfterCandidates, "50%return(3000)"}},
			"half the allocation passes dawdle 3 s after reading candidates (the 50% is drawn from the world's PRNG)"},
		{"pending-attributes", []Failpoint{{allocator.FPBeforeSaveAttributes, "return(5000)"}},
			"five seconds between a resource's first save and its attributes"},
		{"reclaim-race", []Failpoint{{allocator.FPBeforeLinkLease, "return(3000)"}, {allocator.FPBeforeReclaimRelease, "return(3000)"}},
			"three seconds between acquire's re-read and the link, and between a reclaim's idle check and the release"},
		{"release-race", []Failpoint{{allocator.FPBeforeReleaseLease, "return(1000)"}},
			"one second between a releaser's check and its write"},
		{"activation-failure", []Failpoint{{hoax.FPAllocateResource, `2*return("fail")`}, {hoax.FPActivateResource, `1*return("hang")`}},
			"the first two allocations fail after the blueprint said yes; the first setup hangs"},
	}
}

// RecipeByName finds a recipe or lists the known ones.
func RecipeByName(name string) (Recipe, error) {
	var names []string
	for _, r := range Recipes() {
		if r.Name == name {
			return r, nil
		}
		names = append(names, r.Name)
	}
	return Recipe{}, fmt.Errorf("%w: unknown recipe %q; valid: %s", ErrConfig, name, strings.Join(names, ", "))
}
