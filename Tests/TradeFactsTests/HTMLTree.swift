import Foundation

/// A strict reader of the HTML the report writes (and of the DOM a browser dumps), for tests: it
/// fails on an end tag that does not close the innermost open element, an element left open, a
/// `<` that starts no tag, an unquoted attribute value, a repeated attribute, an unknown character
/// reference, and a block inside phrasing content (`span`, `a`, `code`). It builds a tree to query.
final class HTMLNode {
    /// The tag name; `#text` for text.
    let tag: String
    let attributes: [String: String]
    /// The decoded text of a text node.
    let text: String
    var children: [HTMLNode] = []

    init(tag: String, attributes: [String: String] = [:], text: String = "") {
        self.tag = tag; self.attributes = attributes; self.text = text
    }

    var classes: Set<Substring> { Set((attributes["class"] ?? "").split(separator: " ")) }
    func hasClass(_ c: String) -> Bool { classes.contains(Substring(c)) }
    var id: String? { attributes["id"] }

    /// Every element below (and including) this one, in document order.
    var descendants: [HTMLNode] {
        var out: [HTMLNode] = []
        func walk(_ n: HTMLNode) { if n.tag != "#text" { out.append(n) }; n.children.forEach(walk) }
        walk(self)
        return out
    }

    /// The text below this node, leaving out the subtrees of elements with any of `skipping` classes.
    func textContent(skipping: Set<String> = []) -> String {
        if tag == "#text" { return text }
        if !skipping.isEmpty, !classes.isDisjoint(with: skipping.map { Substring($0) }) { return "" }
        return children.map { $0.textContent(skipping: skipping) }.joined()
    }

    /// The article's own text inside a marked element: without tooltips and finding markers.
    var writtenText: String { textContent(skipping: ["tip", "fm", "rm"]) }

    func first(_ test: (HTMLNode) -> Bool) -> HTMLNode? { descendants.first(where: test) }
    func all(_ test: (HTMLNode) -> Bool) -> [HTMLNode] { descendants.filter(test) }
    func all(tag: String) -> [HTMLNode] { all { $0.tag == tag } }

    /// Elements by id; a repeated id fails the test that asks.
    func ids() throws -> [String: HTMLNode] {
        var out: [String: HTMLNode] = [:]
        for n in descendants { if let id = n.id { if out[id] != nil { throw HTMLTree.Failure("id \(id) repeated") }; out[id] = n } }
        return out
    }
}

enum HTMLTree {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    static let rawText: Set<String> = ["script", "style"]
    static let phrasing: Set<String> = ["span", "a", "code", "abbr", "mark", "strong", "em", "small"]
    static let block: Set<String> = ["div", "p", "ul", "ol", "li", "table", "section", "main", "header", "footer", "nav", "dl", "h1", "h2", "h3"]

    /// Parses `html` into a tree under a `#document` node, or throws naming the first problem.
    static func parse(_ html: String) throws -> HTMLNode {
        let s = Array(html.unicodeScalars)
        let root = HTMLNode(tag: "#document")
        var stack = [root]
        var i = 0
        var text = ""
        func at(_ j: Int) -> Unicode.Scalar? { j < s.count ? s[j] : nil }
        func flushText() {
            if !text.isEmpty { stack.last!.children.append(HTMLNode(tag: "#text", text: text)); text = "" }
        }
        func context(_ j: Int) -> String { String(String.UnicodeScalarView(s[max(0, j - 40)..<min(s.count, j + 40)])) }
        func starts(_ p: String, _ j: Int) -> Bool {
            let u = Array(p.unicodeScalars)
            return j + u.count <= s.count && Array(s[j..<j + u.count]).map { Character($0).lowercased() } == u.map { Character($0).lowercased() }
        }
        func name(_ j: inout Int) -> String {
            var n = ""
            while let c = at(j), c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" { n.unicodeScalars.append(c); j += 1 }
            return n.lowercased()
        }
        func skipSpace(_ j: inout Int) { while let c = at(j), c == " " || c == "\n" || c == "\t" || c == "\r" { j += 1 } }
        while i < s.count {
            let c = s[i]
            if c == "&" {
                let (decoded, length) = try reference(s, i)
                text += decoded
                i += length
                continue
            }
            guard c == "<" else { text.unicodeScalars.append(c); i += 1; continue }
            flushText()
            if starts("<!--", i) {
                guard let end = (i..<s.count).first(where: { starts("-->", $0) }) else { throw Failure("unclosed comment") }
                i = end + 3
                continue
            }
            if starts("<!doctype", i) {
                while let d = at(i), d != ">" { i += 1 }
                i += 1
                continue
            }
            if at(i + 1) == "/" {
                var j = i + 2
                let n = name(&j)
                skipSpace(&j)
                guard at(j) == ">" else { throw Failure("bad end tag at: \(context(i))") }
                guard stack.count > 1, stack.last!.tag == n else {
                    throw Failure("</\(n)> does not close <\(stack.last!.tag)> at: \(context(i))")
                }
                stack.removeLast()
                i = j + 1
                continue
            }
            var j = i + 1
            let n = name(&j)
            guard !n.isEmpty else { throw Failure("a '<' that starts no tag at: \(context(i))") }
            var attributes: [String: String] = [:]
            while true {
                skipSpace(&j)
                guard let d = at(j) else { throw Failure("unclosed tag <\(n)") }
                if d == ">" { j += 1; break }
                if d == "/" && at(j + 1) == ">" { j += 2; break }
                var a = ""
                while let e = at(j), e != "=" && e != " " && e != ">" && e != "/" && e != "\n" { a.unicodeScalars.append(e); j += 1 }
                guard !a.isEmpty else { throw Failure("bad attribute in <\(n)> at: \(context(j))") }
                var value = ""
                if at(j) == "=" {
                    j += 1
                    guard at(j) == "\"" else { throw Failure("unquoted value of \(a) in <\(n)> at: \(context(j))") }
                    j += 1
                    while let e = at(j), e != "\"" {
                        if e == "&" {
                            let (decoded, length) = try reference(s, j)
                            value += decoded
                            j += length
                        } else { value.unicodeScalars.append(e); j += 1 }
                    }
                    guard at(j) == "\"" else { throw Failure("unclosed value of \(a) in <\(n)>") }
                    j += 1
                }
                guard attributes.updateValue(value, forKey: a.lowercased()) == nil else { throw Failure("attribute \(a) repeated in <\(n)>") }
            }
            let node = HTMLNode(tag: n, attributes: attributes)
            if block.contains(n), let open = stack.last, phrasing.contains(open.tag) {
                throw Failure("<\(n)> inside <\(open.tag)> at: \(context(i))")
            }
            if n == "a", stack.contains(where: { $0.tag == "a" }) { throw Failure("a link inside a link at: \(context(i))") }
            stack.last!.children.append(node)
            i = j
            if void.contains(n) { continue }
            if rawText.contains(n) {
                guard let end = (i..<s.count).first(where: { starts("</\(n)", $0) }) else { throw Failure("unclosed <\(n)>") }
                node.children.append(HTMLNode(tag: "#text", text: String(String.UnicodeScalarView(s[i..<end]))))
                i = end
            }
            stack.append(node)
        }
        flushText()
        guard stack.count == 1 else { throw Failure("left open: " + stack.dropFirst().map { "<\($0.tag)>" }.joined(separator: " ")) }
        return root
    }

    /// The character reference at `i`: its text and length.
    static func reference(_ s: [Unicode.Scalar], _ i: Int) throws -> (String, Int) {
        guard let semi = (i..<min(s.count, i + 12)).first(where: { s[$0] == ";" }) else {
            throw Failure("a bare '&' at \(i)")
        }
        let body = String(String.UnicodeScalarView(s[(i + 1)..<semi]))
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        if let v = named[body] { return (v, semi - i + 1) }
        if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return (String(u), semi - i + 1) }
        if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { return (String(u), semi - i + 1) }
        throw Failure("unknown character reference &\(body);")
    }
}
