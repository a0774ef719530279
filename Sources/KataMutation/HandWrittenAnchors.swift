import PatternsKatas
import SwiftParser
import SwiftSyntax

/// Where a hand-written mutant can sit in the schemata: the node whose two versions, the
/// reference's and the edited one, go behind the switch.
struct HandWrittenAnchor {
    enum Level {
        /// `(__kataMutant == i ? (edited) : (reference))`
        case expression
        /// `if __kataMutant == i { edited } else { reference }` around one statement
        case statement
        /// the same around a whole body, for edits to declarations or several statements
        case statements

        /// What the edited file must have in the anchor's place.
        func matches(_ node: Syntax) -> Bool {
            switch self {
            case .expression: node.is(ExprSyntax.self)
            case .statement: node.is(CodeBlockItemSyntax.self)
            case .statements: node.is(CodeBlockItemListSyntax.self)
            }
        }
    }

    var id: String
    var level: Level
    /// The node's code, without its surrounding trivia, as the edit leaves it.
    var editedText: String
}

/// Finds, for each hand-written edit, the smallest expression, statement or body that holds all
/// it changes — and only where the edited file parses the same kind of node over the same text,
/// so that switching between the two versions means exactly what the edited file means (an edit
/// turning `b * c` into `b + c` inside `a - b * c` does not: the edited file reads `(a - b) + c`).
/// An edit with no such node is left to a build of its own.
enum HandWrittenAnchors {
    static func find(_ edits: [HandWrittenEdit], in tree: Syntax, source: String) -> (anchors: [SyntaxIdentifier: [HandWrittenAnchor]], unanchored: [String]) {
        var anchors: [SyntaxIdentifier: [HandWrittenAnchor]] = [:]
        var unanchored: [String] = []
        for edit in edits {
            if let (node, anchor) = anchor(for: edit, in: tree, source: source) {
                anchors[node, default: []].append(anchor)
            } else {
                unanchored.append(edit.id)
            }
        }
        return (anchors, unanchored)
    }

    private static func anchor(for edit: HandWrittenEdit, in tree: Syntax, source: String) -> (SyntaxIdentifier, HandWrittenAnchor)? {
        // The first occurrence, as verify's `MutantApplier` edits it (it has checked there is one).
        guard !edit.replace.isEmpty, let found = source.range(of: edit.replace) else { return nil }
        let text = Array(source.utf8), replace = Array(edit.replace.utf8), replacement = Array(edit.replacement.utf8)
        let start = source.utf8.distance(from: source.startIndex, to: found.lowerBound)
        let edited = Array(text[..<start]) + replacement + Array(text[(start + replace.count)...])
        let editedTree = foldingOperators(Parser.parse(source: String(decoding: edited, as: UTF8.self)))
        // What really changes: the edit without the text `replace` and `with` share at either end.
        let changed = differingSpan(replace, replacement)
        let span = (start + changed.lowerBound)..<(start + changed.upperBound)
        let delta = replacement.count - replace.count

        var candidate = innermost(containing: span, in: tree)
        while let node = candidate {
            let range = node.positionAfterSkippingLeadingTrivia.utf8Offset..<node.endPositionBeforeTrailingTrivia.utf8Offset
            if let level = level(of: node), range.lowerBound <= span.lowerBound, span.upperBound <= range.upperBound,
               editedTree.hasNode(spanning: range.lowerBound..<(range.upperBound + delta), under: node.parent?.kind, matching: level.matches) {
                let editedText = String(decoding: edited[range.lowerBound..<(range.upperBound + delta)], as: UTF8.self)
                return (node.id, HandWrittenAnchor(id: edit.id, level: level, editedText: editedText))
            }
            candidate = node.parent
        }
        return nil
    }

    /// How a node can be switched, or nil when wrapping it would not compile or not mean the same.
    private static func level(of node: Syntax) -> HandWrittenAnchor.Level? {
        if node.ancestorOrSelf(where: { $0.is(AttributeSyntax.self) || $0.is(SwitchCaseLabelSyntax.self)
            || $0.is(MatchingPatternConditionSyntax.self) || $0.is(EnumCaseElementSyntax.self) || $0.is(TypeAnnotationSyntax.self) }) != nil {
            return nil
        }
        if let list = node.as(CodeBlockItemListSyntax.self) {
            return list.parent?.is(SourceFileSyntax.self) == false ? .statements : nil
        }
        if let item = node.as(CodeBlockItemSyntax.self) {
            if case .decl = item.item { return nil }
            // A guard's bindings are used after it; inside an `if` they would end with it.
            if let guardStatement = item.item.as(GuardStmtSyntax.self),
               guardStatement.conditions.contains(where: { !$0.condition.is(ExprSyntax.self) }) { return nil }
            if item.parent?.parent?.is(SourceFileSyntax.self) == true { return nil }
            return .statement
        }
        guard let expression = node.as(ExprSyntax.self), isSwitchable(expression) else { return nil }
        return .expression
    }

    /// Not an operator, an assigned-to place, an `inout` argument, a member's name, a callee, a
    /// trailing closure, or a `switch` or `if`.
    private static func isSwitchable(_ expression: ExprSyntax) -> Bool {
        if expression.is(BinaryOperatorExprSyntax.self) || expression.is(AssignmentExprSyntax.self)
            || expression.is(ArrowExprSyntax.self) || expression.is(InOutExprSyntax.self)
            || expression.is(PatternExprSyntax.self) || expression.is(DiscardAssignmentExprSyntax.self) {
            return false
        }
        // `switch` and `if` are expressions to the parser, but a `return` inside one that is a
        // statement cannot leave an expression: they are switched as statements.
        if expression.is(SwitchExprSyntax.self) || expression.is(IfExprSyntax.self) { return false }
        guard let parent = expression.parent else { return false }
        if parent.is(InOutExprSyntax.self) { return false }
        if let infix = parent.as(InfixOperatorExprSyntax.self), infix.leftOperand.id == expression.id,
           infix.operator.is(AssignmentExprSyntax.self)
            || infix.operator.as(BinaryOperatorExprSyntax.self).map({ MutationOperator.compound($0.operator.text) != nil }) == true {
            return false
        }
        if let member = parent.as(MemberAccessExprSyntax.self), member.declName.id == expression.id { return false }
        if let call = parent.as(FunctionCallExprSyntax.self) {
            if call.calledExpression.id == expression.id { return false }
            if call.trailingClosure?.id == expression.id { return false }
        }
        if parent.is(MultipleTrailingClosureElementSyntax.self) { return false }
        return true
    }

    /// The innermost node whose own text (without trivia) covers the span.
    private static func innermost(containing span: Range<Int>, in node: Syntax) -> Syntax? {
        for child in node.children(viewMode: .sourceAccurate) {
            let range = child.positionAfterSkippingLeadingTrivia.utf8Offset..<child.endPositionBeforeTrailingTrivia.utf8Offset
            if range.lowerBound <= span.lowerBound && span.upperBound <= range.upperBound && !child.is(TokenSyntax.self) {
                return innermost(containing: span, in: child) ?? child
            }
        }
        return nil
    }

    /// The part of `a` that `b` changes, in `a`'s offsets, never splitting a UTF-8 sequence.
    static func differingSpan(_ a: [UInt8], _ b: [UInt8]) -> Range<Int> {
        var prefix = 0
        while prefix < min(a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        while prefix > 0 && prefix < a.count && a[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        while suffix > 0 && a[a.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        return prefix..<(a.count - suffix)
    }
}

private extension Syntax {
    func ancestorOrSelf(where predicate: (Syntax) -> Bool) -> Syntax? {
        var current: Syntax? = self
        while let node = current {
            if predicate(node) { return node }
            current = node.parent
        }
        return nil
    }

    /// Whether some node here spans exactly `range` (without trivia), is what `matching` wants and
    /// sits under a parent of kind `parentKind`: then the edit left the code around it alone.
    func hasNode(spanning range: Range<Int>, under parentKind: SyntaxKind?, matching: (Syntax) -> Bool) -> Bool {
        let start = positionAfterSkippingLeadingTrivia.utf8Offset, end = endPositionBeforeTrailingTrivia.utf8Offset
        guard start <= range.lowerBound && range.upperBound <= end else { return false }
        if start == range.lowerBound && end == range.upperBound && matching(self) && parent?.kind == parentKind {
            return true
        }
        return children(viewMode: .sourceAccurate).contains { $0.hasNode(spanning: range, under: parentKind, matching: matching) }
    }
}
