import Testing
@testable import PatternsMarkdown

@Suite struct SwiftHighlighterTests {
    func highlight(_ code: String) -> String { SwiftHighlighter.highlight(code) }

    @Test func keywordsTypesFunctionsAndNumbers() {
        #expect(highlight("func retry(times: Int) -> Double { return 1.5e-3 }") ==
            #"<span class="hl-keyword">func</span> <span class="hl-function">retry</span>(times: <span class="hl-type">Int</span>) <span class="hl-operator">-&gt;</span> <span class="hl-type">Double</span> { <span class="hl-keyword">return</span> <span class="hl-number">1.5e-3</span> }"#)
    }

    @Test func genericFunctionNameAndOperatorFunction() {
        #expect(highlight("func map<T>(x)").hasPrefix(#"<span class="hl-keyword">func</span> <span class="hl-function">map</span><span class="hl-operator">&lt;</span>"#))
        #expect(highlight("static func == (a: A, b: A)").contains(#"<span class="hl-function">==</span>"#))
    }

    @Test func attributes() {
        #expect(highlight("@MainActor @Sendable () -> Void") ==
            #"<span class="hl-attribute">@MainActor</span> <span class="hl-attribute">@Sendable</span> () <span class="hl-operator">-&gt;</span> <span class="hl-type">Void</span>"#)
    }

    @Test func slashesInsideStringsAreNotComments() {
        #expect(highlight(#"let url = "https://example.com" // note"#) ==
            #"<span class="hl-keyword">let</span> url <span class="hl-operator">=</span> <span class="hl-string">&quot;https://example.com&quot;</span> <span class="hl-comment">// note</span>"#)
    }

    @Test func escapedQuotesDoNotEndTheString() {
        #expect(highlight(#""a \"b\" c" + x"#) ==
            #"<span class="hl-string">&quot;a \&quot;b\&quot; c&quot;</span> <span class="hl-operator">+</span> x"#)
    }

    @Test func interpolationIsHighlightedAsCode() {
        #expect(highlight(#""n = \(count + 1) \("inner")!""#) ==
            #"<span class="hl-string">&quot;n = \(</span>count <span class="hl-operator">+</span> <span class="hl-number">1</span><span class="hl-string">) \(</span><span class="hl-string">&quot;inner&quot;</span><span class="hl-string">)!&quot;</span>"#)
    }

    @Test func interpolationWithParenthesesInside() {
        #expect(highlight(#""\(f(x))" y"#) ==
            #"<span class="hl-string">&quot;\(</span>f(x)<span class="hl-string">)&quot;</span> y"#)
    }

    @Test func multilineAndRawStrings() {
        let multiline = "let s = \"\"\"\n  one \" two // not a comment\n  \"\"\"\nlet n = 2"
        #expect(highlight(multiline).contains("<span class=\"hl-string\">&quot;&quot;&quot;\n  one &quot; two // not a comment\n  &quot;&quot;&quot;</span>\n<span class=\"hl-keyword\">let</span>"))
        #expect(highlight(##"#"raw "quoted" \(x)"#"##) == ##"<span class="hl-string">#&quot;raw &quot;quoted&quot; \(x)&quot;#</span>"##)
        #expect(highlight(##"#"a \#(x) b"#"##) == ##"<span class="hl-string">#&quot;a \#(</span>x<span class="hl-string">) b&quot;#</span>"##)
    }

    @Test func nestedBlockAndDocComments() {
        #expect(highlight("/* a /* b */ still */ let") ==
            #"<span class="hl-comment">/* a /* b */ still */</span> <span class="hl-keyword">let</span>"#)
        #expect(highlight("/// Doc `x`\nvar") == "<span class=\"hl-comment\">/// Doc `x`</span>\n<span class=\"hl-keyword\">var</span>")
    }

    @Test func numbersInManyForms() {
        for literal in ["0x1F", "1_000_000", "0b1010", "0o17", "3.14", "0x1p-3"] {
            #expect(highlight(literal) == "<span class=\"hl-number\">\(literal)</span>", "\(literal)")
        }
        #expect(highlight("1...5") == #"<span class="hl-number">1</span><span class="hl-operator">...</span><span class="hl-number">5</span>"#)
    }

    @Test func directivesBacktickedNamesAndDollarIdentifiers() {
        #expect(highlight("#if DEBUG") == #"<span class="hl-keyword">#if</span> <span class="hl-type">DEBUG</span>"#)
        #expect(highlight("let `default` = $0") == #"<span class="hl-keyword">let</span> `default` <span class="hl-operator">=</span> $0"#)
    }

    @Test func everythingIsEscaped() {
        #expect(highlight("a < b && c > d") == #"a <span class="hl-operator">&lt;</span> b <span class="hl-operator">&amp;&amp;</span> c <span class="hl-operator">&gt;</span> d"#)
        #expect(!highlight("\"<script>\"").contains("<script>"))
    }

    @Test func unterminatedLiteralsStopCleanly() {
        #expect(highlight("\"open\nlet") == "<span class=\"hl-string\">&quot;open</span>\n<span class=\"hl-keyword\">let</span>")
        #expect(highlight("/* never closed") == "<span class=\"hl-comment\">/* never closed</span>")
        #expect(highlight("\"\\(unclosed") == "<span class=\"hl-string\">&quot;\\(</span>unclosed<span class=\"hl-string\"></span>")
    }
}

@Suite struct SwiftHighlighterContextTests {
    @Test func contextualKeywordsUsedAsNamesStayPlain() {
        #expect(SwiftHighlighter.highlight("case open(until: x)") == #"<span class="hl-keyword">case</span> open(until: x)"#)
        #expect(SwiftHighlighter.highlight("var get = 1; lazy var y") ==
            #"<span class="hl-keyword">var</span> get <span class="hl-operator">=</span> <span class="hl-number">1</span>; <span class="hl-keyword">lazy</span> <span class="hl-keyword">var</span> y"#)
    }

    @Test func membersAfterADotAreNotKeywordsExceptInitAndSelf() {
        #expect(SwiftHighlighter.highlight("x.default .init T.self") ==
            #"x.default .<span class="hl-keyword">init</span> <span class="hl-type">T</span>.<span class="hl-keyword">self</span>"#)
    }

    @Test func keywordsAsArgumentLabelsAreColouredWhichIsAcceptable() {
        #expect(SwiftHighlighter.highlight("f(for: 1)").contains(#"<span class="hl-keyword">for</span>"#))
    }
}
