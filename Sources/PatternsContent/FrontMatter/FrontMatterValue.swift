/// A front-matter value with the place it was written, decoded from YAML or TOML alike.
///
/// Both formats parse into this one tree, so typed decoding and its error messages are written
/// once. Every node keeps its `SourceLocation`, so an error can point at the exact value.
public indirect enum FrontMatterValue: Hashable, Sendable {
    case string(String, SourceLocation)
    case integer(Int, SourceLocation)
    case double(Double, SourceLocation)
    case bool(Bool, SourceLocation)
    /// TOML dates and YAML scalars that look like dates stay as their ISO text.
    case date(String, SourceLocation)
    case array([FrontMatterValue], SourceLocation)
    /// Keys in the order written, each with the location of the key itself.
    case table([(key: String, keyLocation: SourceLocation, value: FrontMatterValue)], SourceLocation)
    case null(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .string(_, let l), .integer(_, let l), .double(_, let l), .bool(_, let l),
             .date(_, let l), .array(_, let l), .table(_, let l), .null(let l):
            l
        }
    }

    public static func == (lhs: FrontMatterValue, rhs: FrontMatterValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a, la), .string(b, lb)): a == b && la == lb
        case let (.integer(a, la), .integer(b, lb)): a == b && la == lb
        case let (.double(a, la), .double(b, lb)): a == b && la == lb
        case let (.bool(a, la), .bool(b, lb)): a == b && la == lb
        case let (.date(a, la), .date(b, lb)): a == b && la == lb
        case let (.array(a, la), .array(b, lb)): a == b && la == lb
        case let (.table(a, la), .table(b, lb)):
            la == lb && a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.keyLocation == $1.keyLocation && $0.value == $1.value }
        case let (.null(la), .null(lb)): la == lb
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
    }
}
