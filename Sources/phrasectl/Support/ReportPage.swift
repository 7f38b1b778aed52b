import Foundation
import Tifa

/// The analyst's report as one self-contained HTML page: inline CSS, inline SVG charts, inline
/// script (sortable tables, and a self-check a headless browser reads back); nothing is fetched.
struct ReportPage {
    var title: String
    var summary: String
    var trends: [Trend]
    var keyness: Keyness?
    var keynessTitle: String
    var mined: [PhraseCandidate]
    var contexts: [(phrase: String, lines: [KWICLine])]

    static let palette = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b"]

    func html() -> String {
        var page = """
            <!doctype html>
            <html lang="zh">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <script>
            window.reportErrors = [];
            window.addEventListener("error", function (e) { window.reportErrors.push(String(e.message)); });
            (function () { var original = console.error; console.error = function () { window.reportErrors.push(Array.prototype.join.call(arguments, " ")); original.apply(console, arguments); }; })();
            </script>
            <style>
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 1100px; color: #222; line-height: 1.5; padding: 0 1em; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
            .summary { color: #555; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
            th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #eee; text-align: left; }
            th { cursor: pointer; background: #f6f6f6; user-select: none; } th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .chart text { font-size: 11px; fill: #444; } .chart .grid { stroke: #e6e6e6; } .chart .axis { stroke: #888; }
            .legend span { display: inline-block; margin-right: 1.2em; } .legend i { display: inline-block; width: 1.4em; height: 0.3em; vertical-align: middle; margin-right: 0.3em; }
            .kwic td.left { text-align: right; color: #555; } .kwic td.match { font-weight: bold; } .kwic td.right { color: #555; }
            </style>
            </head>
            <body data-ready="0">
            <h1>\(escape(title))</h1>
            <p class="summary">\(escape(summary))</p>

            """
        page += trendSection()
        page += keynessSection()
        page += minedSection()
        page += contextSection()
        page += """
            <script>
            (function () {
              function value(cell) { var t = cell.getAttribute("data-value") || cell.textContent; var n = parseFloat(t); return isNaN(n) ? t : n; }
              Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
                Array.prototype.forEach.call(table.querySelectorAll("th"), function (header, column) {
                  header.addEventListener("click", function () {
                    var ascending = !header.classList.contains("sorted-asc");
                    Array.prototype.forEach.call(table.querySelectorAll("th"), function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
                    header.classList.add(ascending ? "sorted-asc" : "sorted-desc");
                    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) { var x = value(a.cells[column]), y = value(b.cells[column]); return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1); });
                    rows.forEach(function (row) { body.appendChild(row); });
                  });
                });
              });
              var problems = window.reportErrors.slice();
              Array.prototype.forEach.call(document.querySelectorAll("svg.chart"), function (chart) {
                var expected = parseInt(chart.getAttribute("data-series"), 10), drawn = chart.querySelectorAll("path.series").length;
                if (expected !== drawn) problems.push("chart " + chart.id + ": " + drawn + " series drawn, " + expected + " expected");
              });
              document.body.setAttribute("data-errors", JSON.stringify(problems));
              document.body.setAttribute("data-ready", "1");
            })();
            </script>
            </body>
            </html>

            """
        return page
    }

    private func trendSection() -> String {
        guard !trends.isEmpty else { return "" }
        let keys = trends[0].buckets.map(\.key)
        let width = 1000.0, height = 320.0, left = 56.0, right = 16.0, top = 16.0, bottom = 36.0
        let maximum = max(1e-9, trends.flatMap { $0.buckets.map(\.perMillion) }.max() ?? 0)
        // Years are placed by their value, so a year without documents leaves its gap; other keys evenly.
        let years = keys.compactMap { Int($0) }
        let positions = years.count == keys.count && keys.count > 1 ? years.map { Double($0 - years[0]) } : keys.indices.map(Double.init)
        let span = max(1, positions.last ?? 1)
        func x(_ i: Int) -> Double { keys.count > 1 ? left + positions[i] / span * (width - left - right) : (left + width - right) / 2 }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - v / maximum) }
        var svg = "<svg class=\"chart\" id=\"trend-chart\" data-series=\"\(trends.count)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"rate per million characters by year\">\n"
        for k in 0...4 {
            let v = maximum * Double(k) / 4
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\(quoted(y(v))) y2=\(quoted(y(v)))></line>"
            svg += "<text x=\"\(left - 6)\" y=\(quoted(y(v) + 4)) text-anchor=\"end\">\(format(v))</text>\n"
        }
        let labelEvery = max(1, keys.count / 14)
        for (i, key) in keys.enumerated() where i % labelEvery == 0 || i == keys.count - 1 {
            svg += "<text x=\(quoted(x(i))) y=\"\(height - 12)\" text-anchor=\"middle\">\(escape(key))</text>"
        }
        svg += "<line class=\"axis\" x1=\"\(left)\" x2=\"\(width - right)\" y1=\(quoted(y(0))) y2=\(quoted(y(0)))></line>\n"
        for (n, trend) in trends.enumerated() {
            let color = Self.palette[n % Self.palette.count]
            let points = trend.buckets.enumerated().map { "\(String(format: "%.1f", x($0.offset))),\(String(format: "%.1f", y($0.element.perMillion)))" }
            svg += "<path class=\"series\" data-phrase=\"\(escape(trend.phrase))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" d=\"M\(points.joined(separator: " L"))\"><title>\(escape(trend.phrase))</title></path>\n"
            // A dot at every bucket, so a series of one bucket (one year, or undated documents) shows.
            for (i, bucket) in trend.buckets.enumerated() {
                svg += "<circle cx=\(quoted(x(i))) cy=\(quoted(y(bucket.perMillion))) r=\"2.5\" fill=\"\(color)\"><title>\(escape(trend.phrase)) \(escape(bucket.key)): \(format(bucket.perMillion)) per million</title></circle>"
            }
            svg += "\n"
            for (mark, appearance) in [("first", trend.first), ("last", trend.last)] {
                guard let appearance, let key = appearance.date.map({ String($0.prefix(4)) }), let i = keys.firstIndex(of: key) else { continue }
                let value = trend.buckets[i].perMillion
                svg += "<circle class=\"\(mark)\" cx=\(quoted(x(i))) cy=\(quoted(y(value))) r=\"4.5\" fill=\"white\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(escape(trend.phrase)): \(mark) \(escape(appearance.date ?? "")) \(escape(appearance.id))</title></circle>\n"
            }
        }
        svg += "</svg>\n"
        var html = "<section id=\"trends\">\n<h2>Trends: occurrences per million characters, by year</h2>\n"
        html += "<p class=\"legend\">" + trends.enumerated().map { "<span><i style=\"background:\(Self.palette[$0.offset % Self.palette.count])\"></i>\(escape($0.element.phrase))</span>" }.joined() + " Circles mark the first and last appearance.</p>\n"
        html += svg
        html += table(
            header: ["phrase", "occurrences", "documents", "first", "last", "Juilland's D", "Gries' DP"], numeric: [1, 2, 5, 6],
            rows: trends.map { t in
                [t.phrase, String(t.buckets.reduce(0) { $0 + $1.occurrences }), String(t.dispersion.range), t.first.map { "\($0.date ?? "") \($0.id)" } ?? "—",
                 t.last.map { "\($0.date ?? "") \($0.id)" } ?? "—", t.dispersion.juillandD.map(format) ?? "—", t.dispersion.griesDP.map(format) ?? "—"]
            })
        return html + "</section>\n"
    }

    private func keynessSection() -> String {
        guard let keyness else {
            return "<section id=\"keyness\">\n<h2>Keyness</h2>\n<p>\(escape(keynessTitle))</p>\n</section>\n"
        }
        var html = "<section id=\"keyness\">\n<h2>\(escape(keynessTitle))</h2>\n"
        html += "<p>\(keyness.targetDocuments) against \(keyness.referenceDocuments) documents; \(keyness.tested) items tested, significant ones (p &lt; 0.05, Sidak-corrected) by log-likelihood.</p>\n"
        html += table(
            header: ["item", "unit", "target", "reference", "G²", "log ratio", "%DIFF", "use"], numeric: [2, 3, 4, 5, 6],
            rows: keyness.items.map { item in
                let s = item.statistics
                return [item.item, item.unit.rawValue, String(s.targetCount), String(s.referenceCount), format(s.logLikelihood), format(s.logRatio),
                        s.percentDiff.map { String(format: "%.0f", $0) } ?? "new", s.overused ? "more" : "less"]
            })
        return html + "</section>\n"
    }

    private func minedSection() -> String {
        guard !mined.isEmpty else { return "" }
        var html = "<section id=\"mined\">\n<h2>Phrases the lexicon does not know yet (mined)</h2>\n"
        html += table(
            header: ["phrase", "score", "count", "documents", "cohesion", "quoted"], numeric: [1, 2, 3, 4, 5],
            rows: mined.map { [$0.phrase, format($0.score), String($0.count), String($0.documents), format($0.cohesion), format($0.quoted)] })
        return html + "</section>\n"
    }

    private func contextSection() -> String {
        guard !contexts.isEmpty else { return "" }
        var html = "<section id=\"contexts\">\n<h2>In context</h2>\n"
        for (phrase, lines) in contexts where !lines.isEmpty {
            html += "<h3>\(escape(phrase))</h3>\n<table class=\"kwic\"><tbody>\n"
            for line in lines {
                html += "<tr><td>\(escape(line.id))</td><td class=\"left\">\(escape(line.left))</td><td class=\"match\">\(escape(line.match))</td><td class=\"right\">\(escape(line.right))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }

    private func table(header: [String], numeric: Set<Int>, rows: [[String]]) -> String {
        var html = "<table class=\"sortable\"><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { numeric.contains($0.offset) ? "<td class=\"n\">\(escape($0.element))</td>" : "<td>\(escape($0.element))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func format(_ x: Double) -> String {
        abs(x) >= 100 ? String(format: "%.0f", x) : abs(x) >= 10 ? String(format: "%.1f", x) : String(format: "%.2f", x)
    }

    private func quoted(_ x: Double) -> String { "\"\(String(format: "%.1f", x))\"" }
}

/// `text` with the characters HTML gives meaning escaped.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
