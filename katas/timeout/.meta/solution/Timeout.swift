import KataHarness

/// The instant by which a whole operation must finish, however many calls it makes.
public struct Deadline: Equatable, Sendable {
    public let instant: VirtualClock.Instant

    public init(at instant: VirtualClock.Instant) {
        self.instant = instant
    }

    /// The deadline `budget` from the clock's current time.
    public static func after(_ budget: Duration, on clock: VirtualClock) -> Deadline {
        Deadline(at: clock.now + budget)
    }

    /// The time left before the deadline: never negative, `.zero` once it has passed.
    public func remaining(on clock: VirtualClock) -> Duration {
        // A negative budget would be passed on to servers as nonsense; clamp it.
        max(instant - clock.now, .zero)
    }
}

/// Why a call through `TimeoutCaller` did not return a response.
public enum TimeoutError: Error, Equatable {
    /// No reply arrived within the attempt's limit (`after` is the limit that was applied).
    case timedOut(after: Duration)
    /// The deadline had passed before the attempt started, so no request was sent.
    case deadlineExceeded
    /// The server replied in time, with a failure.
    case failed(InjectedFault)
}

/// Calls a `Downstream` with a per-attempt timeout, inside an overall deadline.
public struct TimeoutCaller {
    public let clock: VirtualClock
    /// The longest a single attempt may wait for its reply.
    public let attemptTimeout: Duration

    public init(clock: VirtualClock, attemptTimeout: Duration) {
        self.clock = clock
        self.attemptTimeout = attemptTimeout
    }

    /// Makes one attempt, waiting at most `min(attemptTimeout, deadline.remaining)`.
    ///
    /// - With no budget left, throws `.deadlineExceeded` without sending anything.
    /// - Sends the request with `budget:` set to that same limit.
    /// - Returns the reply if it arrives within the limit; throws `.failed` if it is a failure.
    /// - Otherwise cancels the request and throws `.timedOut(after: limit)`, at the moment the
    ///   limit passes, not when the slow reply would have arrived.
    public func call(_ downstream: any Downstream, within deadline: Deadline) throws(TimeoutError) -> String {
        let limit = min(attemptTimeout, deadline.remaining(on: clock))
        guard limit > .zero else { throw .deadlineExceeded }

        // Propagate the limit, not `attemptTimeout`: the server must not plan on more time than
        // the caller will actually wait.
        let pending = downstream.send(budget: limit)
        let reply: String?
        do {
            reply = try pending.wait(upTo: limit)
        } catch {
            throw .failed(error)
        }
        guard let reply else {
            // Walking away is not enough: without a cancel the server keeps spending resources
            // on an answer nobody will read.
            pending.cancel()
            throw .timedOut(after: limit)
        }
        return reply
    }

    /// Makes up to `attempts` attempts, one after the other, all inside the same `deadline`.
    ///
    /// Retries after `.timedOut` and `.failed`. An attempt that finds no budget left ends the
    /// loop with `.deadlineExceeded`; otherwise, when the attempts run out, throws the last error.
    public func callRetrying(
        _ downstream: any Downstream, attempts: Int, within deadline: Deadline
    ) throws(TimeoutError) -> String {
        var lastError = TimeoutError.deadlineExceeded
        for _ in 0..<max(attempts, 0) {
            do {
                return try call(downstream, within: deadline)
            } catch {
                lastError = error
                if error == .deadlineExceeded { break }
            }
        }
        throw lastError
    }
}
