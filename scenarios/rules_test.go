package scenarios_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// orderFree marks a range over a map whose result does not depend on the
// iteration order (a membership test, a sum, a sort right after).
const orderFree = "drysim:order-independent"

// forbiddenTime are package time functions that read or wait on the real
// clock.
var forbiddenTime = map[string]bool{
	"Now": true, "Sleep": true, "After": true, "AfterFunc": true, "Tick": true,
	"NewTimer": true, "NewTicker": true, "Since": true, "Until": true,
}

// inWorld are the packages whose code runs inside a world, whole: the
// package line is the determinism line, so no file is exempt. Code that
// runs worlds lives in scenarios/harness, reports/sweep and reports.
var inWorld = []string{"../allocator", "../allocator/simrt", "../hoax", ".",
	"../systems/atlantis", "../systems/layerstore", "../systems/simrt", "../systems/window", "../systems/catalog"}

// TestCodeInsideTheWorldFollowsTheDeterminismRules checks the packages
// whose code runs inside a world (docs/determinism.md): no go statements,
// no select, no sync, no math/rand v1, no real clock, no range over a map
// unless marked order-independent.
func TestCodeInsideTheWorldFollowsTheDeterminismRules(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks from source; a few seconds")
	}
	// One importer for every directory: it type-checks each dependency
	// (the standard library included) from source once, not once per
	// directory.
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, dir := range inWorld {
		problems := checkDir(t, fset, imp, dir)
		require.Empty(t, problems, "determinism rules broken in %s", dir)
	}
}

func checkDir(t *testing.T, fset *token.FileSet, imp types.Importer, dir string) []string {
	t.Helper()
	files := parseDir(t, fset, dir)
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: imp}
	_, err := conf.Check(dir, fset, files, info)
	require.NoError(t, err)
	var problems []string
	for _, f := range files {
		problems = append(problems, checkFile(fset, f, info)...)
	}
	return problems
}

func parseDir(t *testing.T, fset *token.FileSet, dir string) []*ast.File {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	return files
}

func checkFile(fset *token.FileSet, f *ast.File, info *types.Info) []string {
	var out []string
	bad := func(n ast.Node, what string) {
		out = append(out, fmt.Sprintf("%s: %s", fset.Position(n.Pos()), what))
	}
	for _, imp := range f.Imports {
		switch strings.Trim(imp.Path.Value, `"`) {
		case "sync", "sync/atomic":
			bad(imp, "imports sync: use the Runtime's locks")
		case "math/rand":
			bad(imp, "imports math/rand: use the Runtime's streams (math/rand/v2 types only)")
		}
	}
	marked := orderFreeLines(fset, f)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			bad(n, "go statement: start tasks with Runtime.Go")
		case *ast.SelectStmt:
			bad(n, "select statement: its choice is not seeded")
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "time" && forbiddenTime[n.Sel.Name] {
				bad(n, "time."+n.Sel.Name+": take time from the Runtime")
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			switch {
			case !ok:
			case sel.Sel.Name == "Yield" && len(n.Args) == 0:
				bad(n, "Yield(): a task that yields to poll spins; wait on a lock, a notifier or a timer")
			case sel.Sel.Name == "Sleep" && len(n.Args) == 1 && isZero(info, n.Args[0]):
				bad(n, "Sleep(0): a zero-length sleep in a loop spins; sleep for a real time or wait")
			}
		case *ast.RangeStmt:
			if _, isMap := info.TypeOf(n.X).Underlying().(*types.Map); isMap && !marked[fset.Position(n.Pos()).Line] {
				bad(n, "range over a map: order differs between runs (mark with //"+orderFree+" if it does not matter)")
			}
		}
		return true
	})
	return out
}

// isZero reports whether expr is a constant zero.
func isZero(info *types.Info, expr ast.Expr) bool {
	tv, ok := info.Types[expr]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

// orderFreeLines returns the lines marked order-independent: the comment's
// own line and the one after it.
func orderFreeLines(fset *token.FileSet, f *ast.File) map[int]bool {
	lines := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, orderFree) {
				l := fset.Position(c.Pos()).Line
				lines[l], lines[l+1] = true, true
			}
		}
	}
	return lines
}

// The checker itself must catch what it claims to.
func TestDeterminismRulesCatchViolations(t *testing.T) {
	src := `package p
import (
	"sync"
	"time"
)
var mu sync.Mutex
type clock struct{}

func (clock) Sleep(time.Duration) {}
func (clock) Yield()              {}

func f(m map[string]int, c clock) int {
	c.Sleep(0)
	c.Yield()
	go func() {}()
	select {}
	_ = time.Now()
	n := 0
	for _, v := range m {
		n += v
	}
	//drysim:order-independent
	for _, v := range m {
		n += v
	}
	return n
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	_, err = (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info)
	require.NoError(t, err)
	problems := strings.Join(checkFile(fset, f, info), "\n")
	for _, want := range []string{"p.go:3:2: imports sync", "p.go:13:2: Sleep(0)", "p.go:14:2: Yield()", "p.go:15:2: go statement",
		"p.go:16:2: select statement", "p.go:17:6: time.Now", "p.go:19:2: range over a map"} {
		require.Contains(t, problems, want)
	}
	require.NotContains(t, problems, "p.go:24:2", "a marked range is allowed")
}

// The package graph keeps the layers apart (checked on the real graph):
// the allocator runs on any Runtime and imports nothing of drysim; hoax
// only the allocator; the models under systems/ no simulator; in-world scenarios nothing that runs worlds; reports
// draw and run nothing; the drysim binary does not link testing.
func TestPackageLayers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const mod = "github.com/drysim/drysim/"
	tests := []struct {
		pkg       string
		onlyOwn   []string // if set: the only drysim packages it may depend on
		forbidden []string
	}{
		{pkg: "allocator", onlyOwn: []string{"allocator"}},
		{pkg: "hoax", onlyOwn: []string{"allocator", "hoax"}},
		// The reference systems run on any Runtime: no simulator, nothing
		// of drysim but the failpoint-window helper and the fix catalogue.
		{pkg: "systems/atlantis", onlyOwn: []string{"systems/atlantis", "systems/window", "systems/catalog"}},
		{pkg: "systems/layerstore", onlyOwn: []string{"systems/layerstore", "systems/window", "systems/catalog"}},
		// The searches run worlds of any program: the kernel only.
		{pkg: "sim/guided", onlyOwn: []string{"sim", "sim/guided"}},
		{pkg: "sim/verify", onlyOwn: []string{"sim", "sim/verify"}},
		{pkg: "scenarios", forbidden: []string{mod + "scenarios/harness", mod + "reports", mod + "reports/sweep", mod + "sim/guided", mod + "sim/verify"}},
		{pkg: "reports/sweep", forbidden: []string{mod + "scenarios/harness", mod + "reports"}},
		{pkg: "reports", forbidden: []string{mod + "scenarios/harness"}},
		{pkg: "cmd/drysim", forbidden: []string{"testing", mod + "sim/simtest"}},
	}
	for _, tc := range tests {
		out, err := exec.Command("go", "list", "-deps", mod+tc.pkg).CombinedOutput()
		require.NoError(t, err, string(out))
		deps := strings.Fields(string(out))
		require.Contains(t, deps, mod+tc.pkg, "sanity: the list is the real graph")
		for _, d := range deps {
			own, ok := strings.CutPrefix(d, mod)
			if ok && tc.onlyOwn != nil {
				require.Contains(t, tc.onlyOwn, own, "%s depends on %s", tc.pkg, d)
			}
			require.False(t, slices.Contains(tc.forbidden, d), "%s depends on %s", tc.pkg, d)
		}
	}
}
