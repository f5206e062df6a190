import Foundation
import TradeFactsText
import TradeFactsExtract
import TradeFactsStatements

extension Statement {
    /// The statement as a JSON object per the output contract (docs/output.md): its rule, span and
    /// sentence; each word role with its value and span; each figure role with the index of its
    /// mention, its text, span and value.
    public func json(mentions: [Mention], in document: Document) -> JSONValue {
        JSONTreeBuilder.build { write(to: &$0, mentions: mentions, in: document) }
    }

    func write<S: JSONSink>(to o: inout S, mentions: [Mention], in document: Document) {
        o.object { o in
            o.add("rule", rule)
            o.add("sentence", sentence)
            o.add("start", span.start)
            o.add("end", span.end)
            func words(_ key: StaticString, _ w: Words?) {
                guard let w else { return }
                o.object(key) { b in
                    b.add("value", w.value)
                    if let s = w.span {
                        b.add("text", textOf: s, in: document)
                        b.add("start", s.start)
                        b.add("end", s.end)
                    }
                }
            }
            func figure(_ key: StaticString, _ index: Int?) {
                guard let i = index, mentions.indices.contains(i) else { return }
                let m = mentions[i]
                o.object(key) { b in
                    b.add("mention", i)
                    b.add("text", m.text)
                    b.add("start", m.span.start)
                    b.add("end", m.span.end)
                    switch m.value {
                    case let .money(amount, _, _, currency, _):
                        b.add("amount", amount); b.add("currency", currency)
                    case let .quantity(amount, _, _, unit):
                        b.add("amount", amount); b.add("unit", unit)
                    case let .percent(value, _, _, unit, direction, _):
                        b.add("value", direction == .down && (value ?? 0) > 0 ? value.map { -$0 } : value)
                        b.add("unit", unit.rawValue)
                    case .calendar:
                        if let p = m.period {
                            b.add("from", p.from.iso); b.add("to", p.to.iso); b.add("value", p.value)
                        }
                    default:
                        break
                    }
                }
            }
            words("measure", measure)
            words("reporter", reporter)
            words("partner", partner)
            words("commodity", commodity)
            words("direction", direction)
            words("modality", modality)
            figure("value", value)
            figure("period", period)
            figure("change", change)
            figure("base", base)
            figure("basePeriod", basePeriod)
            figure("baseRevisedFrom", baseRevisedFrom)
            figure("base2", base2)
            figure("base2Period", base2Period)
            figure("base2RevisedFrom", base2RevisedFrom)
        }
    }
}
