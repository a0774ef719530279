@testable import PatternsKatas
import Testing
@testable import KataMutation

@Suite("hand-written mutants, folded into the schemata")
struct HandWrittenFoldingTests {
    func fold(_ source: String, replace: String, with replacement: String) -> (text: String, folded: [GeneratedMutant]) {
        let edit = HandWrittenEdit(id: "hand", file: "F.swift", replace: replace, replacement: replacement)
        let generated = MutantSchemata.generate(files: ["F.swift": source], handWritten: [edit])
        return (generated.files["F.swift"]!, generated.folded)
    }

    func index(_ folded: [GeneratedMutant]) -> Int? { folded.first { $0.id == "hand" }?.index }

    @Test("an edit inside one expression switches that expression, beside the generated points")
    func expression() {
        let (text, folded) = fold("func f(n: Int, limit: Int, open: Bool) -> Bool { n < limit && !open }\n",
                                  replace: "n < limit", with: "n <= limit")
        let hand = try! #require(index(folded), "not folded: \(text)")
        #expect(text.contains("(__kataMutant == \(hand) ? (n <= limit) : ("), "\(text)")
        #expect(text.contains("? (n <= limit) : (n < limit)"), "the generated boundary swap is still there: \(text)")
    }

    @Test("an edit that regroups operators switches the whole expression the edited file regroups")
    func precedence() {
        // `a - b * c` edited to `a - b + c` reads `(a - b) + c`: switching `b * c` alone would be wrong.
        let (text, folded) = fold("func f(a: Int, b: Int, c: Int) -> Int { a - b * c }\n", replace: "b * c", with: "b + c")
        let hand = try! #require(index(folded), "not folded: \(text)")
        #expect(text.contains("(__kataMutant == \(hand) ? (a - b + c) : ("), "\(text)")
    }

    @Test("an edit to a member's name switches the whole member access, never the name alone")
    func memberName() {
        let (text, folded) = fold("func f(_ s: [Int]) -> Int { s.count }\n", replace: "s.count", with: "s.startIndex")
        let hand = try! #require(index(folded), "not folded: \(text)")
        #expect(text.contains("(__kataMutant == \(hand) ? (s.startIndex) : (s.count))"), "\(text)")
    }

    @Test("an edit to a declaration switches the whole body, its last line comment kept apart")
    func body() {
        let source = "func f() -> Int {\n    let k = 2 // two\n    return k\n}\n"
        let (text, folded) = fold(source, replace: "let k = 2 // two", with: "var k = 3 // three")
        let hand = try! #require(index(folded), "not folded: \(text)")
        #expect(text.contains("if __kataMutant == \(hand) {\nvar k = 3 // three\n    return k\n} else {\n"), "\(text)")
    }

    @Test("an edit to one statement switches that statement")
    func statement() {
        let source = "func f(_ x: Int) -> Int {\n    guard x > 0 else { return 0 }\n    return x\n}\n"
        let (text, folded) = fold(source, replace: "guard x > 0 else { return 0 }", with: "if x < 0 { return 0 }")
        let hand = try! #require(index(folded), "not folded: \(text)")
        #expect(text.contains("if __kataMutant == \(hand) {\nif x < 0 { return 0 }\n} else {\nguard "), "\(text)")
    }

    @Test("an edit across a `switch` switches the `switch` as a statement, so its `return`s still return")
    func switchStatement() {
        let source = "func f(_ x: Int) -> Bool {\n    switch x {\n    case 0: return true\n    default: return false\n    }\n}\n"
        let (text, folded) = fold(source, replace: "case 0: return true\n    default: return false", with: "default: return false")
        let hand = try! #require(index(folded), "not folded: \(text)")
        #expect(text.contains("if __kataMutant == \(hand) {\nswitch x {\n    default: return false\n    }\n} else {\n"), "\(text)")
    }

    @Test("an edit outside any body (a stored property) is not folded: it is built on its own")
    func member() {
        let (text, folded) = fold("struct S {\n    var limit: Int = 1\n    var other = 0\n}\n", replace: "var other = 0", with: "let other = 0")
        #expect(folded.isEmpty, "\(text)")
    }

    @Test("a folded mutant can be excluded like a generated one, and the others keep their ids")
    func exclusion() {
        let source = "func f(n: Int, limit: Int) -> Bool { n < limit }\n"
        let edit = HandWrittenEdit(id: "hand", file: "F.swift", replace: "n < limit", replacement: "n <= limit")
        let all = MutantSchemata.generate(files: ["F.swift": source], handWritten: [edit])
        let fewer = MutantSchemata.generate(files: ["F.swift": source], handWritten: [edit], excluding: ["hand"])
        #expect(fewer.folded.isEmpty)
        #expect(fewer.mutants.map(\.id) == all.mutants.map(\.id))
        #expect(!fewer.files["F.swift"]!.contains("n <= limit) : (__kataMutant"))
    }

    @Test("the span an edit changes leaves out what `replace` and `with` share")
    func differingSpan() {
        #expect(HandWrittenAnchors.differingSpan(Array("a >= b".utf8), Array("a > b".utf8)) == 3..<4)
        #expect(HandWrittenAnchors.differingSpan(Array("x".utf8), Array("x + 1".utf8)) == 1..<1)
        #expect(HandWrittenAnchors.differingSpan(Array("abc".utf8), Array("abc".utf8)) == 3..<3)
    }

    @Test("an early return and the statement after it are separated even on one line")
    func earlyReturnOnOneLine() {
        let text = MutantSchemata.generate(files: ["F.swift": "final class C { var on = false; func go() { on = true } }\n"]).files["F.swift"]!
        #expect(text.contains("{ return }; "), "\(text)")
    }
}
