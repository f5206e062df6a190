import TradeFacts
import Foundation
let rs = try RuleSet.embedded()
let ex = try Extractor(ruleSet: rs)
let data = FileManager.default.contents(atPath: CommandLine.arguments[1])!
let doc = Document(id: CommandLine.arguments[1], bytes: [UInt8](data))
let e = ex.extract(doc)
print(e.referenceDate as Any, e.referenceDateSource)
for m in e.mentions { print(m.json(in: doc).serialized()) }
