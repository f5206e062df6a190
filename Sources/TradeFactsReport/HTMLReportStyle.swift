import TradeFactsText

/// The style sheet and the one script of the HTML report, written inline into every page so that a
/// page opened from disk fetches nothing (each page's Content-Security-Policy forbids any fetch).
package enum HTMLReportStyle {
    /// What every page's `<head>` starts with: the character set, a policy that allows inline
    /// styles (and, with `script`, inline scripts) and nothing from anywhere else, and the viewport.
    package static func head(_ w: inout HTMLWriter, title: String, script: Bool) {
        w.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        w.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
        if script { w.raw("script-src 'unsafe-inline'; ") }
        w.raw("img-src 'none'; base-uri 'none'; form-action 'none'\">\n")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        w.raw("<meta name=\"generator\" content=\"tradefacts ")
        w.text(TradeFactsVersion.string)
        w.raw("\">\n<title>")
        w.text(title)
        w.raw("</title>\n<style>\n")
        w.raw(css)
        w.raw("</style>\n</head>\n")
    }

    /// Colours meet WCAG AA contrast against their backgrounds (text #1b1b1b on the tints, white on
    /// the badges); every mention type also has its own underline style and a text label, and every
    /// severity its word, so colour is never the only cue.
    static let css: StaticString = """
        :root{color:#1b1b1b;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        body{margin:0 auto;padding:0 1.25rem 3rem;max-width:80rem}
        a{color:#0b4fa8}
        a:visited{color:#5b2d91}
        :focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
        :target{outline:3px solid #1b1b1b;background:#fff3a3}
        .skip{position:absolute;left:-9999px;top:0;background:#1b1b1b;color:#fff;padding:.5em 1em;z-index:20}
        .skip:focus{left:1rem;color:#fff}
        header{border-bottom:1px solid #999;margin-bottom:1rem}
        h1{font-size:1.5rem;margin:.75rem 0 .25rem;overflow-wrap:anywhere}
        h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
        .headline{font-size:1.1rem;font-style:italic;margin:.25rem 0}
        nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
        dl.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.5rem 0}
        dl.facts div{display:flex;gap:.4em}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0}
        .error-text{color:#9b0018;font-weight:600}
        .article{white-space:pre-wrap;overflow-wrap:anywhere;font:17px/2.1 Georgia,"Times New Roman",serif;max-width:52rem;padding:.5rem 1rem;border:1px solid #bbb;background:#fff}
        .legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.5rem 0;padding:0;list-style:none}
        .m{position:relative;border-radius:2px;padding:0 1px}
        .m[tabindex]{cursor:help}
        .m[data-label]::after{content:attr(data-label);font:600 .62em/1 system-ui,sans-serif;vertical-align:super;margin-left:1px;letter-spacing:.02em;color:#1b1b1b}
        .m-money{background:#dcf1e2;border-bottom:2px solid #1e6b35}
        .m-percent{background:#fce6cc;border-bottom:2px dashed #7a4300}
        .m-date,.m-period{background:#dbe6fb;border-bottom:2px dotted #1a4fa0}
        .m-count{background:#ecdcf9;border-bottom:3px double #5f2a91}
        .m-quantity{background:#d3efef;border-bottom:2px solid #0b5e5e;border-top:1px solid #0b5e5e}
        .m-number{background:#e9e9e9;border-bottom:1px dotted #444}
        .m .m{padding-bottom:2px}
        .f{position:relative;outline-offset:1px}
        .f.sev-error{outline:2px solid #9b0018}
        .f.sev-warning{outline:2px dashed #6b4500}
        .f.sev-info{outline:1px dotted #00527a}
        .rel{outline:2px dashed #555;outline-offset:1px}
        .badge,.fm,.rm{display:inline-block;font:600 .7rem/1.3 system-ui,sans-serif;color:#fff;border-radius:3px;padding:0 .3em;text-decoration:none;vertical-align:super;white-space:nowrap}
        .fm:visited,.rm:visited,.badge a{color:#fff}
        .sev-error>.fm,.badge.sev-error{background:#9b0018}
        .sev-warning>.fm,.badge.sev-warning{background:#6b4500}
        .sev-info>.fm,.badge.sev-info{background:#00527a}
        .rm{background:#444}
        .tip{display:none;position:absolute;left:0;top:calc(100% + 6px);z-index:10;width:max-content;max-width:30rem;background:#1b1b1b;color:#fff;padding:.4em .6em;border-radius:4px;font:13px/1.45 system-ui,sans-serif;white-space:pre-line;text-align:left}
        .m:hover>.tip,.m:focus>.tip,.fm:hover+.tip,.fm:focus+.tip{display:block}
        .m:hover:has(.m:hover)>.tip{display:none}
        ol.findings>li{margin:.5rem 0}
        ol.findings ul{margin:.25rem 0}
        table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{border:1px solid #aaa;padding:.25em .5em;vertical-align:top;text-align:left}
        thead th{background:#eef0f3}
                .v{display:block;color:#444;font-size:.85em}
        .scroll{overflow-x:auto}
        table.index{width:100%;table-layout:fixed;margin:0}
        .chunk{content-visibility:auto;contain-intrinsic-size:auto 11000px}
        .chunk+.chunk table{border-top:0}
        .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        table.index tbody th{overflow-wrap:anywhere}
        table.index td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        table.index td:nth-child(n+4){text-align:right;font-variant-numeric:tabular-nums}
        table.index thead th{font-size:.85rem}
        table.index th,table.index td{padding:.25em .35em}
        table.index tr.unreadable th,table.index tr.unreadable td{background:#fdeaea;white-space:normal}
        th button{font:inherit;font-weight:600;color:#0b4fa8;background:none;border:0;padding:0;cursor:pointer;text-align:left;text-decoration:underline dotted}
        th[aria-sort=ascending] button::after{content:" \\25B2"}
        th[aria-sort=descending] button::after{content:" \\25BC"}
        footer{margin-top:2rem;border-top:1px solid #999;font-size:.85rem}

        """

    /// The index page's sorting: a button in each column header (added by the script, so a page
    /// without scripts shows plain headers and the rows in input order), a stable sort of the rows
    /// of all the page's tables together, which then hold the same number of rows each as before,
    /// `aria-sort` on the sorted column's headers, and `#sort=KEY` or `#sort=KEY:asc|desc` in the
    /// address honoured on load and kept up to date, so a sorted view can be linked to.
    static let sortScript: StaticString = """
        (function () {
          var root = document.getElementById("documents");
          if (!root) return;
          var tables = root.getElementsByTagName("table");
          if (!tables.length || !tables[0].tHead) return;
          var keys = [];
          Array.prototype.forEach.call(tables[0].tHead.rows[0].cells, function (head) { keys.push(head.getAttribute("data-key")); });
          function headsOf(col) {
            var out = [];
            for (var t = 0; t < tables.length; t++) if (tables[t].tHead) out.push(tables[t].tHead.rows[0].cells[col]);
            return out;
          }
          function sortBy(col, dir) {
            var numeric = headsOf(col)[0].getAttribute("data-type") === "num";
            var keyed = [], counts = [], i, t;
            for (t = 0; t < tables.length; t++) {
              var rows = tables[t].tBodies[0].rows;
              counts.push(rows.length);
              for (i = 0; i < rows.length; i++) {
                var cell = rows[i].cells[col], text = cell ? cell.textContent : "";
                keyed.push([numeric ? (parseFloat(text) || 0) : text.toLowerCase(), keyed.length, rows[i]]);
              }
            }
            keyed.sort(function (a, b) { return a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1] - b[1]; });
            var at = 0;
            for (t = 0; t < tables.length; t++) {
              var body = tables[t].tBodies[0], fragment = document.createDocumentFragment();
              body.textContent = "";
              for (i = 0; i < counts[t]; i++) fragment.appendChild(keyed[at++][2]);
              body.appendChild(fragment);
            }
            for (var k = 0; k < keys.length; k++) headsOf(k).forEach(function (h) { h.removeAttribute("aria-sort"); });
            headsOf(col).forEach(function (h) { h.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending"); });
            var state = keys[col] + ":" + (dir > 0 ? "asc" : "desc");
            root.setAttribute("data-sorted", state);
            return state;
          }
          function firstDirection(col) { return headsOf(col)[0].getAttribute("data-type") === "num" ? -1 : 1; }
          keys.forEach(function (key, col) {
            headsOf(col).forEach(function (head) {
              var button = document.createElement("button");
              button.type = "button";
              while (head.firstChild) button.appendChild(head.firstChild);
              head.appendChild(button);
              button.addEventListener("click", function () {
                var current = head.getAttribute("aria-sort");
                var state = sortBy(col, current ? (current === "ascending" ? -1 : 1) : firstDirection(col));
                if (history.replaceState) history.replaceState(null, "", "#sort=" + state);
              });
            });
          });
          var asked = /^#sort=([a-z]+)(?::(asc|desc))?$/.exec(location.hash);
          var col = asked ? keys.indexOf(asked[1]) : -1;
          if (col >= 0) sortBy(col, asked[2] ? (asked[2] === "asc" ? 1 : -1) : firstDirection(col));
        })();

        """
}
