import Mustache

/// A template context whose absent fields stay absent.
///
/// Mustache looks a name it cannot find up the context stack, and swift-mustache treats a nil
/// Optional as "not found". So an entry without a `description` printed the *page's*
/// description (the tag index repeated its lead under every tag). This wrapper answers for the
/// fields of the value it holds: a field that exists but is nil comes back as `Absent`, which
/// renders as nothing and is false in a section, so the lookup stops there. A name the value
/// does not have at all still climbs the stack, which is how page templates reach `site`.
struct StrictContext: MustacheParent, MustacheCustomRenderable, @unchecked Sendable {
    // Unchecked: it only ever holds the immutable value types of a page's (Sendable) context.
    let value: Any

    func child(named name: String) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == name }.map { Self.wrap($0.value) }
    }

    var renderText: String { String(describing: value) }
    var isNull: Bool { false }

    /// Wraps structs and the elements of arrays; strings, numbers, booleans and values that
    /// render themselves pass through, since Mustache must see their own types.
    static func wrap(_ value: Any) -> Any {
        if value is MustacheCustomRenderable || value is MustacheParent { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional: return mirror.children.first.map { wrap($0.value) } ?? Absent()
        case .struct, .class: return StrictContext(value: value)
        case .collection: return mirror.children.map { wrap($0.value) }
        default: return value
        }
    }
}

/// A field that is there but empty: renders as nothing, false in `{{#…}}`, true in `{{^…}}`.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
