import PatternsContent

/// One build of a kata's tests against one implementation, as its own pair of targets.
public struct Variant: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The committed `Sources/`: must fail at least one test.
        case stub
        /// the reference (`.meta/solution/`): must pass every test.
        case reference
        /// the reference (`.meta/solution/`) with one edit: must fail at least one test.
        case mutant(Kata.Mutant)
        /// the reference (`.meta/solution/`) rewritten as mutant schemata: with no mutant switched on it must pass every
        /// test, and each generated mutant is one run of the same build.
        case schemata
        /// A kata whose files could not be turned into variants at all (e.g. no tests).
        case invalid
    }

    public var kataID: String
    public var kind: Kind
    /// A valid Swift identifier, unique in the scratch package, e.g. `CircuitBreakerKata__stub`.
    public var module: String
    /// File name → contents.
    public var sources: [String: String]
    public var tests: [String: String]

    public init(kataID: String, kind: Kind, module: String, sources: [String: String], tests: [String: String]) {
        self.kataID = kataID
        self.kind = kind
        self.module = module
        self.sources = sources
        self.tests = tests
    }

    public var testTarget: String { module + "Tests" }

    public var label: String {
        switch kind {
        case .stub: "stub"
        case .reference: "reference"
        case .mutant(let mutant): "mutant \(mutant.id)"
        case .schemata: "generated schemata"
        case .invalid: "kata"
        }
    }
}

/// The Swift files of one kata, by folder: file name → contents.
public struct KataFiles: Hashable, Sendable {
    public var sources: [String: String]
    public var tests: [String: String]
    public var solution: [String: String]

    public init(sources: [String: String], tests: [String: String], solution: [String: String]) {
        self.sources = sources
        self.tests = tests
        self.solution = solution
    }
}

/// Why a kata could not be turned into variants; each names the kata and what to fix.
public struct VariantError: Error, Hashable, Sendable, CustomStringConvertible {
    public var kataID: String
    /// The mutant at fault, if the problem is one mutant's.
    public var mutant: Kata.Mutant?
    public var message: String

    public init(kataID: String, mutant: Kata.Mutant? = nil, _ message: String) {
        self.kataID = kataID
        self.mutant = mutant
        self.message = message
    }

    public var description: String { "\(kataID): \(message)" }
}
