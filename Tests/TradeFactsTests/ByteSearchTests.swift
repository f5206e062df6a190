import XCTest
import TradeFactsText

/// The byte searches fold ASCII letters only: a needle's line break or space matches only itself,
/// so "statement\nperiod" finds a wrapped line and a space never matches a NUL or a "*".
final class ByteSearchTests: XCTestCase {
    func testOnlyLettersFold() {
        let text = Array("The Fed's STATEMENT\nPeriod ended; 18 DLRS A BARREL".utf8)
        XCTAssertTrue(text.containsIgnoringASCIICase(Array("statement\nperiod".utf8)))
        XCTAssertFalse(text.containsIgnoringASCIICase(Array("statement period".utf8)))
        XCTAssertTrue(text.hasPrefixIgnoringASCIICase(Array(" a barrel".utf8), at: 41))
        XCTAssertFalse(text.hasPrefixIgnoringASCIICase(Array(" a barrel".utf8), at: 40))
        XCTAssertFalse(Array("statement*period".utf8).containsIgnoringASCIICase(Array("statement\nperiod".utf8)))
        XCTAssertFalse([0x61, 0x00, 0x62].containsIgnoringASCIICase(Array("a b".utf8)))
        // A range bounds the match at both ends.
        XCTAssertTrue(text.containsIgnoringASCIICase(Array("dlrs".utf8), in: 30..<41))
        XCTAssertFalse(text.containsIgnoringASCIICase(Array("dlrs".utf8), in: 30..<40))
        XCTAssertFalse(text.containsIgnoringASCIICase([], in: 0..<text.count))
    }

    /// The first occurrence within a range: it must end inside the range, and the scan stops there.
    func testFirstIndexInARange() {
        let text = Array("Sorghum 64 (63).\n REUTER\n REUTER".utf8)
        let signOff = Array("\n REUTER".utf8)
        XCTAssertEqual(text.firstIndex(of: signOff, in: 0..<text.count), 16)
        XCTAssertEqual(text.firstIndex(of: signOff, from: 17), 24)
        XCTAssertNil(text.firstIndex(of: signOff, in: 0..<23), "a match that ends past the range is none")
        XCTAssertEqual(text.firstIndex(of: signOff, in: 0..<24), 16)
        XCTAssertNil(text.firstIndex(of: [], in: 0..<text.count))
        XCTAssertNil(text.firstIndex(of: signOff, in: 30..<100))
    }
}
