/// One test of a kata, named by its display name: the behaviour it checks.
public struct BehaviourResult: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case passed
        case failed
        /// Started but never ended: the test process crashed or was stopped while it ran.
        case didNotFinish
    }

    /// Swift Testing's id, `Module.Suite/function()/File.swift:12:5`: what `--skip` matches.
    public var id: String
    public var name: String
    public var status: Status
    /// What went wrong, one entry per issue, e.g. `BreakerTests.swift:12:5: Expectation failed: …`.
    public var issues: [String]

    public init(id: String? = nil, name: String, status: Status, issues: [String] = []) {
        self.id = id ?? name
        self.name = name
        self.status = status
        self.issues = issues
    }

    public var passed: Bool { status == .passed }
}

/// What one `swift test` run reported, behaviour by behaviour.
public struct TestRunReport: Hashable, Sendable {
    public var behaviours: [BehaviourResult]
    /// False when the stream stopped before the run's end: a crash, or a timeout.
    public var finished: Bool

    public init(behaviours: [BehaviourResult], finished: Bool) {
        self.behaviours = behaviours
        self.finished = finished
    }

    public var passedCount: Int { behaviours.filter(\.passed).count }
    public var failedCount: Int { behaviours.count - passedCount }
    public var allPassed: Bool { finished && !behaviours.isEmpty && failedCount == 0 }
}
