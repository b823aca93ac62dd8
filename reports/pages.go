package reports

import (
	"fmt"
	"html/template"
	"math"
	"os"
	"strings"
	"time"
)

var pageFuncs = template.FuncMap{
	"f1":  func(v float64) string { return fmtFloat(v, 1) },
	"f2":  func(v float64) string { return fmtFloat(v, 2) },
	"dur": fmtDuration,
}

func fmtFloat(v float64, prec int) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.*f", prec, v)
}

func fmtDuration(d time.Duration) string { return d.Round(time.Millisecond).String() }

const htmlPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>drysim report</title>
<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
td:first-child,td:nth-child(2),th{text-align:left}figure{margin:2em 0}img{max-width:100%}
figcaption{color:#444;font-size:90%}code{background:#f3f3f3;padding:0 3px}</style></head>
<body>
<h1>drysim report</h1>
<p>{{.Caption}}</p>
<h2>Findings</h2>
<ul>{{range .R.Findings}}<li>{{.}}</li>{{end}}</ul>
<h2>Safety: every scenario and strategy</h2>
<table><tr><th>scenario</th><th>strategy</th><th>runs</th><th>failing</th><th>per 1000</th><th>race</th><th>steals</th><th>stalls</th><th>mean steps</th><th>first failing run</th></tr>
{{range .R.Safety}}<tr><td>{{.Scenario}}</td><td>{{.Strategy}}</td><td>{{.Runs}}</td><td>{{.Failing}}</td><td>{{f1 .Per1000}}</td><td>{{.Races}}</td><td>{{.Steals}}</td><td>{{.Stalls}}</td><td>{{f1 .MeanSteps}}</td><td>{{with .FirstFailing}}<code>{{.Repro}}</code>{{end}}</td></tr>
{{end}}</table>
<h2>Load: {{.R.Load}} by strategy and workers</h2>
<table><tr><th>strategy</th><th>workers</th><th>runs</th><th>leases/min</th><th>wait p50</th><th>wait p99</th><th>wait max</th><th>timeouts</th><th>yields</th><th>built</th><th>needed</th><th>activate all</th></tr>
{{range .R.LoadRows}}<tr><td>{{.Strategy}}</td><td>{{.Workers}}</td><td>{{.Runs}}</td><td>{{f1 .ActivatedPerMinute}}</td><td>{{dur .WaitP50}}</td><td>{{dur .WaitP99}}</td><td>{{dur .WaitMax}}</td><td>{{f1 .Timeouts}}</td><td>{{f1 .Yields}}</td><td>{{f1 .Built}}</td><td>{{f1 .Needed}}</td><td>{{dur .ActivateAll}}</td></tr>
{{end}}</table>
<h2>Figures</h2>
{{range .R.Figures}}<figure><img src="{{.Name}}.svg" alt="{{.Title}}"><figcaption><b>{{.Title}}.</b> {{.Caption}} (<a href="{{.Name}}.png">PNG</a>)</figcaption></figure>
{{end}}
{{with .R.Timeline}}<h2>One failing run</h2>
<figure><img src="{{.SVG}}" alt="timeline"><figcaption><b>Timeline</b> of <code>{{.Record.Repro}}</code>, rerun until its first violation: {{.Violation}}. A lane per task, lock holds as bars, the violating step in red. The same run as trace-event JSON for ui.perfetto.dev: <a href="{{.JSON}}">{{.JSON}}</a>.</figcaption></figure>{{end}}
</body></html>
`

var htmlTemplate = template.Must(template.New("report").Funcs(pageFuncs).Parse(htmlPage))

func writeHTML(r *Report, path string) error {
	return writeFile(path, func(f *os.File) error {
		return htmlTemplate.Execute(f, struct {
			R       *Report
			Caption string
		}{r, r.sweepCaption()})
	})
}

func writeMarkdown(r *Report, path string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# drysim report\n\n%s\n\n## Findings\n\n", r.sweepCaption())
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "- %s\n", f)
	}
	b.WriteString("\n## Safety: every scenario and strategy\n\n")
	b.WriteString("| scenario | strategy | runs | failing | per 1000 | race | steals | stalls | mean steps | first failing run |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, row := range r.Safety {
		repro := ""
		if row.FirstFailing != nil {
			repro = "`" + row.FirstFailing.Repro() + "`"
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %s | %d | %d | %d | %s | %s |\n", row.Scenario, row.Strategy, row.Runs, row.Failing,
			fmtFloat(row.Per1000, 1), row.Races, row.Steals, row.Stalls, fmtFloat(row.MeanSteps, 1), repro)
	}
	fmt.Fprintf(&b, "\n## Load: %s by strategy and workers\n\n", r.Load)
	b.WriteString("| strategy | workers | runs | leases/min | wait p50 | wait p99 | wait max | timeouts | yields | built | needed | activate all |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, l := range r.LoadRows {
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", l.Strategy, l.Workers, l.Runs,
			fmtFloat(l.ActivatedPerMinute, 1), fmtDuration(l.WaitP50), fmtDuration(l.WaitP99), fmtDuration(l.WaitMax),
			fmtFloat(l.Timeouts, 1), fmtFloat(l.Yields, 1), fmtFloat(l.Built, 1), fmtFloat(l.Needed, 1), fmtDuration(l.ActivateAll))
	}
	b.WriteString("\n## Figures\n\n")
	for _, f := range r.Figures {
		fmt.Fprintf(&b, "![%s](%s.png)\n\n*%s.* %s\n\n", f.Title, f.Name, f.Title, f.Caption)
	}
	if t := r.Timeline; t != nil {
		fmt.Fprintf(&b, "## One failing run\n\n![timeline](%s)\n\n*Timeline* of `%s`, rerun until its first violation: %s. "+
			"A lane per task, lock holds as bars, the violating step in red. As trace-event JSON for ui.perfetto.dev: [%s](%s).\n",
			t.SVG, t.Record.Repro(), t.Violation, t.JSON, t.JSON)
	}
	return writeFile(path, func(f *os.File) error {
		_, err := f.WriteString(b.String())
		return err
	})
}
