import Foundation
import TradeFactsText
import TradeFactsExtract

extension Mention {
    /// The mention as a JSON object per the output contract (see docs/output.md).
    public func json(in document: Document) -> JSONValue {
        JSONTreeBuilder.build { b in b.object { write(members: &$0, in: document) } }
    }

    /// The members of the mention's JSON object (without braces, so that a caller can add some).
    func write<S: JSONSink>(members o: inout S, in document: Document) {
        let loc = document.location(of: span.start)
        o.add("type", outputType)
        o.add("text", text)
        o.add("start", span.start)
        o.add("end", span.end)
        o.add("line", loc.line)
        o.add("column", loc.column)
        o.add("rule", rule)
        o.add("role", role)
        o.add("qualifier", qualifier)
        if latent { o.add("latent", true) }
        switch value {
        case let .money(amount, low, high, currency, per):
            o.add("amount", amount)
            o.add("low", low)
            o.add("high", high)
            o.add("currency", currency)
            if currency != nil { o.add("currencySource", currencySource ?? "text") }
            o.add("per", per)
        case let .percent(v, low, high, unit, direction, basis):
            o.add("value", v)
            o.add("low", low)
            o.add("high", high)
            o.add("unit", unit.rawValue)
            o.add("kind", percentKind)
            o.add("direction", direction?.rawValue)
            o.add("basis", basis)
            if direction != nil { o.add("change", signedChange) }
        case let .calendar(fields, resolved):
            if let r = resolved {
                o.add("from", r.from.iso)
                o.add("to", r.to.iso)
                o.add("value", r.value)
                o.add("granularity", r.granularity.rawValue)
            } else if let ref = fields.reference {
                o.add("value", ref)
            } else {
                o.add("resolved", false)
            }
            if fields.samePeriod { o.add("anaphoric", true) }
            if fields.fiscal { o.add("fiscal", true) }
            if let start = fields.fiscalYearStart { o.add("fiscalYearStart", start) }
            if !timexParts.isEmpty {
                o.array("timex", timexParts) { t, part in
                    t.object { t in
                        t.add("text", textOf: part.span, in: document)
                        t.add("start", part.span.start)
                        t.add("end", part.span.end)
                        t.add("value", timexValue(of: part))
                    }
                }
            }
        case let .count(v, low, high, of, partners):
            o.add("value", v)
            o.add("low", low)
            o.add("high", high)
            o.add("of", of)
            o.add("partners", partners)
        case let .number(v):
            o.add("value", v)
        case let .quantity(v, low, high, unit):
            o.add("value", v)
            o.add("low", low)
            o.add("high", high)
            o.add("unit", unit)
        }
    }
}
