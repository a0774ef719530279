import Testing
@testable import PatternsContent

@Test func placeholder() {}
