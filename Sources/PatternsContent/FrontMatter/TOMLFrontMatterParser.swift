import TOMLKit

/// TOML text → `FrontMatterValue`: values from TOMLKit, positions from `TOMLPositions`.
enum TOMLFrontMatterParser {
    static func parse(_ toml: String, path: String, firstLine: Int) -> Result<FrontMatterValue, Diagnostic> {
        if let refused = TOMLPreflight.check(toml, path: path, firstLine: firstLine) { return .failure(refused) }
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
