import Foundation

/// Turns raw file bytes into UTF-8 text: UTF-8 is kept as it is (invalid sequences never match a
/// rule, and are reported); UTF-16 with a byte-order mark is converted.
public enum InputDecoder {
    public struct Decoded: Sendable {
        public let bytes: [UInt8]
        public let note: String?
    }

    public static func decode(_ raw: [UInt8]) -> Decoded {
        if raw.count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) {
            let encoding: String.Encoding = raw[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let s = String(data: Data(raw[2...]), encoding: encoding) {
                return Decoded(bytes: Array(s.utf8), note: "converted from UTF-16; offsets refer to the UTF-8 text")
            }
        }
        return Decoded(bytes: raw, note: nil)
    }

    /// The byte offset of the first invalid UTF-8 sequence, or nil when the bytes are valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b & 0xE0 == 0xC0 && b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0 && b <= 0xF4 { length = 4 }
            else { return i }
            guard i + length <= n else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3 {
                let cp = (Int(b & 0x0F) << 12) | (Int(bytes[i + 1] & 0x3F) << 6)
                if cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            }
            if length == 4 {
                let cp = (Int(b & 0x07) << 18) | (Int(bytes[i + 1] & 0x3F) << 12)
                if cp < 0x10000 || cp > 0x10FFFF { return i }
            }
            i += length
        }
        return nil
    }
}
