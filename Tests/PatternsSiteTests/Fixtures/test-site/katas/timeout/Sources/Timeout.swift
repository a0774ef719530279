/// Thrown when the operation did not finish before the deadline.
public struct TimeoutError: Error, Equatable {}

/// Runs `operation`, giving up after `duration`.
public func withTimeout<T: Sendable>(_ duration: Duration, operation: @Sendable () async throws -> T) async throws -> T {
    // TODO(kata): race the operation against the clock.
    throw TimeoutError()
}
