import SwiftSyntax

/// Names the declaration a mutation point is in, and marks code that must not be mutated.
enum DeclarationNaming {
    /// The context inside `node`.
    static func enter(_ node: Syntax, _ outer: SchemataRenderer.Context) -> SchemataRenderer.Context {
        var context = outer
        if let name = name(of: node) { context.declaration.append(name) }
        if node.is(InitializerDeclSyntax.self) { context.inInitializer = true }
        if node.is(FunctionDeclSyntax.self) || node.is(AccessorDeclSyntax.self) { context.inInitializer = false }
        if isFrozen(node) { context.mutable = false }
        return context
    }

    /// `Type`, `method(label:)`, `init(label:)`, `property`: what a mutant id is prefixed with.
    private static func name(of node: Syntax) -> String? {
        if let decl = node.as(ClassDeclSyntax.self) { return decl.name.text }
        if let decl = node.as(StructDeclSyntax.self) { return decl.name.text }
        if let decl = node.as(EnumDeclSyntax.self) { return decl.name.text }
        if let decl = node.as(ActorDeclSyntax.self) { return decl.name.text }
        if let decl = node.as(ExtensionDeclSyntax.self) { return decl.extendedType.trimmedDescription }
        if let decl = node.as(FunctionDeclSyntax.self) { return decl.name.text + labels(decl.signature.parameterClause) }
        if let decl = node.as(InitializerDeclSyntax.self) { return "init" + labels(decl.signature.parameterClause) }
        if node.is(DeinitializerDeclSyntax.self) { return "deinit" }
        if let decl = node.as(SubscriptDeclSyntax.self) { return "subscript" + labels(decl.parameterClause) }
        if let binding = node.as(PatternBindingSyntax.self) { return binding.pattern.trimmedDescription }
        return nil
    }

    private static func labels(_ clause: FunctionParameterClauseSyntax) -> String {
        "(" + clause.parameters.map { "\($0.firstName.text):" }.joined() + ")"
    }

    /// Code whose mutation would not compile or could not be observed: attributes, `case`
    /// patterns, enum raw values, `#if` conditions, and the arguments of contract checks.
    private static func isFrozen(_ node: Syntax) -> Bool {
        if node.is(AttributeSyntax.self) || node.is(SwitchCaseLabelSyntax.self) || node.is(EnumCaseElementSyntax.self)
            || node.is(MatchingPatternConditionSyntax.self) || node.is(IfConfigClauseSyntax.self)
            || node.is(TypeAnnotationSyntax.self) || node.is(GenericArgumentClauseSyntax.self) {
            return true
        }
        if let call = node.as(FunctionCallExprSyntax.self), let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) {
            return MutationOperator.contractCalls.contains(callee.baseName.text)
        }
        return false
    }

    /// A lone expression in a closure, a getter or a function that returns a value is that
    /// value (an implicit return); wrapping it in an `if` would not compile.
    static func mayBeImplicitReturn(_ expression: ExprSyntax) -> Bool {
        guard let list = expression.parent?.parent?.as(CodeBlockItemListSyntax.self), let owner = list.parent else { return false }
        if owner.is(ClosureExprSyntax.self) || owner.is(AccessorBlockSyntax.self) { return true }
        // A branch of a `switch` or `if` may be the value of the function around it.
        if owner.is(SwitchCaseSyntax.self) || owner.parent?.is(IfExprSyntax.self) == true { return returnsValue(around: owner) }
        guard let block = owner.as(CodeBlockSyntax.self), let holder = block.parent else { return false }
        if let function = holder.as(FunctionDeclSyntax.self) { return function.signature.returnClause != nil }
        return holder.is(AccessorDeclSyntax.self)
    }

    private static func returnsValue(around node: Syntax) -> Bool {
        var current = node.parent
        while let candidate = current {
            if let function = candidate.as(FunctionDeclSyntax.self) { return function.signature.returnClause != nil }
            if candidate.is(ClosureExprSyntax.self) || candidate.is(AccessorDeclSyntax.self) { return true }
            if candidate.is(InitializerDeclSyntax.self) || candidate.is(DeinitializerDeclSyntax.self) { return false }
            current = candidate.parent
        }
        return false
    }

    /// `let x: T` declared first and assigned later (in a `do`, say): dropping the assignment
    /// leaves a constant read before it is set, which the compiler rejects outside the mutant.
    static func initializesLetLater(_ target: ExprSyntax) -> Bool {
        guard let name = target.as(DeclReferenceExprSyntax.self)?.baseName.text else { return false }
        var current = target.parent
        while let node = current {
            if let list = node.as(CodeBlockItemListSyntax.self) {
                for item in list {
                    guard case .decl(let decl) = item.item, let variable = decl.as(VariableDeclSyntax.self),
                          variable.bindingSpecifier.tokenKind == .keyword(.let) else { continue }
                    if variable.bindings.contains(where: { $0.pattern.trimmedDescription == name && $0.initializer == nil }) {
                        return true
                    }
                }
            }
            if node.is(FunctionDeclSyntax.self) || node.is(ClosureExprSyntax.self) { return false }
            current = node.parent
        }
        return false
    }
}
