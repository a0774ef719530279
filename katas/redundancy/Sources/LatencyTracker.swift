/// Picks the hedge delay from latencies seen recently: a high percentile of the last `window`.
///
/// Dean and Barroso hedge once a request has been outstanding longer than the 95th-percentile
/// latency for its class, which caps the extra load near 5 %. Until `minimumSamples` latencies
/// have been seen the percentile means little, so `initialDelay` is used instead.
public struct LatencyTracker {
    /// The percentile, above 0 and at most 100 (95 in "The Tail at Scale").
    public let percentile: Double
    /// How many of the most recent latencies are kept.
    public let window: Int
    /// How many latencies must be kept before the percentile replaces `initialDelay` (at least 1).
    public let minimumSamples: Int
    public let initialDelay: Duration
    /// The kept latencies, oldest first.
    public private(set) var samples: [Duration] = []

    public init(percentile: Double, window: Int, minimumSamples: Int, initialDelay: Duration) {
        self.percentile = percentile
        self.window = window
        self.minimumSamples = minimumSamples
        self.initialDelay = initialDelay
    }

    /// Adds one observed latency, dropping the oldest once more than `window` are kept.
    public mutating func record(_ latency: Duration) {
        // TODO(kata): keep `latency`, and only the latest `window` of them.
    }

    /// The nearest-rank percentile of `samples`: the smallest kept latency that at least
    /// `percentile` % of them do not exceed, i.e. the ⌈p/100 · n⌉-th smallest. `initialDelay`
    /// while fewer than `minimumSamples` are kept.
    public var hedgeDelay: Duration {
        // TODO(kata): the nearest-rank percentile of `samples`, once there are enough of them.
        initialDelay
    }
}
