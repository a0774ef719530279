/// The operators a mutant is made with, named as they appear in a generated mutant's id.
///
/// The set follows the classic mutation tools (PIT, Stryker, mull, mutmut): boundaries and
/// comparisons flipped, arithmetic swapped, constants nudged, conditions negated, statements
/// removed, bodies skipped.
enum MutationOperator: String, CaseIterable {
    case boundary                       // < ↔ <=, > ↔ >=
    case equality                       // == ↔ !=
    case arithmetic                     // + ↔ -, * ↔ /, % → *
    case logical                        // && ↔ ||
    case compoundAssignment = "compound-assignment"   // += ↔ -=, *= ↔ /=
    case constantPlusOne = "constant+1"
    case constantMinusOne = "constant-1"
    case constantTimesTwo = "constant*2"
    case boolean                        // true ↔ false
    case negateCondition = "negate-condition"         // if c → if !c (also guard, while)
    case removeNot = "remove-not"       // !x → x
    case minMax = "min-max"             // min ↔ max
    case removeStatement = "remove-statement"         // an assignment or a call, dropped
    case earlyReturn = "early-return"   // a function returning nothing returns at once

    /// The replacement a binary operator gets, with the operator that makes it.
    static func binary(_ text: String) -> (MutationOperator, String)? {
        switch text {
        case "<": (.boundary, "<=")
        case "<=": (.boundary, "<")
        case ">": (.boundary, ">=")
        case ">=": (.boundary, ">")
        case "==": (.equality, "!=")
        case "!=": (.equality, "==")
        case "+": (.arithmetic, "-")
        case "-": (.arithmetic, "+")
        case "*": (.arithmetic, "/")
        case "/": (.arithmetic, "*")
        case "%": (.arithmetic, "*")
        case "&&": (.logical, "||")
        case "||": (.logical, "&&")
        default: nil
        }
    }

    /// The swapped compound assignment, for `x += 1` as a statement.
    static func compound(_ text: String) -> String? {
        ["+=": "-=", "-=": "+=", "*=": "/=", "/=": "*="][text]
    }

    /// Numeric constants: one more, one less, twice; a variant equal to the original is dropped.
    static func constants(_ literal: String) -> [(MutationOperator, String)] {
        let digits = literal.filter { $0 != "_" }
        var seen: Set<String> = [digits]
        var result: [(MutationOperator, String)] = []
        func add(_ op: MutationOperator, _ text: String) {
            if seen.insert(text).inserted { result.append((op, text)) }
        }
        if let value = Int(digits) {
            add(.constantPlusOne, String(value + 1))
            add(.constantMinusOne, String(value - 1))
            add(.constantTimesTwo, String(value * 2))
        } else if let value = Double(digits), value.isFinite {
            add(.constantPlusOne, String(value + 1))
            add(.constantMinusOne, String(value - 1))
            add(.constantTimesTwo, String(value * 2))
        }
        return result
    }

    /// Calls that state a contract rather than behaviour: code inside them is not mutated (a
    /// test cannot observe a trap), and they are never removed.
    static let contractCalls: Set<String> = [
        "precondition", "preconditionFailure", "assert", "assertionFailure", "fatalError", "dispatchPrecondition",
    ]
}
