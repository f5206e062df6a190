import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval
extension RulesCommand {
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Time every rule's pattern over the given files, slowest first (for rule authors).")
        @OptionGroup var options: EngineOptions
        @Option(help: "How many rules to list.")
        var top = 20
        @Flag(help: "Print only the time of each stage of extract (one pass; for benchmarks).")
        var stagesOnly = false
        @Argument(help: "Files to scan.")
        var paths: [String]

        func run() throws {
            let engine = try options.engine(keepLatent: true)
            var texts: [[UInt8]] = []
            if !stagesOnly { for source in Inputs.expand(paths, followSymlinks: options.followSymlinks) { texts.append(try Inputs.read(source)) } }
            let bytes = texts.reduce(0) { $0 + $1.count }
            let scratch = MatchScratch()
            var rows: [(id: String, seconds: Double, matches: Int)] = []
            for rule in engine.ruleSet.rules where !stagesOnly {
                var matches = 0
                let start = DispatchTime.now().uptimeNanoseconds
                for t in texts {
                    t.withUnsafeBufferPointer { b in
                        try? rule.pattern.forEachMatch(in: b, scratch: scratch) { _ in matches += 1; return true }
                    }
                }
                rows.append((rule.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, matches))
            }
            let total = rows.reduce(0) { $0 + $1.seconds }
            if !stagesOnly {
                writeOut(String(format: "%d rules over %.1f MB: %.3f s in all, %.1f MB/s for all rules together\n", rows.count, Double(bytes) / 1_048_576, total, Double(bytes) / 1_048_576 / total))
            }
            // The extractor's own scan: every rule only where its trigger occurs, triggers included,
            // over the documents as `extract` reads them (JSON Lines records, Markdown bodies).
            // Stages: the whole of `extract --format jsonl --jobs 1`, timed stage by stage.
            StageProfiler.reset()
            StageProfiler.enabled = true
            var documents: [Document] = []
            for source in Inputs.expand(paths, followSymlinks: options.followSymlinks) {
                let raw = try Inputs.read(source)
                let articles = StageProfiler.time(.read) { ArticleReader.articles(path: source.path, raw: raw, format: options.inputFormat.format) }
                documents += articles.filter { $0.error == nil }.map { $0.document(referenceDate: nil) }
            }
            let staged = try options.engine()
            var rendered = 0
            for d in documents {
                let r = staged.process(d, scratch: scratch)
                rendered += StageProfiler.time(.render) { Extract.render(r, jsonl: true).utf8.count }
            }
            StageProfiler.enabled = false
            let stages = StageProfiler.nanoseconds
            let stagesTotal = Double(stages.values.reduce(0, +)) / 1e9
            let documentBytes = Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
            writeOut(String(format: "stages of extract (1 thread) over %d documents, %.1f MB in, %.1f MB out: %.3f s, %.1f MB/s\n",
                            documents.count, documentBytes, Double(rendered) / 1_048_576, stagesTotal, documentBytes / stagesTotal))
            for stage in Stage.allCases {
                let seconds = Double(stages[stage] ?? 0) / 1e9
                writeOut(String(format: "  %7.3f s %5.1f%% %9.1f MB/s  %@\n", seconds, 100 * seconds / stagesTotal, documentBytes / max(seconds, 1e-9), stage.label))
            }
            if stagesOnly { return }
            // Every pattern the pipeline runs (rules, triggers, and the helpers of extraction, records
            // and checks), timed while the whole engine processes the documents.
            Pattern.profiling = true
            let profiled = try options.engine()
            let start = DispatchTime.now().uptimeNanoseconds
            for d in documents { _ = profiled.process(d, scratch: scratch) }
            let pipelineSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            Pattern.profiling = false
            let patterns = Pattern.registered.filter { $0.profiledCalls > 0 }
            let inPatterns = Double(patterns.reduce(0) { $0 + $1.profiledNanoseconds }) / 1e9
            writeOut(String(format: "whole pipeline (extract, records, checks) over %d documents: %.3f s, of which %.3f s in %d patterns\n",
                            documents.count, pipelineSeconds, inPatterns, patterns.count))
            for p in patterns.sorted(by: { $0.profiledNanoseconds > $1.profiledNanoseconds }).prefix(top) {
                let rule = profiled.ruleSet.rules.first { $0.pattern === p }?.id
                writeOut(String(format: "%8.3f s %8d calls  %@\n", Double(p.profiledNanoseconds) / 1e9, p.profiledCalls,
                                rule ?? String(p.source.prefix(90)).replacingOccurrences(of: "\n", with: " ")))
            }
            for prefilter in [false, true] {
                let extractor = try Extractor(ruleSet: engine.ruleSet, keepLatent: false, prefilter: prefilter)
                let start = DispatchTime.now().uptimeNanoseconds
                var matches = 0
                for d in documents { matches += extractor.scanCount(d, scratch: scratch) }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                writeOut(String(format: "extractor scan of %d documents, %@: %.3f s, %.1f MB/s, %d matches\n", documents.count,
                                prefilter ? "prefiltered (triggers included)" : "every rule over the whole text", seconds,
                                Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_048_576 / seconds, matches))
            }
            for r in rows.sorted(by: { $0.seconds > $1.seconds }).prefix(top) {
                writeOut(String(format: "%8.1f MB/s %7.3f s %7d matches  %@\n", Double(bytes) / 1_048_576 / max(r.seconds, 1e-9), r.seconds, r.matches, r.id))
            }
        }
    }
}
