import TradeFactsText

/// A problem in a rule or lexicon file, located by file, line and column.
public struct RuleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path of the file (or of the missing rule folder); empty when the problem has no file.
    public let file: String
    /// The 1-based line; 0 when the problem concerns the file as a whole.
    public let line: Int
    /// The 1-based column.
    public let column: Int
    /// What is wrong, in words for the rule's author.
    public let message: String

    /// An error at `file`, `line` and `column` (1 unless given).
    public init(file: String, line: Int, column: Int = 1, _ message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    /// The error as compilers print one: `FILE:LINE:COLUMN: error: MESSAGE`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

extension RuleError {
    /// The error for `bytes` of `file` that are not valid UTF-8, at the line and column of the first
    /// invalid byte, naming that byte only (never the text around it); nil when they are valid.
    /// `what`: "rule file", "configuration file".
    package static func invalidUTF8(_ bytes: [UInt8], file: String, what: String) -> RuleError? {
        guard let offset = InputDecoder.firstInvalidUTF8(bytes) else { return nil }
        var line = 1, column = 1
        for b in bytes[..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return RuleError(file: file, line: line, column: column, "\(what) is not valid UTF-8 (byte 0x\(hex.count < 2 ? "0" + hex : hex))")
    }
}
