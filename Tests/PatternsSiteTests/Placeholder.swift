import Testing
@testable import PatternsSite

@Test func placeholder() {}
