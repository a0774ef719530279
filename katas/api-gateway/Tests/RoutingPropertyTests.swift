import APIGatewayKata
import KataHarness
import Testing

/// A seeded route table over a small alphabet of segments, so that prefixes often nest and
/// nearly match ("/a" against "/ab"), and paths that hit, miss and fall between them.
struct SeededTable {
    struct Entry {
        let method: String?
        let prefix: String
    }

    let entries: [Entry]
    let requests: [(method: String, path: String)]

    static let segments = ["a", "b", "ab"]
    static let methods = ["GET", "POST", "DELETE"]

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        func path(depth: ClosedRange<Int>) -> String {
            "/" + (0..<Int.random(in: depth, using: &random)).map { _ in Self.segments.randomElement(using: &random)! }.joined(separator: "/")
        }
        entries = (0..<Int.random(in: 1...8, using: &random)).map { _ in
            var prefix = path(depth: 0...3)
            if prefix != "/", Int.random(in: 0..<4, using: &random) == 0 { prefix += "/" }
            let method = Int.random(in: 0..<3, using: &random) == 0 ? nil : Self.methods.randomElement(using: &random)!
            return Entry(method: method, prefix: prefix)
        }
        requests = (0..<30).map { _ in (Self.methods.randomElement(using: &random)!, path(depth: 0...4)) }
    }

    /// The rules of instructions.md, spelled out differently from the gateway's own code.
    func expected(_ method: String, _ path: String) -> (status: Int, route: Int?, allow: [String]) {
        func covers(_ prefix: String) -> Bool {
            path == prefix || (prefix.hasSuffix("/") && path.hasPrefix(prefix)) || path.hasPrefix(prefix + "/")
        }
        let matching = entries.indices.filter { covers(entries[$0].prefix) }
        guard !matching.isEmpty else { return (404, nil, []) }
        let longest = matching.filter { entries[$0].prefix.count == matching.map { entries[$0].prefix.count }.max()! }
        if let exact = longest.first(where: { entries[$0].method == method }) { return (200, exact, []) }
        if let any = longest.first(where: { entries[$0].method == nil }) { return (200, any, []) }
        return (405, nil, Array(Set(longest.compactMap { entries[$0].method })).sorted())
    }
}

@Suite("Routing over seeded tables")
struct RoutingPropertyTests {
    @Test("Over 200 seeded route tables every request reaches the route the rules choose, or gets the right 404 or 405")
    func seededTables() {
        var statuses: [Int: Int] = [:]
        for seed in UInt64(0)..<200 {
            let table = SeededTable(seed: seed)
            let (gateway, _) = makeGateway()
            for (index, entry) in table.entries.enumerated() {
                gateway.route(entry.method, entry.prefix, to: answering("route \(index)"))
            }
            for (method, path) in table.requests {
                let response = gateway.handle(Request(method, path, token: "t-alice"))
                let expected = table.expected(method, path)
                let got = (response.status, response.status == 200 ? Int(response.body.dropFirst("route ".count)) : nil, response.allow)
                guard got.0 == expected.status, got.1 == expected.route, got.2 == expected.allow else {
                    let routes = table.entries.enumerated().map { "\($0): \($1.method ?? "*") \($1.prefix)" }
                    Issue.record("seed \(seed): \(method) \(path) got \(response.status) \(response.body) allow \(response.allow), expected \(expected.status) route \(String(describing: expected.route)) allow \(expected.allow); routes \(routes). Replay: SeededTable(seed: \(seed))")
                    return
                }
                statuses[response.status, default: 0] += 1
            }
        }
        for status in [200, 404, 405] {
            #expect(statuses[status, default: 0] >= 100, "the seeds must exercise every answer, but \(status) came \(statuses[status, default: 0]) times: \(statuses)")
        }
    }
}
