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
