import SwiftSyntax

/// Prints one Swift file back with every mutation point turned into a run-time choice:
/// `(__kataMutant == 7 ? (a <= b) : (a < b))`, `if __kataMutant != 8 { count = 0 }`,
/// `if __kataFlip(9, ready) { … }`.
///
/// A printer over the original tree rather than a `SyntaxRewriter`: a point's two arms are both
/// printed from the same children, which carry their own (nested) points.
struct SchemataRenderer {
    static let switchName = "__kataMutant"
    /// `__kataFlip(i, c)`: `c` negated when mutant `i` is on (declared beside the switch).
    static let flipName = "__kataFlip"

    let file: String
    let converter: SourceLocationConverter
    let registry: MutantRegistry
    /// Hand-written mutants folded in, by the node whose two versions they switch between.
    var anchors: [SyntaxIdentifier: [HandWrittenAnchor]] = [:]

    /// Where the printer is: which declaration (for ids) and whether code here may be mutated.
    struct Context {
        var declaration: [String] = []
        /// False inside attributes, patterns, enum raw values and contract calls.
        var mutable = true
        /// Assignments in an initializer set up stored properties; dropping one does not compile.
        var inInitializer = false

        var name: String { declaration.isEmpty ? "<file>" : declaration.joined(separator: ".") }
    }

    func render(_ node: Syntax, _ outer: Context) -> String {
        if let token = node.as(TokenSyntax.self) { return token.description }
        // A statement's anchors are switched where statements are rendered, with their points.
        if let anchors = anchors[node.id], anchors.first?.level != .statement {
            return switched(node, anchors, renderPoints(node, outer))
        }
        return renderPoints(node, outer)
    }

    private func renderPoints(_ node: Syntax, _ outer: Context) -> String {
        let context = DeclarationNaming.enter(node, outer)
        if context.mutable, let element = node.as(ConditionElementSyntax.self), case .expression(let condition) = element.condition {
            return renderCondition(element, condition, context)
        }
        if context.mutable, let point = expressionPoint(node, context) {
            return point.alternatives.isEmpty ? point.original : choose(node, among: point.alternatives, original: point.original)
        }
        if let list = node.as(CodeBlockItemListSyntax.self) {
            return renderStatements(list, context)
        }
        return children(node, context)
    }

    private func children(_ node: Syntax, _ context: Context) -> String {
        node.children(viewMode: .sourceAccurate).map { render($0, context) }.joined()
    }

    // MARK: Expressions

    /// A mutable expression: its own rendering, and each registered mutant's replacement
    /// (switch index, text without the node's trivia). Children are rendered once, so each
    /// nested point is registered once and appears in both arms.
    private func expressionPoint(_ node: Syntax, _ context: Context) -> (original: String, alternatives: [(Int, String)])? {
        if let infix = node.as(InfixOperatorExprSyntax.self),
           let op = infix.operator.as(BinaryOperatorExprSyntax.self),
           let (kind, replacement) = MutationOperator.binary(op.operator.text) {
            let token = op.operator
            // Registered before its operands, so ids count outer points before inner ones.
            let index = register(node, kind, context, "`\(token.text)` → `\(replacement)`")
            let left = render(Syntax(infix.leftOperand), context), right = render(Syntax(infix.rightOperand), context)
            let original = left + token.description + right
            let mutated = left + token.leadingTrivia.description + replacement + token.trailingTrivia.description + right
            return (original, index.map { [($0, trimmed(mutated, like: node))] } ?? [])
        }
        if let literal = node.as(IntegerLiteralExprSyntax.self)?.literal ?? node.as(FloatLiteralExprSyntax.self)?.literal {
            let alternatives = MutationOperator.constants(literal.text).compactMap { kind, value in
                register(node, kind, context, "`\(literal.text)` → `\(value)`").map { ($0, value) }
            }
            return (literal.description, alternatives)
        }
        if let literal = node.as(BooleanLiteralExprSyntax.self)?.literal {
            let flipped = literal.text == "true" ? "false" : "true"
            let index = register(node, .boolean, context, "`\(literal.text)` → `\(flipped)`")
            return (literal.description, index.map { [($0, flipped)] } ?? [])
        }
        if let prefix = node.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "!" {
            let index = register(node, .removeNot, context, "`!` removed")
            let operand = render(Syntax(prefix.expression), context)
            return (prefix.operator.description + operand, index.map { [($0, trimmed(operand, like: Syntax(prefix.expression)))] } ?? [])
        }
        if let call = node.as(FunctionCallExprSyntax.self), let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
           let swapped = ["min": "max", "max": "min"][callee.baseName.text] {
            let name = callee.baseName
            let index = register(node, .minMax, context, "`\(name.text)` → `\(swapped)`")
            let rest = call.children(viewMode: .sourceAccurate).dropFirst().map { render($0, context) }.joined()
            let mutated = name.leadingTrivia.description + swapped + name.trailingTrivia.description + rest
            return (name.description + rest, index.map { [($0, trimmed(mutated, like: node))] } ?? [])
        }
        return nil
    }

    /// `if c`, `guard c`, `while c`: the whole condition negated, its inner points kept.
    private func renderCondition(_ element: ConditionElementSyntax, _ condition: ExprSyntax, _ context: Context) -> String {
        // `while true` is structure, not a decision: a loop the compiler cannot prove endless
        // leaves the function without a return, an error no mutant's code contains.
        if condition.is(BooleanLiteralExprSyntax.self) {
            var frozen = context
            frozen.mutable = false
            return children(Syntax(element), frozen)
        }
        let inner = render(Syntax(condition), context)
        let comma = element.trailingComma.map { render(Syntax($0), context) } ?? ""
        guard let index = register(Syntax(condition), .negateCondition, context, "condition negated") else {
            return inner + comma
        }
        // One copy of the condition, typed as `Bool` by the helper: a ternary holding it twice
        // doubles what the type checker solves at each nested condition.
        return leading(condition) + "\(Self.flipName)(\(index), \(trimmed(inner, like: Syntax(condition))))" + trailing(condition) + comma
    }

    /// `(__kataMutant == i ? (m1) : __kataMutant == j ? (m2) : (original))`, trivia outside.
    private func choose(_ node: Syntax, among alternatives: [(Int, String)], original: String) -> String {
        let arms = alternatives.map { "\(Self.switchName) == \($0.0) ? (\($0.1)) : " }.joined()
        return leading(node) + "(" + arms + "(" + trimmed(original, like: node) + "))" + trailing(node)
    }

    // MARK: Statements

    private func renderStatements(_ list: CodeBlockItemListSyntax, _ context: Context) -> String {
        var out = ""
        if context.mutable, let first = list.first, let index = earlyReturn(list, context) {
            out += leading(first) + "if \(Self.switchName) == \(index) { return }; "
        }
        for item in list {
            out += renderStatement(item, isSole: list.count == 1, context)
        }
        return out
    }

    /// Skipping a whole body: only for functions that return nothing, and not initializers.
    private func earlyReturn(_ list: CodeBlockItemListSyntax, _ context: Context) -> Int? {
        guard let body = list.parent?.as(CodeBlockSyntax.self), let function = body.parent?.as(FunctionDeclSyntax.self),
              function.signature.returnClause == nil else { return nil }
        return register(Syntax(body), .earlyReturn, context, "returns at once", shown: function.name.text + "(…)")
    }

    private func renderStatement(_ item: CodeBlockItemSyntax, isSole: Bool, _ context: Context) -> String {
        let rendered = renderStatementPoints(item, isSole: isSole, context)
        guard let anchors = anchors[item.id] else { return rendered }
        return switched(Syntax(item), anchors, rendered)
    }

    private func renderStatementPoints(_ item: CodeBlockItemSyntax, isSole: Bool, _ context: Context) -> String {
        guard context.mutable, case .expr(let expression) = item.item else { return render(Syntax(item), context) }
        var branches: [String] = []
        let text: String
        if let infix = expression.as(InfixOperatorExprSyntax.self), !context.inInitializer,
           let op = infix.operator.as(BinaryOperatorExprSyntax.self), let swapped = MutationOperator.compound(op.operator.text) {
            // `x += 1`: the swap is a statement of its own; operands rendered once for both.
            let left = render(Syntax(infix.leftOperand), context), right = render(Syntax(infix.rightOperand), context)
            let token = op.operator
            text = left + token.description + right + (item.semicolon?.description ?? "")
            if let index = register(Syntax(infix), .compoundAssignment, context, "`\(token.text)` → `\(swapped)`") {
                let mutated = left + token.leadingTrivia.description + swapped + token.trailingTrivia.description + right
                branches.append("if \(Self.switchName) == \(index) { \(trimmed(mutated, like: Syntax(infix))) }")
            }
        } else {
            text = render(Syntax(item), context)
        }
        let body = trimmed(text, like: Syntax(item))
        if isRemovable(expression, isSole: isSole, context),
           let index = register(Syntax(item), .removeStatement, context, "statement removed") {
            branches.append("if \(Self.switchName) != \(index) { \(body) }")
        } else if !branches.isEmpty {
            branches.append("{ \(body) }")
        }
        guard !branches.isEmpty else { return text }
        return leading(item) + branches.joined(separator: " else ") + trailing(item)
    }

    /// Assignments and calls; not a contract check, not an initializer's set-up, and not the
    /// only statement of a closure or getter, whose value it may be.
    private func isRemovable(_ expression: ExprSyntax, isSole: Bool, _ context: Context) -> Bool {
        var core = expression
        while true {
            if let wrapped = core.as(TryExprSyntax.self) { core = wrapped.expression }
            else if let wrapped = core.as(AwaitExprSyntax.self) { core = wrapped.expression }
            else { break }
        }
        if let infix = core.as(InfixOperatorExprSyntax.self) {
            let assigns = infix.operator.is(AssignmentExprSyntax.self)
                || infix.operator.as(BinaryOperatorExprSyntax.self).map { MutationOperator.compound($0.operator.text) != nil } == true
            return assigns && !context.inInitializer && !DeclarationNaming.initializesLetLater(infix.leftOperand)
        }
        guard let call = core.as(FunctionCallExprSyntax.self) else { return false }
        if let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
           MutationOperator.contractCalls.contains(callee.baseName.text) { return false }
        if context.inInitializer { return false }
        return !(isSole && DeclarationNaming.mayBeImplicitReturn(expression))
    }

    // MARK: Hand-written mutants

    /// The edited versions of `node` and, last, the reference's (`rendered`, with its points).
    /// Lines break around statements, whose text may end in a `//` comment.
    private func switched(_ node: Syntax, _ anchors: [HandWrittenAnchor], _ rendered: String) -> String {
        let location = node.startLocation(converter: converter, afterLeadingTrivia: true)
        let arms = anchors.compactMap { anchor in
            registry.registerHandWritten(id: anchor.id, file: file, line: location.line, column: location.column)
                .map { ($0, anchor.editedText) }
        }
        guard let level = anchors.first?.level, !arms.isEmpty else { return rendered }
        if level == .expression { return choose(node, among: arms, original: rendered) }
        let edited = arms.map { "if \(Self.switchName) == \($0.0) {\n\($0.1)\n} else " }.joined()
        return leading(node) + edited + "{\n" + trimmed(rendered, like: node) + "\n}" + trailing(node)
    }

    // MARK: Registration and trivia

    private func register(_ node: Syntax, _ op: MutationOperator, _ context: Context, _ change: String,
                          shown: String? = nil) -> Int? {
        let location = node.startLocation(converter: converter)
        let snippet = shown ?? node.trimmedDescription.split(separator: "\n").first.map(String.init) ?? ""
        let shown = snippet.count > 60 ? String(snippet.prefix(57)) + "…" : snippet
        return registry.register(
            declaration: context.name, op, file: file, line: location.line, column: location.column,
            description: "line \(location.line): \(change) in `\(shown)`"
        )
    }

    private func leading(_ node: some SyntaxProtocol) -> String { node.leadingTrivia.description }
    private func trailing(_ node: some SyntaxProtocol) -> String { node.trailingTrivia.description }

    /// A rendering of `node` without the node's own leading and trailing trivia.
    private func trimmed(_ text: String, like node: Syntax) -> String {
        var result = Substring(text)
        let lead = leading(node), trail = trailing(node)
        if result.hasPrefix(lead) { result = result.dropFirst(lead.count) }
        if !trail.isEmpty, result.hasSuffix(trail) { result = result.dropLast(trail.count) }
        return String(result)
    }
}
