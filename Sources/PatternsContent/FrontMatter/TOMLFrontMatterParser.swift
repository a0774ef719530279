import TOMLKit

/// TOML text → `FrontMatterValue`: values from TOMLKit, positions from `TOMLPositions`.
enum TOMLFrontMatterParser {
    static func parse(_ toml: String, path: String, firstLine: Int) -> Result<FrontMatterValue, Diagnostic> {
        if let control = controlCharacter(in: toml, path: path, firstLine: firstLine) { return .failure(control) }
        if let header = TOMLHeaderGuard.check(toml, path: path, firstLine: firstLine) { return .failure(header) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            // toml++ positions are 1-based and relative to the TOML text.
            let location = SourceLocation(
                file: path, line: error.source.begin.line + firstLine - 1, column: max(1, error.source.begin.column)
            )
            return .failure(.error(at: location, "invalid TOML: \(error.description)"))
        } catch {
            return .failure(.error(at: SourceLocation(file: path, line: firstLine, column: 1), "invalid TOML: \(error)"))
        }
        let converter = Converter(
            positions: TOMLPositions(scanning: toml, path: path, firstLine: firstLine),
            fallback: SourceLocation(file: path, line: firstLine, column: 1)
        )
        return .success(converter.convert(table.tomlValue, at: []))
    }

    /// Control characters, raw or as `\u0000`-style escapes. They must be caught in the text:
    /// TOMLKit hands strings over as C strings, so a NUL would silently cut the value short.
    private static func controlCharacter(in toml: String, path: String, firstLine: Int) -> Diagnostic? {
        var line = firstLine, column = 1
        let characters = Array(toml)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let kind = characters[index + 1]
                let width = kind == "u" ? 4 : kind == "U" ? 8 : 0
                if width > 0, index + 2 + width <= characters.count,
                   let value = UInt32(String(characters[(index + 2)..<(index + 2 + width)]), radix: 16),
                   (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0x7F {
                    let code = String(characters[index..<(index + 2 + width)])
                    return .error(at: SourceLocation(file: path, line: line, column: column),
                                  "control character escape '\(code)'; remove it")
                }
                // Skip the escaped character, so `\\u0000` (a backslash, then text) is not one.
                index += 2
                column += 2
                continue
            }
            // A raw NUL would end TOMLKit's C string early, so it and the scanner would read
            // different texts; TOML allows no control character but tab outside a newline.
            if let scalar = character.unicodeScalars.first, character != "\n", character != "\t",
               scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
                return .error(at: SourceLocation(file: path, line: line, column: column), "control character \(code); remove it")
            }
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return nil
    }

    private struct Converter {
        let positions: TOMLPositions
        let fallback: SourceLocation

        func location(_ path: [TOMLPathComponent]) -> SourceLocation {
            positions[path]?.value ?? (path.isEmpty ? fallback : location(Array(path.dropLast())))
        }

        func convert(_ value: TOMLValueConvertible, at path: [TOMLPathComponent]) -> FrontMatterValue {
            let here = location(path)
            if let table = value.table {
                // TOMLKit does not keep key order; the source order is what authors expect to see.
                let entries = table.keys.compactMap { key -> (key: String, keyLocation: SourceLocation, value: FrontMatterValue)? in
                    guard let child = table[key] else { return nil }
                    let childPath = path + [.key(key)]
                    let keyLocation = positions[childPath]?.key ?? location(childPath)
                    return (key, keyLocation, convert(child, at: childPath))
                }
                return .table(entries.sorted { $0.keyLocation < $1.keyLocation }, path.isEmpty ? fallback : here)
            }
            if let array = value.array {
                return .array(array.enumerated().map { convert($1, at: path + [.index($0)]) }, here)
            }
            switch value.type {
            case .string: return .string(value.string ?? "", here)
            case .int: return .integer(value.int ?? 0, here)
            case .double: return .double(value.double ?? 0, here)
            case .bool: return .bool(value.bool ?? false, here)
            case .date:
                let date = value.date.map { ContentDate(year: $0.year, month: $0.month, day: $0.day).description }
                return .date(date ?? "", here)
            case .dateTime:
                let date = value.dateTime.map { ContentDate(year: $0.date.year, month: $0.date.month, day: $0.date.day).description }
                return .date(date ?? "", here)
            default:
                return .string(String(describing: value), here)
            }
        }
    }
}
