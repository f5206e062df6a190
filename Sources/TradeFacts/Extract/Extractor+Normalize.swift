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
        var pending: PendingCurrency? = nil
        switch rule.type {
        case .money:
            let scale = raw["scale"].flatMap(Numbers.scale) ?? 1
            let amount = raw["amount"].flatMap(Numbers.parse).map { $0 * scale }
            let low = raw["low"].flatMap(Numbers.parse).map { $0 * scale }
            let high = raw["high"].flatMap(Numbers.parse).map { $0 * scale }
            guard amount != nil || low != nil || high != nil else { return nil }
            let cur = raw["currency"].flatMap(currency)
            // Minor units ("50 cents", "470 pence") are amounts in the main unit.
            let minor = raw["currency"].flatMap { ruleSet.lexicons["minor-currency-units"]?.lookup($0) }.flatMap { Decimal(string: $0) } ?? 1
            let per = raw["per"].map { ruleSet.lexicons["price-units"]?.lookup($0) ?? Lexicon.key($0) }
            // (Decimal division is slow: skip it for the usual main unit.)
            func main(_ d: Decimal?) -> Decimal? { minor == 1 ? d : d.map { $0 / minor } }
            value = .money(amount: main(amount), low: main(low), high: main(high), currency: cur, per: per)
            if raw["carry"] != nil && raw["currency"] == nil { pending = .carry }
            else if let c = raw["currency"], ruleSet.lexicons["ambiguous-dollars"]?.lookup(c) != nil { pending = .localDollar }
        case .percent:
            let unit = raw["unit"].flatMap { ruleSet.lexicons["percent-units"]?.lookup($0) }.flatMap(PercentUnit.init(rawValue:)) ?? .percent
            var v = raw["value"].flatMap(Numbers.parse)
            let low = raw["low"].flatMap(Numbers.parse), high = raw["high"].flatMap(Numbers.parse)
            guard v != nil || low != nil || high != nil else { return nil }
            var direction = raw["direction"].flatMap { ruleSet.lexicons["directions"]?.lookup($0) }.flatMap(Direction.init(rawValue:))
            if let sign = raw["sign"] {
                if sign.hasPrefix("-") || sign.hasPrefix("\u{2212}") || sign.lowercased().hasPrefix("minus") || sign.lowercased().hasPrefix("negative") { direction = .down } else if sign.hasPrefix("+") { direction = .up }
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
        case .quantity:
            let scale = raw["scale"].flatMap(Numbers.scale) ?? 1
            let v = raw["value"].flatMap(Numbers.parse).map { $0 * scale }
            let low = raw["low"].flatMap(Numbers.parse).map { $0 * scale }, high = raw["high"].flatMap(Numbers.parse).map { $0 * scale }
            guard v != nil || low != nil || high != nil, let u = raw["unit"] else { return nil }
            value = .quantity(value: v, low: low, high: high, unit: ruleSet.lexicons["volume-units"]?.lookup(u) ?? Lexicon.key(u))
        case .date, .period:
            guard let f = calendarFields(raw) else { return nil }
            value = .calendar(fields: f, resolved: nil)
        }
        var m = Mention(type: rule.type, span: c.span, matchSpan: c.match, text: document.text(c.span), rule: rule.id,
                        value: value, qualifier: qualifier, role: nil)
        m.latent = rule.latent
        m.pendingCurrency = pending
        m.timexParts = c.groups.compactMap { g in TimexPart.Kind(groupName: g.field).map { TimexPart(kind: $0, span: Span(g.range)) } }
        return m
    }

    // MARK: Currency from context

    /// Document-level currency work, after every mention is known:
    /// - a figure without a currency (`carry` set on its rule: "4.3 billion" after "7.3 billion dlrs")
    ///   takes the currency of the nearest earlier money mention in the same or the previous
    ///   sentence; without one it is not money after all and becomes a latent number;
    /// - an unqualified dollar ("$", "dollars", "dlrs": the `ambiguous-dollars` lexicon) becomes the
    ///   local dollar (the `local-dollars` lexicon: place → ISO code) when the dateline's line or the
    ///   first 60 bytes of the lede (the first sentence after the headline) name such a place.
    func resolveCurrencies(_ mentions: inout [Mention], _ document: Document, datelineSpan: Span?, headlineSpan: Span?) {
        var local: String? = nil
        if let places = localDollarPlaces, mentions.contains(where: { $0.pendingCurrency == .localDollar }) {
            var zones: [Span] = []
            if let d = datelineSpan {
                zones.append(document.lineIndex.span(ofLine: document.lineIndex.lineIndex(of: d.start) + 1, in: document.bytes))
            }
            let lede = document.sentences.first { s in
                (headlineSpan.map { s.span.start >= $0.end } ?? true) && !(datelineSpan.map { s.span.contains($0) && s.span.length < $0.length + 8 } ?? false)
            }
            if let lede {
                zones.append(Span(lede.span.start, min(lede.span.end, lede.span.start + 60)))
            }
            for z in zones {
                if let hit = document.matchSpans(of: places, in: z, group: "w").first {
                    local = ruleSet.lexicons["local-dollars"]?.lookup(document.text(hit)); break
                }
            }
        }
        for i in mentions.indices {
            guard let pending = mentions[i].pendingCurrency, case let .money(a, lo, hi, cur, per) = mentions[i].value else { continue }
            mentions[i].pendingCurrency = nil
            switch pending {
            case .localDollar:
                if let local, local != cur {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: local, per: per)
                    mentions[i].currencyVia = "place"
                }
            case .carry:
                let here = document.sentenceIndex(of: mentions[i].span.start)
                let antecedent = mentions[..<i].last { m in
                    guard m.type == .money, case .money(_, _, _, .some, _) = m.value, m.pendingCurrency == nil else { return false }
                    guard let h = here, let s = document.sentenceIndex(of: m.span.start) else { return false }
                    return s == h || s == h - 1
                }
                if let antecedent, case let .money(_, _, _, c?, _) = antecedent.value {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencyVia = "carried"
                } else if let a {
                    mentions[i].type = .number
                    mentions[i].value = .number(value: a)
                    mentions[i].latent = true
                } else {
                    mentions[i].latent = true
                }
            }
        }
    }

    func currency(_ text: String) -> String? {
        for name in ["currency-symbols", "currency-words", "currency-codes"] {
            if let code = ruleSet.lexicons[name]?.lookup(text) { return code }
        }
        let t = Numbers.trimmed(text)
        if t.utf8.count == 3, t.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return String(t) }
        return nil
    }

}
