import Foundation
import TradeFactsText
import TradeFactsRules
import PCRE2Kit

/// Turning a rule match into a typed mention: money, percent, count, number; calendar fields are read in Extractor+Calendar.
extension Extractor {
    // MARK: Normalization

    func normalize(_ c: Candidate, _ document: Document) -> Mention? {
        let rule = ruleSet.rules[c.rule]
        let raw = CandidateFields(groups: c.groups, literals: rule.literalFields, document: document)
        let lex = normalizationLexicons
        let qualifier = raw[.qualifier].map { q in
            let key = Lexicon.key(q)
            return lex.qualifiers?.lookup(key: key) ?? lex.dateQualifiers?.lookup(key: key) ?? key
        }
        let value: MentionValue
        var pending: PendingCurrency? = nil
        switch rule.type {
        case .money:
            let scale = raw[.scale].flatMap(Numbers.scale) ?? 1
            // An article alone counts one ("a dollar and 42 cents").
            var amount = raw[.amount].flatMap { Numbers.parse($0) ?? (["a", "an"].contains(Lexicon.key($0)) ? 1 : nil) }.map { Self.scaled($0, by: scale) }
            let lowFigure = raw[.low].flatMap(Numbers.parse), highFigure = raw[.high].flatMap(Numbers.parse)
            // A low end written in full before a small scaled high end ("500,000 to one mln dlrs")
            // keeps its own size; "1,500 to 2,000 mln" scales both.
            let lowInFull = lowFigure.map { $0 >= 1000 } == true && highFigure.map { $0 < 1000 } == true && scale > 1
            // A low end with a scale of its own ("between 944 mln dlrs and 1.8 billion dlrs") keeps it.
            let lowScale = raw[.lowScale].flatMap(Numbers.scale)
            var low = lowFigure.map { l in lowScale.map { Self.scaled(l, by: $0) } ?? (lowInFull ? l : Self.scaled(l, by: scale)) }
            var high = (highFigure ?? Numbers.quoteOffer(bid: raw[.low], tail: raw[.tail])).map { Self.scaled($0, by: scale) }
            if raw[.high] == nil, let l = low, let h = high, h < l { (low, high) = (h, l) }
            // A range whose high end is written in words with its scale ("two to three billion
            // dlrs"): the low end takes that scale too.
            if raw[.scale] == nil, let highText = raw[.high], let lastWord = highText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "-" }).last,
               let m = Numbers.scale(String(lastWord)), m > 1, let l = low, l < m {
                low = Self.scaled(l, by: m)
            }
            guard amount != nil || low != nil || high != nil else { return nil }
            let currencyText = raw[.currency]
            let currencyKey = currencyText.map(Lexicon.key)
            let cur = currencyText.flatMap { currency($0, key: currencyKey!) }
            // Minor units after the main amount ("$20 and 43 cents", "3 KWD 250 fils") are parts of
            // the main currency, by its digits; as many as make a main unit or more are no such part.
            if let minorText = raw[.minor] {
                guard let a = amount, let m = Numbers.parse(minorText), m >= 0 else { return nil }
                let parts = lex.minorParts(cur)
                guard m < parts else { return nil }
                amount = a + m / parts
            }
            // Minor units ("50 cents", "470 pence") are amounts in the main unit.
            let minor = currencyKey.flatMap { lex.minorUnits[$0] } ?? 1
            let per = raw[.per].map { lex.priceUnits?.lookup($0) ?? Lexicon.key($0) }
            // (Decimal division is slow: skip it for the usual main unit.)
            func main(_ d: Decimal?) -> Decimal? { minor == 1 ? d : d.map { $0 / minor } }
            value = .money(amount: main(amount), low: main(low), high: main(high), currency: cur, per: per)
            if raw.has(.carry) && currencyText == nil { pending = raw[.carry] == "table" ? .table : raw[.carry] == "quote" ? .quote : .carry }
            else if let k = currencyKey, lex.ambiguousDollars?.lookup(key: k) != nil { pending = .localDollar }
            else if let k = currencyKey, let family = lex.ambiguousCurrencies?.lookup(key: k) { pending = .local(family: family) }
            // A letter before an amount that only a place makes a currency ("R60,100"): its family.
            else if rule.id == Self.placeLetterSignRule, let k = currencyKey, let code = lex.placeLetterSigns?.lookup(key: k) { pending = .placeSign(code: code) }
        case .percent:
            let unit = raw[.unit].flatMap { lex.percentUnits?.lookup($0) }.flatMap(PercentUnit.init(rawValue:)) ?? .percent
            var v = raw[.value].flatMap(Numbers.parse)
            var low = raw[.low].flatMap(Numbers.parse), high = raw[.high].flatMap(Numbers.parse) ?? Numbers.quoteOffer(bid: raw[.low], tail: raw[.tail])
            // A quote's two sides, offer first or bid first ("6-1/4, 5-3/4 pct"), as a range from the lower.
            if raw[.high] == nil || rule.id == "percent.two-way-quote" || rule.id == "percent.two-way-quote-base", let l = low, let h = high, h < l { (low, high) = (h, l) }
            guard v != nil || low != nil || high != nil else { return nil }
            var direction = raw[.direction].flatMap { lex.directions?.lookup($0) }.flatMap(Direction.init(rawValue:))
            if let sign = raw[.sign] {
                if sign.hasPrefix("-") || sign.hasPrefix("\u{2212}") || sign.lowercased().hasPrefix("minus") || sign.lowercased().hasPrefix("negative") { direction = .down } else if sign.hasPrefix("+") { direction = .up }
            }
            if let x = v, x < 0 { v = -x; direction = .down }
            let basis = raw[.basis].map { lex.bases?.lookup($0) ?? Lexicon.key($0) }
            value = .percent(value: v, low: low, high: high, unit: unit, direction: direction, basis: basis)
        case .count:
            let v = raw[.value].flatMap(Numbers.parse)
            let low = raw[.low].flatMap(Numbers.parse), high = raw[.high].flatMap(Numbers.parse)
            guard v != nil || low != nil else { return nil }
            let of = Lexicon.key(raw[.of] ?? "")
            // Members of a named group (count.group-members: "three Gulf states") are partners too.
            let partners = lex.partnerNouns?.lookup(of) != nil || lex.groupMemberNouns?.lookup(of) != nil
            value = .count(value: v, low: low, high: high, of: of, partners: partners)
        case .number:
            guard var v = raw[.value].flatMap(Numbers.parse) else { return nil }
            if let s = raw[.scale].flatMap(Numbers.scale) { v *= s }
            value = .number(value: v)
        case .quantity:
            let scale = raw[.scale].flatMap(Numbers.scale) ?? 1
            let v = raw[.value].flatMap(Numbers.parse).map { Self.scaled($0, by: scale) }
            let low = raw[.low].flatMap(Numbers.parse).map { Self.scaled($0, by: scale) }
            let high = raw[.high].flatMap(Numbers.parse).map { Self.scaled($0, by: scale) }
            guard v != nil || low != nil || high != nil, let u = raw[.unit] else { return nil }
            value = .quantity(value: v, low: low, high: high, unit: lex.volumeUnits?.lookup(u) ?? Lexicon.key(u))
        case .date, .period:
            guard let f = calendarFields(raw) else { return nil }
            value = .calendar(fields: f, resolved: nil)
        }
        var m = Mention(type: rule.type, span: c.span, matchSpan: c.match, text: document.text(c.span), rule: rule.id,
                        value: value, qualifier: qualifier, role: nil)
        m.latent = rule.latent
        m.pendingCurrency = pending
        if c.groups.contains(where: { $0.field.timexPart != nil }) {
            m.timexParts = c.groups.compactMap { g in g.field.timexPart.map { TimexPart(kind: $0, span: Span(g.range)) } }
        }
        return m
    }

    /// `value` times `scale`. A figure without a scale word has scale 1, and multiplying by one
    /// gives the same decimal (values are kept compact): the slow Decimal multiplication is skipped.
    package static func scaled(_ value: Decimal, by scale: Decimal) -> Decimal {
        scale == 1 ? value : value * scale
    }

    // MARK: Currency from context

    /// The rule that reads a place's letter sign before an amount (`place-letter-signs`).
    static let placeLetterSignRule = "money.place-letter-sign"

    /// Nouns of a sum of money that an elided figure after them may be ("surplus", "reserves").
    static let sumNouns: Set<[UInt8]> = Set(["surplus", "surpluses", "deficit", "deficits", "exports", "imports", "reserves", "revenue", "revenues",
        "spending", "expenditure", "expenditures", "budget", "debt", "debts", "sales", "profit", "profits", "earnings", "assets", "aid", "loans",
        "investment", "investments", "payments", "balance", "outflow", "outflows", "inflow", "inflows", "income", "turnover"].map { Array($0.utf8) })

    /// A figure read as money that finds no currency: a latent number (its amount kept), not money.
    static func demoteToLatentNumber(_ m: inout Mention, _ amount: Decimal?) {
        if let amount {
            m.type = .number
            m.value = .number(value: amount)
        }
        m.latent = true
    }

    /// Whether a money mention is an exchange-rate quote: its figure has four or more decimals
    /// ("0.6858/63 U.S. Dlrs", "1.8040 marks", "6.0615"). Read on the document's bytes.
    static func isQuote(_ m: Mention, _ b: [UInt8]) -> Bool {
        var i = m.span.start + 1
        let end = Swift.min(m.span.end, b.count)
        while i < end {
            if b[i] == 0x2E, (0x30...0x39).contains(b[i - 1]) {
                var j = i + 1
                while j < end, (0x30...0x39).contains(b[j]) { j += 1 }
                if j - i - 1 >= 4 { return true }
                i = j
            } else { i += 1 }
        }
        return false
    }

    /// Whether a money mention is written in cents ("75 cts", "69 U.S. cents"), not in dollars.
    static func isInCents(_ m: Mention) -> Bool {
        let words = m.text.lowercased().split { !$0.isLetter }
        return words.contains { $0 == "cts" || $0 == "ct" || $0 == "cents" || $0 == "cent" } || m.text.contains("¢")
    }

    /// Whether `later` is in the currency of `earlier` by the way it is written: both in cents,
    /// `later` restating it after "or" close behind ("152 mln U.S. dlrs, or 1.70 dlrs a share"), or
    /// `later` set against it right after "compared with", "compared to", "versus" or "vs", within
    /// 100 bytes.
    static func restatesIn(sameUnit earlier: Mention, _ later: Mention, _ document: Document) -> Bool {
        guard isInCents(earlier) == isInCents(later) else { return false }
        if isInCents(later) { return true }
        guard later.span.start >= earlier.span.end, later.span.start - earlier.span.end <= 100 else { return false }
        let gap = document.text(Span(earlier.span.end, later.span.start)).lowercased()
        let words = gap.split { !$0.isLetter }
        // A figure set against it is in the same money ("between 26,500 and 34,700 U.S. Dlrs to
        // load a vessel at Australian ports compared with 21,200 dlrs at Houston").
        if words.last == "with" && words.dropLast().last == "compared" || words.last == "to" && words.dropLast().last == "compared"
            || words.last == "versus" || words.last == "vs" { return true }
        return later.span.start - earlier.span.end <= 24 && words.contains("or")
    }

    /// Document-level currency work, after every mention is known:
    /// - a figure without a currency (`carry` set on its rule: "4.3 billion" after "7.3 billion dlrs")
    ///   takes the currency of the nearest earlier money mention in the same or the previous
    ///   sentence; without one it is not money after all and becomes a latent number;
    /// - an unqualified dollar ("$", "dollars", "dlrs": the `ambiguous-dollars` lexicon) becomes the
    ///   local dollar (the `local-dollars` lexicon: place → ISO code) when the dateline's line or the
    ///   first 60 bytes of the lede (the first sentence after the headline) name such a place;
    /// - a name several currencies share ("crowns": the `ambiguous-currencies` lexicon) becomes the
    ///   currency the same places, or the first three lines, name for its family
    ///   (`local-currencies`), else keeps its customary reading, else is not money.
    /// - a customary reading the euro ended (Italian lire, French francs) is, in a story dated
    ///   2002 or later, the currency still called so (`customary-after-euro`: Turkish lira, Swiss francs).
    func resolveCurrencies(_ mentions: inout [Mention], _ document: Document, datelineSpan: Span?, headlineSpan: Span?, reference: CalendarDate? = nil) {
        let afterEuro = (reference?.year ?? 0) >= 2002 ? ruleSet.lexicons["customary-after-euro"] : nil
        // In a story datelined in an American city with its state ("ATLANTA, Ga.", "ROCHESTER,
        // N.Y."), "pounds" weigh: "capacity to 140 mln pounds a year" is no sterling (which such
        // copy writes "stg" or "sterling").
        if let d = datelineSpan, afterUSState(document.lineIndex.span(ofLine: document.lineIndex.lineIndex(of: d.start) + 1, in: document.bytes), document) != nil {
            mentions.removeAll { m in
                guard m.type == .money, case let .money(_, _, _, currency, _) = m.value, currency == "GBP" else { return false }
                let last = m.text.split { !$0.isLetter }.last?.lowercased()
                return last == "pounds" || last == "pound"
            }
        }
        var local: String? = nil
        if let places = localDollarPlaces, mentions.contains(where: { $0.pendingCurrency == .localDollar || $0.pendingCurrency == .table }) {
            zones: for z in placeZones(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan) {
                // A place named as a destination or origin ("shipments to Australia") is a partner,
                // not the story's place: its dollar is not the story's.
                for hit in document.matchSpans(of: places, in: z, group: "w") where !Self.isPartnerPlace(hit, document) {
                    local = normalizationLexicons.localDollars?.lookup(document.text(hit)); break zones
                }
            }
        }
        // The currency each family of shared names takes in this story: the first place of the
        // dateline's line or lede that `local-currencies` lists for the family.
        var localByFamily: [String: String] = [:]
        if let places = localCurrencyPlaces, mentions.contains(where: { if case .local = $0.pendingCurrency { return true } else { return false } }) {
            // Shared names other than the dollar have no world default: the first lines (a headline,
            // a lede under a stamp line) may place the story too.
            for z in placeZones(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, firstLines: true) {
                for hit in document.matchSpans(of: places, in: z, group: "w") {
                    guard let key = normalizationLexicons.localCurrencies?.lookup(document.text(hit)) else { continue }
                    let parts = key.split(separator: " ")
                    if parts.count == 2, localByFamily[String(parts[0])] == nil { localByFamily[String(parts[0])] = String(parts[1]) }
                }
            }
            // A family the opening names no place for: the first place of it the story names
            // anywhere, not as a partner ("Cabinet nod for Rs. 3.5 b export push" under a stamp
            // line, "the Colombo Port" further down: Sri Lankan rupees, not India's by default).
            let open = Set(mentions.compactMap { m -> String? in if case let .local(f)? = m.pendingCurrency { return f } else { return nil } })
                .subtracting(localByFamily.keys)
            if !open.isEmpty {
                for hit in document.matchSpans(of: places, in: Span(0, document.bytes.count), group: "w") where !Self.isPartnerPlace(hit, document) {
                    guard let key = normalizationLexicons.localCurrencies?.lookup(document.text(hit)) else { continue }
                    let parts = key.split(separator: " ")
                    if parts.count == 2, open.contains(String(parts[0])), localByFamily[String(parts[0])] == nil {
                        localByFamily[String(parts[0])] = String(parts[1])
                    }
                }
            }
        }
        // The last money mention with a currency before the one at hand, kept as the loop goes (a
        // search back from each figure would be quadratic in a text of figures without currency).
        var lastMoney: Int? = nil
        // The last such mention that is not a conversion of the one before ("398.6 billion pesetas,
        // or about 3.1 billion dlrs, … from 235.4 billion": pesetas are carried, not dollars).
        var lastPrimaryMoney: Int? = nil
        // The first money mention whose dollar the text names ("eight billion Taiwan dlrs", "50 mln
        // U.S. dlrs"): the story's own dollar in a place that quotes two.
        var firstNamedDollar: Int? = nil
        // The currency of the first figure in cents whose currency the text names ("201.66
        // Malaysian/Singapore cents a kilo"), not the U.S., Canadian, Australian or New Zealand
        // cent; and whether U.S. cents are named: bare "cts" after it go on in it.
        var namedCents: String? = nil
        var usCentsNamed = false
        var dualDollarStory: String?? = nil
        var localCentsStory: String?? = nil
        // The last quantity of a million or more ("2.54 billion barrels"): a scaled figure elided
        // after it is its.
        var lastScaledQuantity: Int? = nil
        // The last money mention with a currency written as an exchange-rate quote ("0.6858/63
        // U.S. Dlrs", "1.8040 marks"): a bare quote after it is in its currency.
        var lastQuote: Int? = nil
        // Elided figures with nothing before them to carry from (read forward below).
        var ahead: [Int] = []
        // The currencies of `place-letter-sign-places` the story's place names, found once.
        var storySignCodes: Set<String>? = nil
        for i in mentions.indices {
            defer {
                if mentions[i].type == .quantity, case let .quantity(v?, _, _, _) = mentions[i].value, v >= 1_000_000 { lastScaledQuantity = i }
                if mentions[i].type == .money, case let .money(_, _, _, c?, _) = mentions[i].value, mentions[i].pendingCurrency == nil {
                    lastMoney = i
                    if Self.isQuote(mentions[i], document.bytes) { lastQuote = i }
                    if !Self.isConversion(mentions[i], document) { lastPrimaryMoney = i }
                    if firstNamedDollar == nil, mentions[i].currencySource == nil, normalizationLexicons.bareDollars.contains(c) { firstNamedDollar = i }
                    if mentions[i].currencySource == nil, Self.endsWithCents(mentions[i].text) {
                        if c == "USD" { usCentsNamed = true } else if namedCents == nil, !["CAD", "AUD", "NZD"].contains(c) { namedCents = c }
                    }
                }
            }
            guard let pending = mentions[i].pendingCurrency, case let .money(a, lo, hi, cur, per) = mentions[i].value else { continue }
            mentions[i].pendingCurrency = nil
            switch pending {
            case let .local(family):
                // A place of the family named earlier in the figure's own sentence ("the Philippines
                // ... 18.6 billion pesos" in a regional round-up) wins over the story's place.
                if let code = sentencePlaceCurrency(family: family, before: mentions[i].span, document), code != cur {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: code, per: per)
                    mentions[i].currencySource = "place"
                } else if let code = localByFamily[family] {
                    if code != cur {
                        mentions[i].value = .money(amount: a, low: lo, high: hi, currency: code, per: per)
                        mentions[i].currencySource = "place"
                    }
                } else if let cur {
                    if let successor = afterEuro?.lookup(cur) {
                        mentions[i].value = .money(amount: a, low: lo, high: hi, currency: successor, per: per)
                    }
                    mentions[i].currencySource = "default"
                } else {
                    // No customary reading and no place: not read as money rather than guessed.
                    Self.demoteToLatentNumber(&mentions[i], a)
                }
            case .localDollar:
                // Bare cents in a story that priced in another country's cents before ("the
                // reference price of 201.66 Malaysian/Singapore cents a kilo … fell to 196 cts"):
                // those cents, unless the story names U.S. cents too.
                if let c = namedCents, !usCentsNamed, c != cur, Self.endsWithCents(mentions[i].text) {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencySource = "carried"
                    continue
                }
                // A dollar named earlier in the figure's own sentence ("152 mln U.S. dlrs, or 1.70
                // dlrs a share" in a Toronto story) is the one its bare "dlrs" go on in. So is the
                // U.S. dollar where the place has its own, for a figure in cents after one in cents
                // ("75 cts (U.S.) … 69 cts" in Ottawa), one restated after "or" or one set against
                // it ("compared with 21,200 dlrs at Houston"); not "rose to 75
                // U.S. cents, cutting revenues by 6 mln dlrs", nor "a profit of 3.9 mln U.S. dlrs
                // … and a 3.3 mln dlr profit", which may be in the story's dollars.
                if let j = lastMoney, mentions[j].currencySource == nil, document.sentenceIndex(of: mentions[j].span.start) == document.sentenceIndex(of: mentions[i].span.start),
                   case let .money(_, _, _, named?, _) = mentions[j].value,
                   named != cur || local.map({ $0 != named }) ?? false && Self.restatesIn(sameUnit: mentions[j], mentions[i], document),
                   normalizationLexicons.bareDollars.contains(named) {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: named, per: per)
                    mentions[i].currencySource = "carried"
                } else if let local, local != "CAD", local != "AUD", Self.isBarrelPrice(mentions[i], document) {
                    // Oil is priced in U.S. dollars the world over: "13 dlrs a barrel" in a
                    // Singapore or Hong Kong story is USD (Canada and Australia post crude in theirs).
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: "USD", per: per)
                    mentions[i].currencySource = "default"
                } else if let local, local != cur {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: local, per: per)
                    mentions[i].currencySource = "place"
                } else if local == nil, let j = firstNamedDollar, case let .money(_, _, _, named?, _) = mentions[j].value, named != cur,
                          dualDollarCurrency(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, memo: &dualDollarStory) != nil {
                    // In a story of a place that quotes its own dollar and the U.S. dollar alike
                    // (`dual-dollar-places`), the dollar the story names first is its own: "capital
                    // of eight billion Taiwan dlrs … a profit of more than one billion dlrs" is TWD;
                    // after "4.07 billion U.S. dlrs", an aside "In local currency terms, … 139.6
                    // billion Taiwan dlrs" does not make the next bare "dlrs" Taiwan's.
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: named, per: per)
                    mentions[i].currencySource = "carried"
                } else if local == nil, firstNamedDollar == nil, let own = dualDollarCurrency(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, memo: &dualDollarStory),
                          own != cur, namesLocalInstrument(sentenceOf: mentions[i], document) {
                    // With no dollar named before, a central bank's own paper is in its own dollar:
                    // "The Central Bank issued 5.65 billion dlrs worth of certificates of deposit" in
                    // Taipei is TWD (`local-dollar-instruments`); trade and reserves stay USD.
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: own, per: per)
                    mentions[i].currencySource = "place"
                } else if local == nil, !usCentsNamed, Self.endsWithCents(mentions[i].text), !Self.isBarrelPrice(mentions[i], document),
                          let c = localCentsCurrency(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, memo: &localCentsStory), c != cur {
                    // Bare cents in a story of a place whose currency's hundredth is called so
                    // (`local-cents`: a Kuala Lumpur story's rubber prices in cents per kilo).
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencySource = "place"
                } else {
                    mentions[i].currencySource = local == nil ? "default" : "place"
                }
            case .table:
                // The table's currency: the last one written before the figure, else the story's dollar.
                let carryFrom = lastMoney.map { j in Self.isConversion(mentions[j], document) ? (lastPrimaryMoney ?? j) : j }
                if let j = carryFrom, case let .money(_, _, _, c?, _) = mentions[j].value {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencySource = "carried"
                } else {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: local ?? "USD", per: per)
                    mentions[i].currencySource = local == nil ? "default" : "place"
                }
            case let .placeSign(code):
                // The story's place (dateline's line, first lines; read once) or the figure's sentence names it.
                func codes(in zones: [Span]) -> Set<String> {
                    guard let places = placeSignPlaces else { return [] }
                    return Set(zones.flatMap { document.matchSpans(of: places, in: $0, group: "w") }.compactMap { normalizationLexicons.placeLetterSignPlaces?.lookup(document.text($0)) })
                }
                if storySignCodes == nil { storySignCodes = codes(in: placeZones(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, firstLines: true)) }
                let named = storySignCodes?.contains(code) ?? false
                    || document.sentenceIndex(of: mentions[i].span.start).map { codes(in: [document.sentences[$0].span]).contains(code) } ?? false
                if named {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: code, per: per)
                    mentions[i].currencySource = "place"
                } else {
                    Self.demoteToLatentNumber(&mentions[i], a)
                }
            case .quote:
                let here = document.sentenceIndex(of: mentions[i].span.start)
                if let q = lastQuote, let h = here, let s = document.sentenceIndex(of: mentions[q].span.start), s == h || s == h - 1,
                   case let .money(_, _, _, c?, _) = mentions[q].value {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencySource = "carried"
                } else {
                    Self.demoteToLatentNumber(&mentions[i], a)
                }
            case .carry:
                let here = document.sentenceIndex(of: mentions[i].span.start)
                let carryFrom = lastMoney.map { j in Self.isConversion(mentions[j], document) ? (lastPrimaryMoney ?? j) : j }
                let antecedent = carryFrom.flatMap { j -> Mention? in
                    guard let h = here, let s = document.sentenceIndex(of: mentions[j].span.start), s == h || s == h - 1 else { return nil }
                    return mentions[j]
                }
                // A share count between the two ("Avg shrs 13.9 mln vs 13.8 mln") stops the carry;
                // so does a quantity with a scale in the figure's sentence after the money ("totaled
                // 2.54 billion barrels …, down from 2.69 billion a year earlier": barrels).
                let barred = antecedent.map { a in
                    carryBarrier.map { !document.matchSpans(of: $0, in: Span(a.span.end, mentions[i].span.start), limit: 1).isEmpty } ?? false
                } ?? false || lastScaledQuantity.map { q in
                    mentions[q].span.start > (antecedent?.span.end ?? 0) && document.sentenceIndex(of: mentions[q].span.start) == here
                } ?? false
                if let h = here, let c = termsCurrency(sentence: h, before: mentions[i].span.start, document) {
                    // "In guilder terms, however, profits dropped to 3.69 billion": that currency.
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencySource = "text"
                } else if !barred, let antecedent, case let .money(_, _, _, c?, _) = antecedent.value {
                    mentions[i].value = .money(amount: a, low: lo, high: hi, currency: c, per: per)
                    mentions[i].currencySource = "carried"
                } else {
                    Self.demoteToLatentNumber(&mentions[i], a)
                    if antecedent == nil, !barred { ahead.append(i) }
                }
            }
        }
        // A scaled figure with no money before it to carry from, whose currency the next money
        // figure writes in its own sentence or the next ("the current account surplus widened to
        // a provisional 6.6 billion in February from 4.8 billion in January … The trade surplus
        // widened to a provisional 10.4 billion marks"): money in that currency. No scaled
        // quantity may stand between ("production of 2.5 billion … 1.2 billion barrels").
        // The figure must follow a sum's noun in its sentence (within 80 bytes: "the current account
        // surplus widened to a provisional 6.6 billion"), not a count's ("unemployment would
        // decline to 2.20 mln", "production … from March's 3.2 mln").
        for i in ahead {
            guard mentions[i].latent, case let .number(a) = mentions[i].value, let here = document.sentenceIndex(of: mentions[i].span.start) else { continue }
            let from = max(document.sentences[here].span.start, mentions[i].span.start - 80)
            let before = Extractor.wordsBefore(mentions[i].span.start, in: document, from: from, upTo: 14)
            guard before.contains(where: { Self.sumNouns.contains($0) }) else { continue }
            for j in (i + 1)..<min(mentions.count, i + 12) {
                guard let s = document.sentenceIndex(of: mentions[j].span.start), s <= here + 1 else { break }
                if mentions[j].type == .quantity { break }
                guard mentions[j].type == .money, !mentions[j].latent else { continue }
                if mentions[j].currencySource == nil, mentions[j].rule != "money.elided", case let .money(_, _, _, c?, _) = mentions[j].value {
                    mentions[i].type = .money
                    mentions[i].value = .money(amount: a, low: nil, high: nil, currency: c, per: nil)
                    mentions[i].latent = false
                    mentions[i].currencySource = "carried"
                }
                break
            }
        }
        // A headline's figure with no currency that the story restates with one ("AVON TO BUY
        // GIORGIO FOR 185 MLN" … "for 185 mln dlrs in cash"): money in that currency.
        let headline = document.lineIndex.span(ofLine: 1, in: document.bytes)
        if headline.length <= 300 {
            for i in mentions.indices {
                guard mentions[i].span.start < headline.end else { break }
                guard mentions[i].latent, mentions[i].rule.hasPrefix("money."), headline.contains(mentions[i].span),
                      case let .number(a) = mentions[i].value,
                      let c = Self.restatedCurrency(of: a, after: i, headline: headline, mentions) else { continue }
                mentions[i].type = .money
                mentions[i].value = .money(amount: a, low: nil, high: nil, currency: c, per: nil)
                mentions[i].latent = false
                mentions[i].currencySource = "carried"
            }
        }
        // Older copy: a currency since redenominated is the one of the story's time.
        if let year = reference?.year, !normalizationLexicons.predecessors.isEmpty {
            for i in mentions.indices {
                guard case let .money(a, lo, hi, cur?, per) = mentions[i].value else { continue }
                let old = normalizationLexicons.historicCode(cur, year: year)
                if old != cur { mentions[i].value = .money(amount: a, low: lo, high: hi, currency: old, per: per) }
            }
        }
    }

    /// Whether a money mention is a price per barrel ("13 dlrs a barrel", "18 dlrs per barrel",
    /// "18 dlrs/bbl").
    static func isBarrelPrice(_ m: Mention, _ document: Document) -> Bool {
        barrelWords.contains { document.bytes.hasPrefixIgnoringASCIICase($0, at: m.span.end) }
    }
    static let barrelWords: [[UInt8]] = [" a barrel", " per barrel", "/bbl", " a bbl", " per bbl", "\na barrel", "\nper barrel", "/barrel", "/gallon",
                                          " a gallon", " per gallon", "\na gallon", "\nper gallon"].map { Array($0.utf8) }

    /// The currency of the same amount written with one in the story's first lines, for a figure in
    /// a short headline that has none; nil elsewhere.
    static func restatedCurrency(of amount: Decimal, after i: Int, headline: Span, _ mentions: [Mention]) -> String? {
        for m in mentions[(i + 1)...] {
            if m.span.start > headline.end + 1500 { break }
            guard !headline.contains(m.span), case let .money(x, _, _, c?, _) = m.value, x == amount, m.currencySource != "carried" else { continue }
            return c
        }
        return nil
    }

    /// Whether the place at `span` follows a word that makes it a partner ("to", "from", "with",
    /// "into", "towards", "and"): "exports to Australia", "shipments to Australia and the Middle East".
    static func isPartnerPlace(_ span: Span, _ document: Document) -> Bool {
        let lo = max(0, span.start - 16)
        let words = String(decoding: document.bytes[lo..<span.start], as: UTF8.self).lowercased().split { !$0.isLetter }
        guard let last = words.last else { return false }
        return ["to", "from", "with", "into", "towards", "toward", "and", "than"].contains(String(last))
    }

    /// Whether money mention `m` restates the figure before it in another currency: right after an
    /// opening bracket or "or" ("(about 690 mln dlrs)", ", or about 3.1 billion dlrs").
    static func isConversion(_ m: Mention, _ document: Document) -> Bool {
        // Bytes, not strings: this runs for every money figure.
        let b = document.bytes
        let lo = max(0, m.span.start - 30)
        var i = m.span.start - 1
        func skipSpaces() { while i >= lo, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i -= 1 } }
        func skipPunctuation() { while i >= lo, b[i] == UInt8(ascii: ",") || b[i] == 0x20 || b[i] == 0x0A { i -= 1 } }
        /// The word ending at `i` (ASCII letters, lower-cased), moving `i` before it.
        func previousWord() -> [UInt8] {
            var word: [UInt8] = []
            while i >= lo, (b[i] | 0x20) >= 0x61, (b[i] | 0x20) <= 0x7A { word.append(b[i] | 0x20); i -= 1 }
            return word.reversed()
        }
        skipSpaces()
        guard i >= lo else { return false }
        if b[i] == UInt8(ascii: "(") { return true }
        let last = previousWord()
        if last == Array("or".utf8) { return true }
        guard conversionHedges.contains(last) else { return false }
        skipPunctuation()
        return previousWord() == Array("or".utf8)
    }

    /// Words between "or" and a conversion ("or about 3.1 billion dlrs").
    static let conversionHedges: Set<[UInt8]> = Set(["about", "some", "around", "roughly", "nearly", "approximately", "almost", "just"].map { Array($0.utf8) })

    /// The currency of `family` that the first place of `local-currencies` named in the sentence of
    /// `span` before it stands for, else the first named in the sentence before; nil when neither
    /// names one ("... in the Philippines. Rice imports alone cost 11.2 billion pesos").
    func sentencePlaceCurrency(family: String, before span: Span, _ document: Document) -> String? {
        guard let places = localCurrencyPlaces, let s = document.sentenceIndex(of: span.start) else { return nil }
        let sentence = document.sentences[s].span
        let zones = [Span(sentence.start, span.start)] + (s > 0 ? [document.sentences[s - 1].span] : [])
        for zone in zones {
            for hit in document.matchSpans(of: places, in: zone, group: "w") {
                guard let key = normalizationLexicons.localCurrencies?.lookup(document.text(hit)) else { continue }
                let parts = key.split(separator: " ")
                if parts.count == 2, parts[0] == family { return String(parts[1]) }
            }
        }
        return nil
    }

    /// The dollar of a `dual-dollar-places` place the story names where it names its place (nil when
    /// it names none), worked out once per story (`memo`).
    func dualDollarCurrency(_ document: Document, datelineSpan: Span?, headlineSpan: Span?, memo: inout String??) -> String? {
        placeCurrency(dualDollarPlaces, lexicon: "dual-dollar-places", document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, memo: &memo)
    }

    /// The key of lexicon `name` whose place (`places`, its phrases compiled) the story names where
    /// it names its place (the dateline's line, the lede); nil when it names none. Worked out once
    /// per story (`memo`).
    func placeCurrency(_ places: Pattern?, lexicon name: String, _ document: Document, datelineSpan: Span?, headlineSpan: Span?,
                       memo: inout String??) -> String? {
        if let known = memo { return known }
        guard let places, let lexicon = ruleSet.lexicons[name] else { memo = .some(nil); return nil }
        var found: String? = nil
        for z in placeZones(document, datelineSpan: datelineSpan, headlineSpan: headlineSpan) {
            if let w = document.matchSpans(of: places, in: z, group: "w", limit: 1).first, let code = lexicon.lookup(document.text(w)) {
                found = code; break
            }
        }
        memo = .some(found)
        return found
    }

    /// Whether a money mention's text ends in a word for cents ("196 cts", "201.66
    /// Malaysian/Singapore cents", "one U.S. ct").
    static func endsWithCents(_ text: String) -> Bool {
        // The last run of letters, read back from the end of the bytes (no String per mention).
        var word: [UInt8] = []
        for c in text.utf8.reversed() {
            let l = c | 0x20
            if l >= 0x61 && l <= 0x7A { word.append(l) } else if !word.isEmpty { break }
            if word.count > 5 { return false }
        }
        return centWords.contains { $0.elementsEqual(word.reversed()) }
    }
    static let centWords: [[UInt8]] = ["cents", "cent", "cts", "ct"].map { Array($0.utf8) }

    /// The currency of `local-cents` whose place the story's dateline line or lede names, found once.
    func localCentsCurrency(_ document: Document, datelineSpan: Span?, headlineSpan: Span?, memo: inout String??) -> String? {
        placeCurrency(localCentsPlaces, lexicon: "local-cents", document, datelineSpan: datelineSpan, headlineSpan: headlineSpan, memo: &memo)
    }

    /// Whether the sentence of `m` names an instrument of `local-dollar-instruments`.
    func namesLocalInstrument(sentenceOf m: Mention, _ document: Document) -> Bool {
        guard let instruments = localDollarInstruments, let s = document.sentenceIndex(of: m.span.start) else { return false }
        return !document.matchSpans(of: instruments, in: document.sentences[s].span, limit: 1).isEmpty
    }

    /// Where a story names its place: the dateline's line, and the first 60 bytes of the lede (the
    /// first sentence after the headline; when that sentence is no more than a dateline line of its
    /// own, "Updated: 02 Feb 2024, 08:40 AM IST", the sentence after it: "NEW DELHI: The government ...").
    func placeZones(_ document: Document, datelineSpan: Span?, headlineSpan: Span?, firstLines: Bool = false) -> [Span] {
        var zones: [Span] = []
        var datelineLine: Span? = nil
        if let d = datelineSpan {
            let line = document.lineIndex.span(ofLine: document.lineIndex.lineIndex(of: d.start) + 1, in: document.bytes)
            // An American city, with its state ("MELBOURNE, Fla.,", "ALEXANDRIA, Va.,"): the story
            // is American whatever country shares the city's name, and a company named after a
            // foreign city at the lede's start ("Halifax Engineering Inc said") names no place; its
            // currency needs no zone. Its fiscal year may still be named later on (the first lines).
            if afterUSState(line, document) != nil {
                if !firstLines { return [] }
            } else {
                zones.append(line)
            }
            datelineLine = line
        }
        let lede = document.sentences.first { s in
            (headlineSpan.map { s.span.start >= $0.end } ?? true) && !(datelineSpan.map { s.span.contains($0) && s.span.length < $0.length + 8 } ?? false)
                && !(datelineLine.map { s.span.start >= $0.start && s.span.end <= $0.end + 1 } ?? false)
        }
        if let lede {
            zones.append(Span(lede.span.start, min(lede.span.end, lede.span.start + 60)))
        }
        // With `firstLines`, then the starts of the first three lines that hold text: a headline,
        // and a lede under a stamp line and a headline ("Published: 2025-04-03", a headline,
        // "ISLAMABAD: Pakistan's …"). The fiscal year reads them; a currency does not (a place named
        // there may be another country's than the one whose dollars the story counts).
        guard firstLines else { return zones }
        var lines = 0
        for lineNo in 1...max(1, min(document.lineIndex.lineStarts.count, 8)) where lines < 3 {
            let line = document.lineIndex.span(ofLine: lineNo, in: document.bytes)
            guard document.bytes[line.start..<line.end].contains(where: { $0 > 0x20 }) else { continue }
            lines += 1
            if line == datelineLine { continue }
            zones.append(Span(line.start, min(line.end, line.start + 120)))
        }
        return zones
    }

    /// Where a dateline line's opening city and its United States state end ("MELBOURNE, Fla.,",
    /// lexicon `us-states`): the offset after the state's comma; nil when the city has no state.
    func afterUSState(_ line: Span, _ document: Document) -> Int? {
        guard let states = ruleSet.lexicons["us-states"] else { return nil }
        let b = document.bytes
        guard let comma = b[line.start..<min(line.end, line.start + 40)].firstIndex(of: 0x2C) else { return nil }
        var start = comma + 1
        while start < line.end, b[start] == 0x20 { start += 1 }
        guard let next = b[start..<min(line.end, start + 24)].firstIndex(of: 0x2C) else { return nil }
        var end = next
        while end > start, b[end - 1] == 0x20 { end -= 1 }
        guard end > start, states.lookup(String(decoding: b[start..<end], as: UTF8.self)) != nil else { return nil }
        return next + 1
    }

    /// The currency a sentence names its figures in before `position` ("In guilder terms,"): the
    /// currency of the word before "terms", nil when there is none.
    func termsCurrency(sentence s: Int, before position: Int, _ document: Document) -> String? {
        let span = document.sentences[s].span
        guard position > span.start, document.bytes.lastIndex(of: Self.termsWord, in: span.start..<position) != nil else { return nil }
        let text = String(decoding: document.bytes[span.start..<position], as: UTF8.self)
        let words = text.split { !$0.isLetter }.map(String.init)
        guard let k = words.lastIndex(where: { $0.lowercased() == "terms" }), k >= 2, words[k - 2].lowercased() == "in" else { return nil }
        let word = words[k - 1]
        // "In real terms" is no Brazilian real.
        guard !["real", "nominal", "volume", "value", "money", "cash", "absolute", "relative", "constant", "current", "percentage", "annual"]
            .contains(word.lowercased()) else { return nil }
        // A name several currencies share ("in rupee terms", "in peso terms", "in dollar terms") is
        // the place's, which the carried figure already has.
        let lex = normalizationLexicons
        guard word.lowercased() != "dollar", ![word, word + "s"].contains(where: { lex.ambiguousCurrencies?.lookup(key: Lexicon.key($0)) != nil })
            else { return nil }
        return currency(word, key: Lexicon.key(word)) ?? currency(word + "s", key: Lexicon.key(word + "s"))
    }
    static let termsWord = Array(" terms".utf8)

    /// The ISO code of a currency as written (`key`: its ``Lexicon/key(_:)``): from the currency
    /// lexicons, else three capital letters taken as a code.
    package func currency(_ text: String, key: String) -> String? {
        for lexicon in normalizationLexicons.currencies {
            if let code = lexicon.lookup(key: key) { return code }
        }
        let t = Numbers.trimmed(text)
        if t.utf8.count == 3, t.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return String(t) }
        return nil
    }
}

/// The texts of a candidate's fields: a group's text where the match captured one, else the
/// rule's literal (`set:`), else nil. A text is made from the document's bytes when read.
struct CandidateFields {
    /// Every stored property, as the memberwise initializer takes them.
    package init(groups: [(field: RuleField, range: Range<Int>)], literals: [(field: RuleField, value: String)], document: Document) { self.groups = groups; self.literals = literals; self.document = document }
    /// The candidate's groups; a field has at most one (see ``Rule/fieldGroups``; a qualifier
    /// found before the match is added only to a candidate without one).
    package let groups: [(field: RuleField, range: Range<Int>)]
    package let literals: [(field: RuleField, value: String)]
    package let document: Document

    package subscript(_ field: RuleField) -> String? {
        if let g = groups.first(where: { $0.field == field }) { return document.text(Span(g.range)) }
        return literals.first(where: { $0.field == field })?.value
    }

    /// Whether the field has a text (a group or a literal), without making it.
    package func has(_ field: RuleField) -> Bool {
        groups.contains { $0.field == field } || literals.contains { $0.field == field }
    }
}

/// The lexicons normalization reads, found by name once, when the extractor is made, rather
/// than for every mention. A lexicon the rule set lacks is nil, as its lookup by name would be.
struct NormalizationLexicons: Sendable {
    package let qualifiers, dateQualifiers, priceUnits, ambiguousDollars, percentUnits, directions, bases, partnerNouns, groupMemberNouns,
        volumeUnits, localDollars, localCurrencies, ambiguousCurrencies, placeLetterSigns, placeLetterSignPlaces, relativeOffsets, decadeWords, relativeDays, seasons, holidays, tenseWords, eventNouns: Lexicon?
    /// `currency-symbols`, `currency-words`, `currency-codes`, `currency-iso-codes`, `currency-letter-signs`, `crypto-currencies` and `crypto-capital-tickers`, in that order (those present).
    package let currencies: [Lexicon]
    /// `currency-predecessors`: today's code → (the year it came in, the code it replaced), for
    /// the latest replacement before each year ("RUB before 1992" is SUR, "RUB before 1998" RUR).
    let predecessors: [String: [(year: Int, old: String)]]
    /// `minor-currency-units` ("cents" → 100): each phrase's key → its value read as a decimal
    /// (a value that does not read as one is left out: the amount stays in the main unit).
    let minorUnits: [String: Decimal]
    /// `currency-minor-digits` ("KWD" → 3): a code's minor digits where they are not two.
    let minorDigits: [String: Int]
    /// The currencies a bare "dlrs" or "$" can be: the reading of `ambiguous-dollars` and every
    /// dollar of `local-dollars`.
    let bareDollars: Set<String>

    package init(_ ruleSet: RuleSet) {
        let l = ruleSet.lexicons
        qualifiers = l["qualifiers"]; dateQualifiers = l["date-qualifiers"]; priceUnits = l["price-units"]
        ambiguousDollars = l["ambiguous-dollars"]; percentUnits = l["percent-units"]; directions = l["directions"]
        bases = l["bases"]; partnerNouns = l["partner-nouns"]; groupMemberNouns = l["group-member-nouns"]; volumeUnits = l["volume-units"]; localDollars = l["local-dollars"]
        localCurrencies = l["local-currencies"]; ambiguousCurrencies = l["ambiguous-currencies"]; placeLetterSigns = l["place-letter-signs"]
        placeLetterSignPlaces = l["place-letter-sign-places"]
        relativeOffsets = l["relative-offsets"]; decadeWords = l["decade-words"]; relativeDays = l["relative-days"]
        seasons = l["seasons"]; holidays = l["holidays"]; tenseWords = l["tense-words"]; eventNouns = l["event-nouns"]
        currencies = ["currency-symbols", "currency-abbreviations", "currency-words", "currency-codes", "currency-iso-codes", "currency-letter-signs",
                      "crypto-currencies", "crypto-capital-tickers"].compactMap { l[$0] }
        minorUnits = (l["minor-currency-units"]?.entries ?? [:]).compactMapValues { Decimal(string: $0) }
        minorDigits = (l["currency-minor-digits"]?.entries ?? [:]).reduce(into: [:]) { $0[$1.key.uppercased()] = Int($1.value) }
        bareDollars = Set(["ambiguous-dollars", "local-dollars", "dual-dollar-places"].flatMap { l[$0].map { Array($0.entries.values) } ?? [] })
        var table: [String: [(year: Int, old: String)]] = [:]
        for (phrase, old) in l["currency-predecessors"]?.entries ?? [:] {
            let words = phrase.split(separator: " ")
            guard words.count == 3, words[1] == "before", let year = Int(words[2]) else { continue }
            table[words[0].uppercased(), default: []].append((year, old.uppercased()))
        }
        predecessors = table.mapValues { $0.sorted { $0.year < $1.year } }
    }

    /// How many minor units make one unit of `code`: 10 to the power of its minor digits, 100
    /// where it has two, none (the yen: "sen" are hundredths in older copy) or is not known.
    func minorParts(_ code: String?) -> Decimal {
        switch code.flatMap({ minorDigits[$0] }) {
        case 3?: return 1000
        case 4?: return 10000
        default: return 100
        }
    }

    /// The code a figure read as `code` has in a story of `year`: the currency `code` replaced
    /// when the story is older than the replacement, else `code`.
    func historicCode(_ code: String, year: Int) -> String {
        predecessors[code]?.first { year < $0.year }?.old ?? code
    }
}
