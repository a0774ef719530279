/// What raw HTML an author may write in Markdown: an allowlist of elements and attributes
/// covering text markup, tables, `<details>`, content tabs and inline SVG diagrams, with URLs
/// limited to safe schemes. Everything else is removed and reported.
///
/// No maintained Swift HTML sanitizer is among the packages this project may use (SwiftSoup is
/// not), so this one works on `HTMLTokenizer`, which splits markup as a browser does, and
/// re-serialises only what it kept: no regular expression guesses at tags.
enum RawHTMLPolicy {
    static let htmlElements: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
        "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
        "time", "tr", "u", "ul", "var", "wbr",
    ]
    static let svgElements: Set<String> = [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "title", "desc", "defs", "marker", "lineargradient", "radialgradient", "stop", "symbol", "use",
        "clippath",
    ]
    /// Elements whose content is not text a reader should see, dropped with them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "xmp", "frameset",
    ]
    static let globalAttributes: Set<String> = ["id", "class", "title", "lang", "dir", "role", "hidden"]
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "rel"], "img": ["src", "alt", "width", "height", "loading"],
        "td": ["colspan", "rowspan", "align"], "th": ["colspan", "rowspan", "align", "scope"],
        "ol": ["start", "type", "reversed"], "details": ["open"], "label": ["for"], "time": ["datetime"],
        "col": ["span"], "colgroup": ["span"], "q": ["cite"], "blockquote": ["cite"],
        "input": ["type", "name", "checked", "disabled", "value"],
    ]
    static let svgAttributes: Set<String> = [
        "viewbox", "width", "height", "xmlns", "xmlns:xlink", "fill", "stroke", "stroke-width",
        "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "opacity", "fill-opacity", "stroke-opacity",
        "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "points", "dx", "dy",
        "text-anchor", "dominant-baseline", "font-size", "font-family", "font-weight", "font-style",
        "marker-start", "marker-mid", "marker-end", "markerwidth", "markerheight", "markerunits", "refx", "refy",
        "orient", "offset", "stop-color", "stop-opacity", "gradientunits", "preserveaspectratio", "clip-path",
        "href", "xlink:href", "aria-label", "aria-hidden", "focusable",
    ]
    static let urlAttributes: Set<String> = ["href", "src", "cite", "xlink:href"]
    /// The input types content tabs and task lists use; others would make a form.
    static let inputTypes: Set<String> = ["radio", "checkbox"]

    /// `html` with only allowed markup, and a message per thing removed.
    static func sanitize(_ html: String) -> (html: String, removed: [String]) {
        var output = ""
        var removed: [String] = []
        var skippingUntil: String?
        for token in HTMLTokenizer.tokenize(html) {
            if let closing = skippingUntil {
                if case .endTag(let name) = token, name == closing { skippingUntil = nil }
                continue
            }
            switch token {
            case .text(let text):
                output += text.replacingLoneAngleBrackets
            case .comment(let body):
                // A comment runs nothing; `--` inside is what would make it end early.
                output += body.contains("--") ? "" : "<!--\(body)-->"
            case .other(let markup):
                removed.append("raw HTML '\(markup.prefix(40))' is not allowed")
            case .endTag(let name):
                if htmlElements.contains(name) || svgElements.contains(name) { output += "</\(name)>" }
                else if !droppedWithContent.contains(name) { removed.append("raw HTML element <\(name)> is not allowed") }
            case .startTag(let name, let attributes, let selfClosing):
                guard htmlElements.contains(name) || svgElements.contains(name) else {
                    removed.append("raw HTML element <\(name)> is not allowed")
                    if droppedWithContent.contains(name), !selfClosing { skippingUntil = name }
                    continue
                }
                var tag = "<\(name)"
                for attribute in attributes {
                    if let problem = problem(with: attribute, on: name) {
                        removed.append(problem)
                    } else {
                        tag += attribute.value.isEmpty && !urlAttributes.contains(attribute.key)
                            ? " \(attribute.name)" : " \(attribute.name)=\"\(HTMLEscaping.escape(attribute.value))\""
                    }
                }
                output += tag + (selfClosing ? "/>" : ">")
            }
        }
        return (output, removed)
    }

    private static func problem(with attribute: HTMLAttribute, on element: String) -> String? {
        let name = attribute.key
        let isARIA = name.hasPrefix("aria-") && name.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
        let allowed = globalAttributes.contains(name) || isARIA
            || elementAttributes[element, default: []].contains(name)
            || (svgElements.contains(element) && svgAttributes.contains(name))
        guard allowed else { return "attribute '\(name)' is not allowed on <\(element)>" }
        if urlAttributes.contains(name), !URLPolicy.isSafe(attribute.value) {
            return "unsafe URL '\(attribute.value.prefix(40))' in \(name) of <\(element)>"
        }
        if element == "input", name == "type", !inputTypes.contains(attribute.value.lowercased()) {
            return "<input type=\"\(attribute.value)\"> is not allowed (only radio and checkbox)"
        }
        return nil
    }
}

/// Which link targets a page may carry: web and mail URLs and relative ones. `javascript:`,
/// `data:`, `vbscript:`, `file:` and every other scheme are refused, however they are spelled.
enum URLPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    static func isSafe(_ url: String) -> Bool {
        // Browsers ignore ASCII whitespace and controls inside a scheme: `java\tscript:`.
        let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let beforeColon = compact[..<colon]
        // A `/`, `?` or `#` before the colon makes it a relative path, not a scheme.
        if beforeColon.contains(where: { "/?#".contains($0) }) { return true }
        return allowedSchemes.contains(beforeColon.lowercased())
    }
}

private extension String {
    /// Text between tags never holds a lone `<` that a browser could read as markup.
    var replacingLoneAngleBrackets: String { self == "<" ? "&lt;" : self }
}
