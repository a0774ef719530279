import Testing
@testable import PatternsMarkdown

@Test func placeholder() {}
