package reports

import (
	"fmt"
	"html/template"
	"math"
	"os"
	"strings"
	"time"
)

func fmtFloat(v float64, prec int) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.*f", prec, v)
}

func fmtDuration(d time.Duration) string { return d.Round(time.Millisecond).String() }

// column is one column of a report table, rendered the same way in HTML
// and Markdown.
type column struct {
	head string
	cell func(row int) string
	// strategy cells get the strategy's colour swatch in HTML.
	strategy bool
	// optional columns are dropped when no row has anything in them
	// (every cell empty, 0, 0s or -): a column of zeros says nothing.
	optional bool
}

// table is rows of cells under columns.
type table struct {
	cols []column
	rows int
}

// kept is the columns worth showing.
func (t table) kept() []column {
	var out []column
	for _, c := range t.cols {
		if !c.optional || !t.empty(c) {
			out = append(out, c)
		}
	}
	return out
}

func (t table) empty(c column) bool {
	for i := range t.rows {
		if v := c.cell(i); v != "" && v != "0" && v != "-" && v != "0.0" && v != "0s" {
			return false
		}
	}
	return true
}

func safetyTable(rows []ScenarioRow) table {
	return table{rows: len(rows), cols: []column{
		{head: "scenario", cell: func(i int) string { return rows[i].Scenario }},
		{head: "strategy", cell: func(i int) string { return rows[i].Strategy }, strategy: true},
		{head: "runs", cell: func(i int) string { return fmt.Sprint(rows[i].Runs) }},
		{head: "failing", cell: func(i int) string { return fmt.Sprint(rows[i].Failing) }},
		{head: "per 1000", cell: func(i int) string { return fmtFloat(rows[i].Per1000, 1) }},
		{head: "race", cell: func(i int) string { return fmt.Sprint(rows[i].Races) }, optional: true},
		{head: "steals", cell: func(i int) string { return fmt.Sprint(rows[i].Steals) }, optional: true},
		{head: "stalls", cell: func(i int) string { return fmt.Sprint(rows[i].Stalls) }, optional: true},
		{head: "mean steps", cell: func(i int) string { return fmtFloat(rows[i].MeanSteps, 0) }},
		{head: "first failing seed", cell: func(i int) string {
			if f := rows[i].FirstFailing; f != nil {
				return fmt.Sprint(f.Seed)
			}
			return ""
		}, optional: true},
	}}
}

// repro is the command that reruns a row's first failing run.
type repro struct{ Row, Command string }

// repros lists the first failing run of each safety row, below the table:
// whole commands, each on its own line, never wrapped.
func repros(rows []ScenarioRow) []repro {
	var out []repro
	for _, row := range rows {
		if f := row.FirstFailing; f != nil {
			out = append(out, repro{row.Scenario + " / " + row.Strategy, f.Repro()})
		}
	}
	return out
}

func (r *Report) loadTable() table {
	rows := r.LoadRows
	return table{rows: len(rows), cols: []column{
		{head: "strategy", cell: func(i int) string { return rows[i].Strategy }, strategy: true},
		{head: "workers", cell: func(i int) string { return fmt.Sprint(rows[i].Workers) }},
		{head: "runs", cell: func(i int) string { return fmt.Sprint(rows[i].Runs) }},
		{head: "leases/min", cell: func(i int) string { return fmtFloat(rows[i].ActivatedPerMinute, 1) }},
		{head: "wait p50", cell: func(i int) string { return fmtDuration(rows[i].WaitP50) }, optional: true},
		{head: "wait p99", cell: func(i int) string { return fmtDuration(rows[i].WaitP99) }},
		{head: "wait max", cell: func(i int) string { return fmtDuration(rows[i].WaitMax) }},
		{head: "timeouts", cell: func(i int) string { return fmtFloat(rows[i].Timeouts, 1) }, optional: true},
		{head: "yields", cell: func(i int) string { return fmtFloat(rows[i].Yields, 1) }, optional: true},
		{head: "built", cell: func(i int) string { return fmtFloat(rows[i].Built, 1) }},
		{head: "needed", cell: func(i int) string { return fmtFloat(rows[i].Needed, 1) }},
		{head: "activate all", cell: func(i int) string { return fmtDuration(rows[i].ActivateAll) }},
	}}
}

// htmlTable renders a table; the template escapes every cell.
type htmlTable struct {
	Head []string
	Rows [][]htmlCell
}

type htmlCell struct {
	Text   string
	Class  string
	Swatch template.CSS // a strategy's colour
}

func (t table) html() htmlTable {
	cols := t.kept()
	var out htmlTable
	for _, c := range cols {
		out.Head = append(out.Head, c.head)
	}
	for i := range t.rows {
		var row []htmlCell
		for _, c := range cols {
			cell := htmlCell{Text: c.cell(i)}
			switch {
			case c.strategy:
				cell.Class, cell.Swatch = "name", template.CSS(hexColour(StrategyColour(cell.Text)))
			case c.head == "scenario":
				cell.Class = "name"
			}
			row = append(row, cell)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func (t table) markdown() string {
	cols := t.kept()
	var b strings.Builder
	var heads, rules []string
	for _, c := range cols {
		heads, rules = append(heads, c.head), append(rules, "---")
	}
	fmt.Fprintf(&b, "| %s |\n|%s|\n", strings.Join(heads, " | "), strings.Join(rules, "|"))
	for i := range t.rows {
		var cells []string
		for _, c := range cols {
			cells = append(cells, c.cell(i))
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
	}
	return b.String()
}

const htmlPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>drysim report</title>
<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}
.scroll{overflow-x:auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
th,td.name{text-align:left}td.name{white-space:nowrap}.sw{display:inline-block;width:.8em;height:.8em;margin-right:.4em;vertical-align:baseline}
ul.repros{list-style:none;padding:0;overflow-x:auto}ul.repros li{white-space:nowrap;margin:2px 0}
figure{margin:2em 0}figure img{width:100%;max-width:1100px}figcaption{color:#444;font-size:90%}code{background:#f3f3f3;padding:0 3px;white-space:nowrap}</style></head>
<body>
<h1>drysim report</h1>
<p>{{.Caption}}</p>
<h2>Findings</h2>
<ul>{{range .R.Findings}}<li>{{.}}</li>{{end}}</ul>
{{range .Safety}}<h2>{{.Title}}</h2>
{{with .Doc}}<p>{{.}}</p>{{end}}
{{template "table" .Table}}
{{with .Repros}}<p>The first failing run of each row, to rerun it exactly:</p>
<ul class="repros">{{range .}}<li>{{.Row}}: <code>{{.Command}}</code></li>{{end}}</ul>{{end}}
{{end}}<h2>Load: {{.R.Load}} by strategy and workers</h2>
{{template "table" .Load}}
<h2>Figures</h2>
{{range .R.Figures}}<figure><img src="{{.Name}}.svg" alt="{{.Title}}"><figcaption><b>{{.Title}}.</b> {{.Caption}} (<a href="{{.Name}}.png">PNG</a>)</figcaption></figure>
{{end}}
{{with .R.Timeline}}<h2>One failing run</h2>
<figure><img src="{{.SVG}}" alt="timeline"><figcaption><b>Timeline</b> of <code>{{.Record.Repro}}</code>, rerun until its first violation: {{.Violation}}. A lane per task, lock holds as bars, the violating step in red, the other actor of the race in yellow; the axis gives steps and their virtual times. The same run as trace-event JSON for ui.perfetto.dev: <a href="{{.JSON}}">{{.JSON}}</a>.</figcaption></figure>{{end}}
</body></html>
{{define "table"}}<div class="scroll"><table><tr>{{range .Head}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range .}}<td{{with .Class}} class="{{.}}"{{end}}>{{with .Swatch}}<span class="sw" style="background:{{.}}"></span>{{end}}{{.Text}}</td>{{end}}</tr>
{{end}}</table></div>{{end}}
`

// safetySection is one safety table of the page: Drydock's first, under
// the heading older reports had when Drydock was the only system, then
// one per other system the sweep ran.
type safetySection struct {
	title, doc string
	rows       []ScenarioRow
}

func (r *Report) safetySections() []safetySection {
	out := []safetySection{{title: "Safety: every scenario and strategy", rows: r.Safety}}
	if len(r.Systems) > 0 {
		out[0].title = "Safety: Drydock, every scenario and strategy"
	}
	if len(r.Safety) == 0 {
		out = out[:0]
	}
	for _, sys := range r.Systems {
		out = append(out, safetySection{title: "Safety: " + sys.System + ", every scenario and strategy", doc: sys.Doc, rows: sys.Rows})
	}
	return out
}

// htmlSafety is a safety section as the HTML template reads it.
type htmlSafety struct {
	Title, Doc string
	Table      htmlTable
	Repros     []repro
}

func (r *Report) htmlSafety() []htmlSafety {
	var out []htmlSafety
	for _, s := range r.safetySections() {
		out = append(out, htmlSafety{Title: s.title, Doc: s.doc, Table: safetyTable(s.rows).html(), Repros: repros(s.rows)})
	}
	return out
}

func writeHTML(r *Report, path string) error {
	page := template.Must(template.New("report").Parse(htmlPage))
	return writeFile(path, func(f *os.File) error {
		return page.Execute(f, struct {
			R       *Report
			Caption string
			Safety  []htmlSafety
			Load    htmlTable
		}{r, r.sweepCaption(), r.htmlSafety(), r.loadTable().html()})
	})
}

func writeMarkdown(r *Report, path string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# drysim report\n\n%s\n\n## Findings\n\n", r.sweepCaption())
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "- %s\n", f)
	}
	for _, s := range r.safetySections() {
		fmt.Fprintf(&b, "\n## %s\n\n", s.title)
		if s.doc != "" {
			fmt.Fprintf(&b, "%s\n\n", s.doc)
		}
		b.WriteString(safetyTable(s.rows).markdown())
		if rs := repros(s.rows); len(rs) > 0 {
			b.WriteString("\nThe first failing run of each row, to rerun it exactly:\n\n")
			for _, x := range rs {
				fmt.Fprintf(&b, "- %s: `%s`\n", x.Row, x.Command)
			}
		}
	}
	fmt.Fprintf(&b, "\n## Load: %s by strategy and workers\n\n", r.Load)
	b.WriteString(r.loadTable().markdown())
	b.WriteString("\n## Figures\n\n")
	for _, f := range r.Figures {
		fmt.Fprintf(&b, "![%s](%s.png)\n\n*%s.* %s\n\n", f.Title, f.Name, f.Title, f.Caption)
	}
	if t := r.Timeline; t != nil {
		fmt.Fprintf(&b, "## One failing run\n\n![timeline](%s)\n\n*Timeline* of `%s`, rerun until its first violation: %s. "+
			"A lane per task, lock holds as bars, the violating step in red, the other actor of the race in yellow; the axis gives steps and their virtual times. "+
			"As trace-event JSON for ui.perfetto.dev: [%s](%s).\n", t.SVG, t.Record.Repro(), t.Violation, t.JSON, t.JSON)
	}
	return writeFile(path, func(f *os.File) error {
		_, err := f.WriteString(b.String())
		return err
	})
}
