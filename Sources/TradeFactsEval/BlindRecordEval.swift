import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFacts

/// Scores the engine against a blind Reuters gold set: one `reuters-NEWID.yaml` per story with
/// `id`, `date`, `file`, `records` and, in the statement gold (`eval/gold/reuters-statements`),
/// `statements`. The older record-only set (`eval/gold/reuters-records`) has no statements and
/// no direction, modality or comparison in its records. The story's text is read from the
/// Reuters-21578 SGML at run time (it is never stored in the project).
///
/// Records: pairing and field comparison are `RecordScorer.score`'s, on the fields the gold set
/// annotates (`fields(of:)`), the system's records flattened by `StatementEval.systemRecord`.
/// Statements: `StatementEval.score`, when the engine's document JSON has `statements`.
package enum BlindRecordEval {
    /// The record fields every blind gold set annotates; a system value for one the gold leaves out is wrong.
    package static let fields = ["reporter", "flow", "commodity", "partner", "period", "amount", "currency", "change"]
    /// Record fields a gold set may annotate besides `fields`; when it does, they are compared as `fields` are.
    package static let optionalFields = ["direction", "modality", "comparison"]

    /// One gold file.
    package struct GoldStory: Sendable {
        package let file: String
        package let id: String
        package let date: CalendarDate?
        /// The SGML file the story is in (`reut2-0NN.sgm`).
        package let sgml: String
        package let records: [[String: String]]
        /// nil in a record-only gold file.
        package let statements: [StatementEval.GoldStatement]?
        /// Whether the file says its records are money only (`money-only: true`), as the statement
        /// gold's are: the system's volume records are then set aside.
        package var moneyOnly = false
    }

    /// One story's score.
    package struct StoryScore: Sendable {
        package let id: String
        package let gold: Int
        package let system: Int
        package let result: RecordScorer.Result
        /// nil when the engine gave no `statements` for the story or the gold has none.
        package let statements: StatementEval.Score?
    }

    package struct Result: Sendable {
        package var stories: [StoryScore] = []
        /// Gold files whose story could not be scored: "file: reason".
        package var unscored: [String] = []
        /// The record fields compared.
        package var fields: [String] = BlindRecordEval.fields
        /// All stories together.
        package var total = RecordScorer.Result()
        /// All stories together on `BlindRecordEval.fields` only (the older set's fields), when `fields` has more.
        package var coreTotal: RecordScorer.Result?
        /// All stories' statements together; meaningful only when `statementsProduced`.
        package var statements = StatementEval.Score()
        /// Whether the engine's document JSON had `statements` (for any story).
        package var statementsProduced = false
        /// Gold statements in the set.
        package var goldStatements = 0
        /// System records without a currency, set aside because the gold set's records are money only.
        package var volumeRecordsSetAside = 0
        package var periodRightShare: Double { total.paired == 0 ? 0 : Double(total.periodRight) / Double(total.paired) }
        /// Of the paired gold records, the share on which `field` agrees.
        package func accuracy(_ field: String) -> Double { total.paired == 0 ? 0 : Double(total.agreeing[field, default: 0]) / Double(total.paired) }
    }

    /// The gold files of `directory` (`reuters-*.yaml`), in name order. A file may say
    /// `money-only: true` (records in money only, as in `eval/gold/reuters-records-c`).
    package static func loadGold(directory: String) throws -> [GoldStory] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("reuters-") && $0.hasSuffix(".yaml") }.sorted()
            .map { file in
                let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
                let y = (try YAMLNode.parse(text, file: file)?.plainValue as? [String: Any]) ?? [:]
                var story = GoldStory(file: file, id: CorpusRunner.text(y["id"]) ?? "", date: CorpusRunner.text(y["date"]).flatMap(CalendarDate.init(iso:)),
                                      sgml: CorpusRunner.text(y["file"]) ?? "", records: RecordScorer.goldRecords(y["records"]),
                                      statements: y.keys.contains("statements") ? StatementEval.goldStatements(y["statements"]) : nil)
                story.moneyOnly = CorpusRunner.text(y["money-only"]) == "true"
                return story
            }
    }

    /// The record fields compared for a gold set: `fields`, and those of `optionalFields` any of its records gives.
    package static func fields(of gold: [GoldStory]) -> [String] {
        let given = Set(gold.flatMap { $0.records.flatMap(\.keys) })
        return fields + optionalFields.filter(given.contains)
    }

    /// Scores every gold story; `reuters` is the folder of the `reut2-*.sgm` files.
    package static func run(gold: [GoldStory], reuters: String, engine: Engine) throws -> Result {
        let stories = try ReutersStory.load(directory: reuters, only: Set(gold.map(\.sgml)))
        let byID = Dictionary(stories.map { ("reuters-\($0.id)", $0) }, uniquingKeysWith: { a, _ in a })
        var result = Result()
        result.fields = fields(of: gold)
        result.goldStatements = gold.reduce(0) { $0 + ($1.statements?.count ?? 0) }
        // The statement gold writes volumes as statements only: its records are all money.
        let moneyOnly = gold.contains { $0.statements != nil || $0.moneyOnly } && gold.allSatisfy { $0.records.allSatisfy { $0["currency"] != nil } }
        for g in gold {
            guard let story = byID[g.id] else {
                result.unscored.append("\(g.file): no story \(g.id) in \(g.sgml)")
                continue
            }
            let r = engine.process(Document(id: g.id, text: story.text, referenceDate: g.date ?? story.date))
            guard var system = RecordScorer.systemRecords(r, flatten: StatementEval.systemRecord) else {
                result.unscored.append("\(g.file): could not read: \(r.error ?? "")")
                continue
            }
            if moneyOnly {
                let money = system.filter { $0["currency"] != nil }
                result.volumeRecordsSetAside += system.count - money.count
                system = money
            }
            let s = RecordScorer.score(system: system, gold: g.records, source: g.id, fields: result.fields)
            if result.fields != fields {
                let core = g.records.map { $0.filter { fields.contains($0.key) } }
                result.coreTotal = result.coreTotal ?? RecordScorer.Result()
                result.coreTotal!.add(RecordScorer.score(system: system, gold: core, source: g.id, fields: fields))
            }
            var statements: StatementEval.Score? = nil
            if let goldStatements = g.statements, let systemStatements = StatementEval.systemStatements(r.json()) {
                let score = StatementEval.score(system: systemStatements, gold: goldStatements, source: g.id)
                result.statements.add(score)
                result.statementsProduced = true
                statements = score
            }
            result.stories.append(StoryScore(id: g.id, gold: g.records.count, system: system.count, result: s, statements: statements))
            result.total.add(s)
        }
        return result
    }
}
