import Testing
@testable import PatternsKatas

@Test func placeholder() {}
