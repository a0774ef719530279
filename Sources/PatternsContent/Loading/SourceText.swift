/// Bytes of a text file → the text every parser sees: strict UTF-8, no byte-order mark, `\n`
/// line ends. Done once, where files are read, so that YAML, TOML, Markdown and templates all
/// count lines and columns the same way whichever editor saved the file.
public enum SourceText {
    /// Why a file's bytes are not text we accept, with the place an editor can jump to.
    public struct DecodingError: Error, CustomStringConvertible, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var description: String { "invalid UTF-8 at line \(line), column \(column) (save the file as UTF-8)" }
    }

    public static func decode(_ bytes: [UInt8]) throws -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let offset = firstInvalidUTF8Offset(body) {
            let (line, column) = position(of: offset, in: body)
            throw DecodingError(line: line, column: column)
        }
        return normalizeLineEnds(String(decoding: body, as: UTF8.self))
    }

    /// `\r\n` and a lone `\r` both end a line. (Swift treats `\r\n` as one Character, so a split
    /// on `"\n"` would otherwise see CRLF files as a single line.)
    static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
            } else if !(byte == 0x0A && previousWasCR) {
                bytes.append(byte)
            }
            previousWasCR = byte == 0x0D
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (in characters, as editors count) of a byte offset.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        let before = bytes.prefix(offset)
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: bytes[lineStart..<(before.startIndex + offset)], as: UTF8.self).count + 1
        return (line, column)
    }
}
