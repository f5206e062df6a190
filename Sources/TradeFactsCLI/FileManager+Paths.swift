import ArgumentParser
import Foundation
import TradeFacts
import PCRE2Kit
import TradeFactsEval

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var d: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }
}
