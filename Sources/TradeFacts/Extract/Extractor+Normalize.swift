import Foundation

/// Turning a rule match into a typed mention: money, percent, count, number; calendar fields are read in Extractor+Calendar.
extension Extractor {
    // MARK: Normalization

    func normalize(_ c: Candidate, _ document: Document) -> Mention? {
        let rule = ruleSet.rules[c.rule]
        var raw: [String: String] = rule.literals
        for g in c.groups { raw[g.field] = document.text(Span(g.range)) }
        let qualifier = raw["qualifier"].map { q in
            ruleSet.lexicons["qualifiers"]?.lookup(q) ?? ruleSet.lexicons["date-qualifiers"]?.lookup(q) ?? Lexicon.key(q)
        }
        let value: MentionValue
        switch rule.type {
        case .money:
            let scale = raw["scale"].flatMap(Numbers.scale) ?? 1
            let amount = raw["amount"].flatMap(Numbers.parse).map { $0 * scale }
            let low = raw["low"].flatMap(Numbers.parse).map { $0 * scale }
            let high = raw["high"].flatMap(Numbers.parse).map { $0 * scale }
            guard amount != nil || low != nil || high != nil else { return nil }
            value = .money(amount: amount, low: low, high: high, currency: raw["currency"].flatMap(currency))
        case .percent:
            let unit = raw["unit"].flatMap { ruleSet.lexicons["percent-units"]?.lookup($0) }.flatMap(PercentUnit.init(rawValue:)) ?? .percent
            var v = raw["value"].flatMap(Numbers.parse)
            let low = raw["low"].flatMap(Numbers.parse), high = raw["high"].flatMap(Numbers.parse)
            guard v != nil || low != nil || high != nil else { return nil }
            var direction = raw["direction"].flatMap { ruleSet.lexicons["directions"]?.lookup($0) }.flatMap(Direction.init(rawValue:))
            if let sign = raw["sign"] {
                if sign.hasPrefix("-") || sign.hasPrefix("\u{2212}") { direction = .down } else if sign.hasPrefix("+") { direction = .up }
            }
            if let x = v, x < 0 { v = -x; direction = .down }
            let basis = raw["basis"].map { ruleSet.lexicons["bases"]?.lookup($0) ?? Lexicon.key($0) }
            value = .percent(value: v, low: low, high: high, unit: unit, direction: direction, basis: basis)
        case .count:
            let v = raw["value"].flatMap(Numbers.parse)
            let low = raw["low"].flatMap(Numbers.parse), high = raw["high"].flatMap(Numbers.parse)
            guard v != nil || low != nil else { return nil }
            let of = Lexicon.key(raw["of"] ?? "")
            let partners = ruleSet.lexicons["partner-nouns"]?.lookup(of) != nil
            value = .count(value: v, low: low, high: high, of: of, partners: partners)
        case .number:
            guard var v = raw["value"].flatMap(Numbers.parse) else { return nil }
            if let s = raw["scale"].flatMap(Numbers.scale) { v *= s }
            value = .number(value: v)
        case .date, .period:
            guard let f = calendarFields(raw) else { return nil }
            value = .calendar(fields: f, resolved: nil)
        }
        return Mention(type: rule.type, span: c.span, matchSpan: c.match, text: document.text(c.span), rule: rule.id,
                       value: value, qualifier: qualifier, role: nil)
    }

    func currency(_ text: String) -> String? {
        for name in ["currency-symbols", "currency-words", "currency-codes"] {
            if let code = ruleSet.lexicons[name]?.lookup(text) { return code }
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 3, t.allSatisfy({ $0.isUppercase && $0.isASCII }) { return t }
        return nil
    }

}
