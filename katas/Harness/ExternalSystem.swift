/// A fake of another system the process calls (a payment provider, an email sender, a broker),
/// whose failures come from the shared `FaultPlan`.
///
/// Each call passes two points of the plan: `.beforeEffect`, then — once the system has acted,
/// which `perform` does — `.afterEffect`. The fault scheduled there does:
///
/// | fault      | at `.beforeEffect` (not acted)          | at `.afterEffect` (acted)                |
/// |------------|-----------------------------------------|------------------------------------------|
/// | `.fail`    | throws `InjectedFault.connectionRefused` | throws `InjectedFault.serverError(500)` |
/// | `.timeOut` | waits `timeout`, throws `.timedOut`     | waits `timeout`, throws `.timedOut`      |
/// | `.crash`   | `SimulatedCrash`                        | `SimulatedCrash`: the caller dies before the reply |
///
/// A call without a fault takes `latency` on the clock and returns `perform`'s reply. A timeout
/// looks the same to the caller whether or not the system acted: that is the point of it.
public final class ExternalSystem<Request, Reply>: @unchecked Sendable {
    public enum Outcome: Equatable, Sendable {
        case replied
        case failed(InjectedFault)
        case crashed
    }

    public struct Call {
        public let request: Request
        public let startedAt: VirtualClock.Instant
        /// Whether the system acted on the request (charged, sent, stored…).
        public let acted: Bool
        public let outcome: Outcome
    }

    public let name: String
    public let faults: FaultPlan
    public let clock: VirtualClock
    public var latency: Duration
    /// How long a caller waits for a reply that never comes.
    public var timeout: Duration
    private let perform: (Request) -> Reply
    /// Every call that reached the system, in order.
    public private(set) var calls: [Call] = []

    /// - Parameter perform: what the system does with a request, and its reply.
    public init(
        name: String, faults: FaultPlan, clock: VirtualClock = VirtualClock(),
        latency: Duration = .zero, timeout: Duration = .seconds(1),
        perform: @escaping (Request) -> Reply
    ) {
        self.name = name
        self.faults = faults
        self.clock = clock
        self.latency = latency
        self.timeout = timeout
        self.perform = perform
    }

    /// The requests the system acted on, in order, repeats included.
    public var effects: [Request] {
        calls.filter(\.acted).map(\.request)
    }

    /// Sends `request` and waits for the reply.
    ///
    /// - Throws: `InjectedFault` or `SimulatedCrash`, as the type's table says.
    public func call(_ request: Request) throws -> Reply {
        try faults.ensureRunning()
        let startedAt = clock.now
        var acted = false
        func record(_ outcome: Outcome) {
            calls.append(Call(request: request, startedAt: startedAt, acted: acted, outcome: outcome))
        }
        do {
            if let fault = try faults.reach(.beforeEffect, of: name) {
                throw fault == .fail ? InjectedFault.connectionRefused : timingOut()
            }
            let reply = perform(request)
            acted = true
            if let fault = try faults.reach(.afterEffect, of: name) {
                throw fault == .fail ? InjectedFault.serverError(code: 500) : timingOut()
            }
            clock.advance(by: latency)
            record(.replied)
            return reply
        } catch let fault as InjectedFault {
            record(.failed(fault))
            throw fault
        } catch {
            record(.crashed)
            throw error
        }
    }

    private func timingOut() -> InjectedFault {
        clock.advance(by: timeout)
        return .timedOut
    }
}
