import Yams

/// YAML text → `FrontMatterValue`, keeping each node's position in the whole file.
enum YAMLFrontMatterParser {
    /// `firstLine` is the file line the YAML text starts on, so that marks (relative to the
    /// YAML text) become file positions. An empty document is an empty table.
    static func parse(_ yaml: String, path: String, firstLine: Int) -> Result<FrontMatterValue, Diagnostic> {
        let converter = Converter(path: path, lineOffset: firstLine - 1)
        let start = SourceLocation(file: path, line: firstLine, column: 1)
        do {
            // The parser owns the anchors that composed nodes point at (weakly), so it must
            // outlive the conversion for anchored nodes to be recognised and refused.
            let parser = try Parser(yaml: yaml)
            guard let root = try parser.singleRoot() else { return .success(.table([], start)) }
            return withExtendedLifetime(parser) { converter.convert(root) }
        } catch let error as YamlError {
            return .failure(converter.diagnostic(for: error, fallback: start))
        } catch {
            return .failure(.error(at: start, "invalid YAML: \(error)"))
        }
    }

    private struct Converter {
        let path: String
        let lineOffset: Int

        func location(_ mark: Mark?) -> SourceLocation {
            // Yams marks are 1-based already; only the line needs shifting past the fence.
            SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }

        /// Anchored nodes are refused where the anchor is written, before any alias of them is
        /// read: expanding aliases lets a few hundred bytes name billions of nodes.
        func convert(_ node: Node) -> Result<FrontMatterValue, Diagnostic> {
            if let anchor = node.anchor {
                return .failure(.error(
                    at: location(node.mark),
                    "YAML anchors and aliases ('&\(anchor.rawValue)') are not supported in content files; write the value out"
                ))
            }
            switch node {
            case .scalar(let scalar):
                return .success(Self.resolve(scalar, at: location(scalar.mark)))
            case .sequence(let sequence):
                var items: [FrontMatterValue] = []
                for item in sequence {
                    switch convert(item) {
                    case .success(let value): items.append(value)
                    case .failure(let diagnostic): return .failure(diagnostic)
                    }
                }
                return .success(.array(items, location(sequence.mark)))
            case .mapping(let mapping):
                var entries: [(key: String, keyLocation: SourceLocation, value: FrontMatterValue)] = []
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        return .failure(.error(at: location(key.mark), "keys must be plain strings"))
                    }
                    switch convert(value) {
                    case .success(let converted):
                        entries.append((keyScalar.string, location(keyScalar.mark), converted))
                    case .failure(let diagnostic): return .failure(diagnostic)
                    }
                }
                return .success(.table(entries, location(mapping.mark)))
            case .alias(let alias):
                return .failure(.error(at: location(alias.mark), "YAML aliases are not supported in content files"))
            }
        }

        /// Quoted and block scalars are always strings; plain ones are typed by their spelling,
        /// with the YAML 1.2 core rules plus unquoted `YYYY-MM-DD` dates.
        static func resolve(_ scalar: Node.Scalar, at location: SourceLocation) -> FrontMatterValue {
            let text = scalar.string
            guard scalar.style == .plain || scalar.style == .any else { return .string(text, location) }
            switch text {
            case "", "~", "null", "Null", "NULL": return .null(location)
            case "true", "True", "TRUE": return .bool(true, location)
            case "false", "False", "FALSE": return .bool(false, location)
            default: break
            }
            if isInteger(text), let int = Int(text) { return .integer(int, location) }
            if isDecimal(text), let double = Double(text) { return .double(double, location) }
            if ContentDate(iso: text) != nil { return .date(text, location) }
            return .string(text, location)
        }

        static func isInteger(_ text: String) -> Bool {
            let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        }

        static func isDecimal(_ text: String) -> Bool {
            let body = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
            let mantissa = body.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
            return body.first?.isASCIIDigit == true && mantissa.contains(".")
                && body.allSatisfy { $0.isASCIIDigit || "+-.eE".contains($0) }
        }

        func diagnostic(for error: YamlError, fallback: SourceLocation) -> Diagnostic {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return .error(at: location(mark), "invalid YAML: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                return .error(at: location(context.mark), "duplicate key \(keys)")
            default:
                return .error(at: fallback, "invalid YAML: \(error)")
            }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
