package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func loadYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, yaml.Unmarshal(data, &doc), path)
	return doc
}

func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			require.True(t, ok, "%v is not a map at %q", v, k)
			v = m[k]
		case int:
			l, ok := v.([]any)
			require.True(t, ok && k < len(l), "%v has no item %d", v, k)
			v = l[k]
		}
	}
	return v
}

// sweepPlanOf parses a drysim sweep command line with the real flags and
// returns its shard, failing on anything sweep would refuse.
func sweepPlanOf(t *testing.T, line string) (shard string, shards int) {
	t.Helper()
	i := strings.Index(line, "drysim sweep")
	require.GreaterOrEqual(t, i, 0, line)
	args := strings.Fields(line[i+len("drysim sweep"):])
	fs := newFlags("sweep")
	var sf sweepFlags
	sf.register(fs)
	help, err := parse(fs, args, &strings.Builder{})
	require.False(t, help)
	require.NoError(t, err, line)
	_, err = sf.plan()
	require.NoError(t, err, line)
	return sf.shard, sf.shards
}

func TestGitHubActionsMatrixRunsEveryShardAndMergesThem(t *testing.T) {
	doc := loadYAML(t, "../../deploy/github-actions.yml")
	shards := at(t, doc, "jobs", "sweep", "strategy", "matrix", "shard").([]any)
	require.Len(t, shards, 4)
	var run string
	for _, s := range at(t, doc, "jobs", "sweep", "steps").([]any) {
		if r, ok := s.(map[string]any)["run"].(string); ok && strings.Contains(r, "drysim sweep") {
			run = r
		}
	}
	for i, s := range shards {
		require.Equal(t, i, s)
		line := strings.NewReplacer("${{ matrix.shard }}", strconv.Itoa(i), "${{ inputs.seeds }}", "500").Replace(run)
		shard, _ := sweepPlanOf(t, line)
		require.Equal(t, strconv.Itoa(i)+"/4", shard)
	}
	require.Equal(t, "sweep", at(t, doc, "jobs", "report", "needs"))
	var report string
	for _, s := range at(t, doc, "jobs", "report", "steps").([]any) {
		if r, ok := s.(map[string]any)["run"].(string); ok && strings.Contains(r, "drysim report") {
			report = r
		}
	}
	for i := range shards {
		require.Contains(t, report, "-in results-"+strconv.Itoa(i)+".jsonl", "the report merges every shard")
	}
}

// The Job runs a prebuilt image (deploy/Dockerfile builds drysim once):
// no pod builds, no two pods share an output path, and the arguments are
// ones drysim's own flag parser accepts, sharded by the completion index.
func TestKubernetesIndexedJobShardsByCompletionIndex(t *testing.T) {
	doc := loadYAML(t, "../../deploy/k8s-indexed-job.yaml")
	require.Equal(t, "Job", doc["kind"])
	require.Equal(t, "batch/v1", doc["apiVersion"])
	spec := at(t, doc, "spec").(map[string]any)
	require.Equal(t, "Indexed", spec["completionMode"])
	n := spec["completions"].(int)
	require.Equal(t, n, spec["parallelism"])
	pod := at(t, spec, "template", "spec").(map[string]any)
	require.Nil(t, pod["initContainers"], "nothing builds in the pods")
	container := at(t, pod, "containers", 0).(map[string]any)
	require.NotContains(t, container["image"], "golang", "a prebuilt drysim image, not a Go toolchain")
	require.Nil(t, container["command"], "the image's entrypoint is drysim")
	env := at(t, container, "env", 0).(map[string]any)
	require.Equal(t, "SHARD", env["name"])
	require.Equal(t, "metadata.annotations['batch.kubernetes.io/job-completion-index']", at(t, env, "valueFrom", "fieldRef", "fieldPath"))
	var args []string
	for _, a := range container["args"].([]any) {
		args = append(args, a.(string))
	}
	require.Equal(t, "sweep", args[0])
	require.Contains(t, args, "/results/shard-$(SHARD).jsonl", "each pod writes its own file")
	for i := range n {
		t.Setenv("JOB_COMPLETION_INDEX", strconv.Itoa(i))
		_, shards := sweepPlanOf(t, "drysim "+strings.Join(args, " "))
		require.Equal(t, n, shards, "-shards must match completions")
		fs := newFlags("sweep")
		var sf sweepFlags
		sf.register(fs)
		_, err := parse(fs, args[1:], &strings.Builder{})
		require.NoError(t, err)
		sh, err := sf.shardOf()
		require.NoError(t, err)
		require.Equal(t, i, sh.Index)
	}
	dockerfile, err := os.ReadFile("../../deploy/Dockerfile")
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(dockerfile), "go build"), "the image builds drysim once")
	require.Contains(t, string(dockerfile), "./cmd/drysim")
	require.Regexp(t, `(?m)^ENTRYPOINT \["/usr/local/bin/drysim"\]$`, string(dockerfile))
}
