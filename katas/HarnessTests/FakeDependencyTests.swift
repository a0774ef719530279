import KataHarness
import Testing

@Suite("ScriptedDependency")
struct ScriptedDependencyTests {
    @Test("Calls follow the script, then repeat the fallback step, each taking its latency")
    func followsTheScript() throws {
        let clock = VirtualClock()
        let dependency = ScriptedDependency<String>(
            clock: clock,
            script: [.fail(.serverError(code: 503), after: .milliseconds(20)), .respond("ok", after: .milliseconds(5))],
            then: .fail(.connectionRefused))
        #expect(throws: InjectedFault.serverError(code: 503)) { try dependency.call() }
        #expect(try dependency.call() == "ok")
        #expect(throws: InjectedFault.connectionRefused) { try dependency.call() }
        #expect(throws: InjectedFault.connectionRefused) { try dependency.call() }
        #expect(clock.now.offset == .milliseconds(25))
        #expect(dependency.calls.map(\.succeeded) == [false, true, false, false])
        #expect(dependency.calls[1].startedAt.offset == .milliseconds(20))
    }
}

@Suite("SimulatedNetwork")
struct SimulatedNetworkTests {
    /// Two nodes; `b` records what arrives and when.
    func network(seed: UInt64 = 1) -> (SimulatedNetwork<String>, Box) {
        let network = SimulatedNetwork<String>(clock: VirtualClock(), seed: seed, defaultLatency: .milliseconds(10))
        let received = Box()
        network.attach("b") { envelope in received.items.append((envelope.message, envelope.arrivesAt.offset)) }
        return (network, received)
    }

    final class Box: @unchecked Sendable { var items: [(String, Duration)] = [] }

    @Test("Messages arrive in order of arrival time, ties in send order, moving the clock")
    func deliversByArrivalTime() {
        let (network, received) = network()
        network.setLatency(.milliseconds(50), from: "a", to: "b")
        network.send("slow", from: "a", to: "b")
        network.send("fast", from: "c", to: "b")
        network.send("fast too", from: "c", to: "b")
        network.runUntilIdle()
        #expect(received.items.map(\.0) == ["fast", "fast too", "slow"])
        #expect(received.items.map(\.1) == [.milliseconds(10), .milliseconds(10), .milliseconds(50)])
        #expect(network.clock.now.offset == .milliseconds(50))
    }

    @Test("A partition drops messages both ways until healed, including those already in flight")
    func partitionsDrop() {
        let (network, received) = network()
        network.send("in flight", from: "a", to: "b")
        network.partition(["a"], from: ["b"])
        network.send("across the cut", from: "a", to: "b")
        network.runUntilIdle()
        #expect(received.items.isEmpty)
        #expect(network.dropped.map(\.message) == ["across the cut", "in flight"])
        network.heal()
        network.send("after heal", from: "a", to: "b")
        network.runUntilIdle()
        #expect(received.items.map(\.0) == ["after heal"])
    }

    @Test("run(until:) delivers only what arrives by the deadline and stops the clock there")
    func runUntilDeadline() {
        let (network, received) = network()
        network.setLatency(.milliseconds(30), from: "a", to: "b")
        network.send("early", from: "c", to: "b")
        network.send("late", from: "a", to: "b")
        network.run(until: VirtualClock.Instant(offset: .milliseconds(20)))
        #expect(received.items.map(\.0) == ["early"])
        #expect(network.clock.now.offset == .milliseconds(20))
        #expect(network.pendingCount == 1)
    }

    @Test("Seeded loss and duplication are the same on every run with the same seed")
    func seededFaultsRepeat() {
        func run(seed: UInt64) -> [String] {
            let (network, received) = network(seed: seed)
            network.lossRate = 0.3
            network.duplicationRate = 0.3
            for index in 0..<40 { network.send("m\(index)", from: "a", to: "b") }
            network.runUntilIdle()
            return received.items.map(\.0)
        }
        let first = run(seed: 7)
        #expect(first == run(seed: 7))
        #expect(first.count != 40, "with 30% loss and duplication, exactly 40 deliveries is implausible")
        #expect(Set(first).count < 40, "some messages should have been lost")
        #expect(first.count > Set(first).count, "some messages should have arrived twice")
    }
}
