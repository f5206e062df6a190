import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsRecords

extension RecordField {
    package func json(in document: Document) -> JSONValue { JSONTreeBuilder.build { write(to: &$0, in: document) } }

    func write<S: JSONSink>(to o: inout S, in document: Document) {
        o.object { o in
            o.add("value", value)
            o.add("text", textOf: span, in: document)
            o.add("start", span.start)
            o.add("end", span.end)
            o.add("via", via)
        }
    }
}

extension TradeRecord {
    /// A money or quantity mention as a record part: amount (or range), currency or unit, text,
    /// mention index. Nothing (not even the key) for another kind of mention.
    static func writeFigure<S: JSONSink>(_ key: StaticString, _ index: Int, _ mentions: [Mention], to o: inout S) {
        let m = mentions[index]
        switch m.value {
        case .money, .quantity: break
        default: return
        }
        o.object(key) { b in
            switch m.value {
            case let .money(amount, low, high, currency, _):
                b.add("amount", amount); b.add("low", low); b.add("high", high); b.add("currency", currency)
            case let .quantity(amount, low, high, unit):
                b.add("amount", amount); b.add("low", low); b.add("high", high); b.add("unit", unit)
            default:
                break
            }
            b.add("text", m.text)
            b.add("mention", index)
        }
    }

    /// The record as a JSON object per the output contract: every part with its span, mention-valued
    /// parts with the index of the mention they came from.
    public func json(mentions: [Mention], in document: Document) -> JSONValue {
        JSONTreeBuilder.build { write(to: &$0, mentions: mentions, in: document) }
    }

    func write<S: JSONSink>(to o: inout S, mentions: [Mention], in document: Document) {
        o.beginObject()
        if let reporter { o.key("reporter"); reporter.write(to: &o, in: document) }
        o.key("flow"); flow.write(to: &o, in: document)
        if let c = commodity {
            o.key("commodity"); c.write(to: &o, in: document)
        }
        if let partner { o.key("partner"); partner.write(to: &o, in: document) }
        if period == nil, let r = derivedPeriod {
            o.object("period") { b in
                b.add("from", r.from.iso)
                b.add("to", r.to.iso)
                b.add("value", r.value)
                b.add("via", "derived")
            }
        }
        // A written period re-anchored by its statement ("a year earlier" counted back from the
        // statement's current period) gives the derived dates with the words it was read from.
        if let p = period, let r = derivedPeriod ?? mentions[p].period {
            o.object("period") { b in
                b.add("text", mentions[p].text)
                b.add("from", r.from.iso)
                b.add("to", r.to.iso)
                b.add("value", r.value)
                b.add("mention", p)
                if derivedPeriod != nil { b.add("via", "anchored") } else if periodCarried { b.add("via", "carried") }
            }
        }
        TradeRecord.writeFigure("value", value, mentions, to: &o)
        if let volume { TradeRecord.writeFigure("volume", volume, mentions, to: &o) }
        if let c = change, case let .percent(v, _, _, unit, direction, basis) = mentions[c].value {
            o.object("change") { b in
                b.add("value", mentions[c].signedChange ?? v)
                b.add("unit", unit.rawValue)
                b.add("direction", direction?.rawValue)
                b.add("basis", basis ?? derivedBasis)
                b.add("text", mentions[c].text)
                b.add("mention", c)
            }
        }
        if let c = partnerCount, case let .count(v, low, _, of, _) = mentions[c].value {
            o.object("partners") { b in
                b.add("count", v ?? low)
                b.add("of", of)
                b.add("qualifier", mentions[c].qualifier)
                b.add("text", mentions[c].text)
                b.add("mention", c)
                b.array("named", namedPartners) { n, field in field.write(to: &n, in: document) }
            }
        }
        if let source { o.key("source"); source.write(to: &o, in: document) }
        if isComparison { o.add("comparison", true) }
        o.add("modality", modality)
        o.add("direction", direction)
        o.add("statement", statement)
        if !qualifiers.isEmpty { o.array("qualifiers", qualifiers) { q, s in q.string(s) } }
        o.add("complete", isComplete)
        o.endObject()
    }
}
