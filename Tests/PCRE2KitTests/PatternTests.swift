import XCTest
@testable import PCRE2Kit

final class PatternTests: XCTestCase {
    func testNamedGroupsAndAllMatches() throws {
        let p = try Pattern(#"(?<cur>\$)(?<num>[0-9]+(?:\.[0-9]+)?)"#)
        XCTAssertEqual(p.groupNumbers["cur"], 1)
        XCTAssertEqual(p.groupNumbers["num"], 2)
        let matches = try p.allMatches(in: "worth $22.13 and $490")
        XCTAssertEqual(matches.count, 2)
        XCTAssertEqual(matches[0][0], 6..<12)
        XCTAssertEqual(matches[1][2], 18..<21)
    }

    func testCompileErrorQuotesOffset() {
        XCTAssertThrowsError(try Pattern("abc(def")) { error in
            guard case let PCRE2Error.compile(message, offset) = error as! PCRE2Error else { return XCTFail() }
            XCTAssertEqual(offset, 7)
            XCTAssertTrue(message.contains("missing"), message)
        }
    }

    func testInvalidUTF8SubjectDoesNotCrashAndStillMatchesValidParts() throws {
        let p = try Pattern("[0-9]+%")
        var bytes: [UInt8] = Array("up 5% ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" then 7%".utf8)
        var found: [Range<Int>] = []
        try bytes.withUnsafeMutableBufferPointer { b in
            try p.forEachMatch(in: UnsafeBufferPointer(b), scratch: MatchScratch()) { m in
                found.append(m.range); return true
            }
        }
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found[1], 15..<17)
    }

    func testEmptyMatchesAdvanceOverMultibyteCharacters() throws {
        let p = try Pattern("x*")
        XCTAssertEqual(try p.allMatches(in: "é€x").map { $0[0]! }, [0..<0, 2..<2, 5..<6, 6..<6])
    }

    func testMatchLimitIsReportedNotHung() throws {
        let p = try Pattern("(a+)+$")
        let subject = String(repeating: "a", count: 40) + "b"
        XCTAssertThrowsError(try p.allMatches(in: subject, scratch: MatchScratch(matchLimit: 10_000))) { error in
            XCTAssertEqual(error as? PCRE2Error, .matchLimit)
        }
    }

    func testInterpreterFallbackMatchesLikeJIT() throws {
        let jit = try Pattern("[a-z]+", jit: true)
        let interp = try Pattern("[a-z]+", jit: false)
        XCTAssertEqual(try jit.allMatches(in: "ab cd é ef"), try interp.allMatches(in: "ab cd é ef"))
    }
}
