import Foundation
import TradeFactsRules
import TradeFactsText
import TradeFacts

/// Scores the engine's records against the blind Reuters gold (`eval/gold/reuters-records`): one
/// `reuters-NEWID.yaml` per story with `id`, `date`, `file` and `records`, the story's text read
/// from the Reuters-21578 SGML at run time (it is never stored in the project).
///
/// Pairing and field comparison are `RecordScorer.score`'s, on the fields the gold annotates
/// (`fields`: not `source` or `partners`).
package enum BlindRecordEval {
    /// The record fields the blind gold annotates; a system value for one the gold leaves out is wrong.
    package static let fields = ["reporter", "flow", "commodity", "partner", "period", "amount", "currency", "change"]

    /// One gold file.
    package struct GoldStory: Sendable {
        package let file: String
        package let id: String
        package let date: CalendarDate?
        /// The SGML file the story is in (`reut2-0NN.sgm`).
        package let sgml: String
        package let records: [[String: String]]
    }

    /// One story's score.
    package struct StoryScore: Sendable {
        package let id: String
        package let gold: Int
        package let system: Int
        package let result: RecordScorer.Result
    }

    package struct Result: Sendable {
        package var stories: [StoryScore] = []
        /// Gold files whose story could not be scored: "file: reason".
        package var unscored: [String] = []
        /// All stories together.
        package var total = RecordScorer.Result()
        package var periodRightShare: Double { total.paired == 0 ? 0 : Double(total.periodRight) / Double(total.paired) }
    }

    /// The gold files of `directory` (`reuters-*.yaml`), in name order.
    package static func loadGold(directory: String) throws -> [GoldStory] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("reuters-") && $0.hasSuffix(".yaml") }.sorted()
            .map { file in
                let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
                let y = (try YAMLNode.parse(text, file: file)?.plainValue as? [String: Any]) ?? [:]
                return GoldStory(file: file, id: CorpusRunner.text(y["id"]) ?? "", date: CorpusRunner.text(y["date"]).flatMap(CalendarDate.init(iso:)),
                                 sgml: CorpusRunner.text(y["file"]) ?? "", records: RecordScorer.goldRecords(y["records"]))
            }
    }

    /// Scores every gold story; `reuters` is the folder of the `reut2-*.sgm` files.
    package static func run(gold: [GoldStory], reuters: String, engine: Engine) throws -> Result {
        let stories = try ReutersStory.load(directory: reuters, only: Set(gold.map(\.sgml)))
        let byID = Dictionary(stories.map { ("reuters-\($0.id)", $0) }, uniquingKeysWith: { a, _ in a })
        var result = Result()
        for g in gold {
            guard let story = byID[g.id] else {
                result.unscored.append("\(g.file): no story \(g.id) in \(g.sgml)")
                continue
            }
            let r = engine.process(Document(id: g.id, text: story.text, referenceDate: g.date ?? story.date))
            guard let system = RecordScorer.systemRecords(r) else {
                result.unscored.append("\(g.file): could not read: \(r.error ?? "")")
                continue
            }
            let s = RecordScorer.score(system: system, gold: g.records, source: g.id, fields: fields)
            result.stories.append(StoryScore(id: g.id, gold: g.records.count, system: system.count, result: s))
            result.total.add(s)
        }
        return result
    }
}
