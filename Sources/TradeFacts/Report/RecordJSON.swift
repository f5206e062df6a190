import Foundation

extension RecordField {
    func json(in document: Document) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("value", value)
        o.add("text", document.text(span))
        o.add("start", span.start)
        o.add("end", span.end)
        o.add("via", via)
        return o.value
    }
}

extension TradeRecord {
    /// A money or quantity mention as a record part: amount (or range), currency or unit, text, mention index.
    static func figure(_ index: Int, _ mentions: [Mention]) -> JSONValue? {
        var b = JSONObjectBuilder()
        switch mentions[index].value {
        case let .money(amount, low, high, currency, _):
            b.add("amount", amount); b.add("low", low); b.add("high", high); b.add("currency", currency)
        case let .quantity(amount, low, high, unit):
            b.add("amount", amount); b.add("low", low); b.add("high", high); b.add("unit", unit)
        default:
            return nil
        }
        b.add("text", mentions[index].text)
        b.add("mention", index)
        return b.value
    }

    /// The record as a JSON object per the output contract: every part with its span, mention-valued
    /// parts with the index of the mention they came from.
    public func json(mentions: [Mention], in document: Document) -> JSONValue {
        var o = JSONObjectBuilder()
        o.add("reporter", reporter?.json(in: document))
        o.add("flow", flow.json(in: document))
        if let c = commodity {
            var b = JSONObjectBuilder()
            b.add("value", c.value)
            b.add("text", document.text(c.span))
            b.add("start", c.span.start)
            b.add("end", c.span.end)
            b.add("via", c.via)
            o.add("commodity", b.value)
        }
        o.add("partner", partner?.json(in: document))
        if period == nil, let r = derivedPeriod {
            var b = JSONObjectBuilder()
            b.add("from", r.from.iso)
            b.add("to", r.to.iso)
            b.add("value", r.value)
            b.add("via", "derived")
            o.add("period", b.value)
        }
        if let p = period, let r = mentions[p].period {
            var b = JSONObjectBuilder()
            b.add("text", mentions[p].text)
            b.add("from", r.from.iso)
            b.add("to", r.to.iso)
            b.add("value", r.value)
            b.add("mention", p)
            if periodCarried { b.add("via", "carried") }
            o.add("period", b.value)
        }
        o.add("value", TradeRecord.figure(value, mentions))
        o.add("volume", volume.flatMap { TradeRecord.figure($0, mentions) })
        if let c = change, case let .percent(v, _, _, unit, direction, basis) = mentions[c].value {
            var b = JSONObjectBuilder()
            b.add("value", mentions[c].signedChange ?? v)
            b.add("unit", unit.rawValue)
            b.add("direction", direction?.rawValue)
            b.add("basis", basis ?? derivedBasis)
            b.add("text", mentions[c].text)
            b.add("mention", c)
            o.add("change", b.value)
        }
        if let c = partnerCount, case let .count(v, low, _, of, _) = mentions[c].value {
            var b = JSONObjectBuilder()
            b.add("count", v ?? low)
            b.add("of", of)
            b.add("qualifier", mentions[c].qualifier)
            b.add("text", mentions[c].text)
            b.add("mention", c)
            b.add("named", .array(namedPartners.map { $0.json(in: document) }))
            o.add("partners", b.value)
        }
        o.add("source", source?.json(in: document))
        if isComparison { o.add("comparison", .bool(true)) }
        if !qualifiers.isEmpty { o.add("qualifiers", .array(qualifiers.map { .string($0) })) }
        o.add("complete", .bool(isComplete))
        return o.value
    }
}
