import FailoverKata
import KataHarness
import Testing

func makeController(
    _ nodes: [String] = ["a", "b"], policy: FailoverPolicy = FailoverPolicy()
) -> (FailoverController, FencedStore) {
    let store = FencedStore()
    return (FailoverController(nodes: nodes, store: store, policy: policy), store)
}

extension FailoverController {
    func miss(_ node: String, times: Int = 1) {
        for _ in 0..<times { record(node, passed: false) }
    }

    func pass(_ node: String, times: Int = 1) {
        for _ in 0..<times { record(node, passed: true) }
    }
}

@Suite("Failing over")
struct FailingOverTests {
    @Test("The first node starts as primary with epoch 1, and the store is fenced to it")
    func startsWithFirstNode() {
        let (controller, store) = makeController()

        #expect(controller.primary == "a", "the first node should start as primary, but it is \(controller.primary)")
        #expect(controller.epoch == 1 && controller.epoch(of: "a") == 1, "the first primary holds epoch 1, but epoch is \(controller.epoch)")
        #expect(controller.epoch(of: "b") == nil, "a standby holds no epoch to write with")
        #expect(store.epoch == 1, "the store should be fenced to epoch 1 from the start, but its epoch is \(store.epoch)")
        #expect(controller.isEligible("a") && controller.isEligible("b"), "both nodes start eligible")
        #expect(!controller.isEligible("z"), "a node that is not a member is never eligible")
        #expect(controller.promotions.isEmpty, "nobody has been promoted yet, but promotions are \(controller.promotions)")
    }

    @Test("The primary is failed over after exactly N consecutive missed checks", arguments: [3, 5])
    func failsOverAtThreshold(misses: Int) {
        let (controller, store) = makeController(policy: FailoverPolicy(missesToFail: misses))

        controller.miss("a", times: misses - 1)
        #expect(controller.primary == "a", "\(misses - 1) misses are one short of \(misses), so a should still be primary")
        #expect(controller.isEligible("a"), "a has not missed \(misses) checks yet, so it is not down")
        controller.miss("a")

        #expect(controller.primary == "b", "after \(misses) misses in a row b should be primary, but \(controller.primary) is")
        #expect(controller.epoch == 2 && controller.epoch(of: "b") == 2, "the promotion should take epoch 2, but epoch is \(controller.epoch)")
        #expect(controller.epoch(of: "a") == nil, "the demoted primary holds no epoch any more")
        #expect(store.epoch == 2, "the store should be fenced to the new epoch at promotion, but its epoch is \(store.epoch)")
        #expect(controller.promotions == [Promotion(node: "b", epoch: 2)], "one promotion of b with epoch 2, but promotions are \(controller.promotions)")
        #expect(!controller.isEligible("a"), "the old primary is down and must not be eligible")
    }

    @Test("A passed check resets the run of misses")
    func passResetsMisses() {
        let (controller, _) = makeController()

        controller.miss("a", times: 2)
        controller.pass("a")
        controller.miss("a", times: 2)
        #expect(controller.primary == "a", "a pass between two pairs of misses means no 3 in a row, so a should still be primary")

        controller.miss("a")
        #expect(controller.primary == "b", "that was the 3rd miss in a row, so b should be primary, but \(controller.primary) is")
    }

    @Test("Failing over promotes the first eligible standby in node order")
    func promotesFirstEligible() {
        let (controller, _) = makeController(["a", "b", "c"])
        controller.miss("b", times: 3)
        #expect(controller.primary == "a", "a standby going down is no reason to fail over")

        controller.miss("a", times: 3)

        #expect(controller.primary == "c", "b is down, so c is the first eligible standby, but \(controller.primary) was promoted")
        #expect(controller.promotions == [Promotion(node: "c", epoch: 2)], "promotions should be [c at epoch 2], but are \(controller.promotions)")
    }

    @Test("With no eligible standby there is no promotion until one recovers")
    func waitsForEligibleStandby() {
        let (controller, store) = makeController()
        controller.miss("b", times: 3)
        controller.miss("a", times: 3)
        #expect(controller.primary == "a" && controller.epoch == 1,
                "both nodes are down, so nobody can be promoted, but primary is \(controller.primary) at epoch \(controller.epoch)")

        controller.pass("b")
        #expect(controller.primary == "a", "one pass is not enough for b to recover (it needs 2), but b was promoted")
        controller.pass("b")
        #expect(controller.primary == "b" && controller.epoch == 2,
                "b just recovered and a is still down, so b should be promoted with epoch 2, but primary is \(controller.primary) at \(controller.epoch)")
        #expect(store.epoch == 2, "the store should follow the promotion to epoch 2, but is at \(store.epoch)")
    }
}

@Suite("Hysteresis")
struct HysteresisTests {
    @Test("A node that was down needs M passes in a row before it is eligible again", arguments: [2, 4])
    func recoveryNeedsConsecutivePasses(passes: Int) {
        let (controller, _) = makeController(policy: FailoverPolicy(passesToRecover: passes))
        controller.miss("a", times: 3)

        controller.pass("a", times: passes - 1)
        #expect(!controller.isEligible("a"), "\(passes - 1) passes are one short of \(passes), so a must not be eligible yet")
        controller.miss("a")
        controller.pass("a", times: passes - 1)
        #expect(!controller.isEligible("a"), "a miss restarted the count, so \(passes - 1) more passes are still not enough")
        controller.pass("a")
        #expect(controller.isEligible("a"), "after \(passes) passes in a row a should be eligible again")
    }

    @Test("No fail-back: a recovered old primary stays standby while the new primary is healthy")
    func noFailBack() {
        let (controller, _) = makeController()
        controller.miss("a", times: 3)

        for _ in 0..<50 {
            controller.pass("a")
            controller.pass("b")
        }

        #expect(controller.primary == "b", "b is healthy, so the recovered a must not take over again, but \(controller.primary) is primary")
        #expect(controller.epoch == 2 && controller.promotions.count == 1,
                "there was exactly one promotion, but epoch is \(controller.epoch) after \(controller.promotions)")
    }

    @Test("When the new primary fails, the recovered old one is promoted with the next epoch")
    func failsOverAgain() {
        let (controller, store) = makeController()
        controller.miss("a", times: 3)
        controller.pass("a", times: 2)

        controller.miss("b", times: 2)
        #expect(controller.primary == "b", "2 misses are not 3, so b should still be primary")
        controller.miss("b")

        #expect(controller.promotions == [Promotion(node: "b", epoch: 2), Promotion(node: "a", epoch: 3)],
                "a should be promoted back with epoch 3, but promotions are \(controller.promotions)")
        #expect(store.epoch == 3, "the store should be fenced to epoch 3, but is at \(store.epoch)")
    }

    @Test("A flaky primary that never misses N checks in a row is never failed over")
    func flakyPrimaryStays() {
        let (controller, _) = makeController()
        for _ in 0..<100 {
            controller.miss("a", times: 2)
            controller.pass("a")
        }

        #expect(controller.primary == "a" && controller.promotions.isEmpty,
                "two misses then a pass, 100 times, is never 3 in a row, but promotions are \(controller.promotions)")
        controller.miss("a", times: 3)
        #expect(controller.primary == "b", "three misses in a row at last should fail over to b, but \(controller.primary) is primary")
    }
}

@Suite("Fencing")
struct FencingTests {
    @Test("The store rejects a stale primary's writes as soon as the standby is promoted")
    func staleWritesRejected() throws {
        let (controller, store) = makeController()
        let oldEpoch = try #require(controller.epoch(of: "a"), "a starts as primary and should hold an epoch")
        #expect(store.write("k", "from a", epoch: oldEpoch) == .accepted, "the primary's write should be accepted")

        controller.miss("a", times: 3)
        let stale = store.write("k", "stale a", epoch: oldEpoch)
        #expect(stale == .fenced(current: 2),
                "a still writes with epoch 1 after b took epoch 2, before b wrote anything; it should be fenced, but got \(stale)")

        let newEpoch = try #require(controller.epoch(of: "b"), "b is primary and should hold an epoch")
        #expect(store.write("k", "from b", epoch: newEpoch) == .accepted, "the new primary's write should be accepted")
        #expect(store.rows == ["k": "from b"], "only accepted writes are stored, but rows are \(store.rows)")
    }

    @Test("The store's epoch only rises, by fence or by a newer writer")
    func epochOnlyRises() {
        let store = FencedStore()
        store.fence(epoch: 5)
        store.fence(epoch: 3)
        #expect(store.epoch == 5, "fencing to 3 after 5 must not lower the epoch, but it is \(store.epoch)")

        #expect(store.write("x", "1", epoch: 5) == .accepted, "a writer with the current epoch 5 is accepted")
        #expect(store.write("x", "2", epoch: 6) == .accepted, "a writer with a newer epoch is accepted")
        #expect(store.epoch == 6, "a write with epoch 6 raises the store to 6, but it is \(store.epoch)")
        #expect(store.write("x", "3", epoch: 5) == .fenced(current: 6), "epoch 5 is now stale and must be fenced")
        #expect(store.rows == ["x": "2"], "the fenced write must not change the row, but rows are \(store.rows)")
    }

    @Test("Over a long run of seeded flaky checks only the current primary's writes are ever accepted")
    func neverTwoPrimaries() {
        let (controller, store) = makeController(["a", "b", "c"])
        var random = SeededRandom(seed: 2024)
        // The epoch each node last held: a demoted node does not know, and keeps writing with it.
        var believed: [String: Int] = ["a": 1]
        var missRun: [String: Int] = [:]
        var accepted: [String: Int] = [:]
        let phase = ["a": 0, "b": 1, "c": 2]

        for tick in 0..<3000 {
            for node in controller.nodes {
                // Each node has outages, staggered: one stretch of 40 ticks in three it misses
                // 60 % of its checks, otherwise 5 %.
                let outage = (tick / 40 + phase[node, default: 0]) % 3 == 0
                let passed = Double.random(in: 0..<1, using: &random) >= (outage ? 0.6 : 0.05)
                let primaryBefore = controller.primary
                controller.record(node, passed: passed)
                missRun[node] = passed ? 0 : missRun[node, default: 0] + 1
                if controller.primary != primaryBefore {
                    // Either the primary just missed its 3rd check in a row, or it was down
                    // already and this pass made the new primary eligible.
                    let justFailed = node == primaryBefore && missRun[node, default: 0] >= 3
                    let justRecovered = node == controller.primary && passed
                    #expect(justFailed || justRecovered,
                            "\(primaryBefore) was replaced by \(controller.primary) after a check of \(node) (passed: \(passed), run of misses \(missRun[node, default: 0]))")
                }
            }
            if let epoch = controller.epoch(of: controller.primary) { believed[controller.primary] = epoch }

            let writers = believed.keys.sorted().filter { store.write("tick", "\($0)@\(tick)", epoch: believed[$0]!) == .accepted }
            #expect(writers.count <= 1 && writers.allSatisfy { $0 == controller.primary },
                    "at tick \(tick) only the primary \(controller.primary) may write, but the store accepted \(writers)")
            for writer in writers { accepted[writer, default: 0] += 1 }
        }

        let epochs = controller.promotions.map(\.epoch)
        #expect(controller.promotions.count >= 10, "the outages should cause at least 10 failovers, but there were \(controller.promotions.count)")
        #expect(epochs == Array(2..<(2 + epochs.count)), "each promotion takes the next epoch, but the epochs were \(epochs)")
        #expect(controller.epoch == 1 + epochs.count && store.epoch == controller.epoch,
                "the controller and store should end at epoch \(1 + epochs.count), but are at \(controller.epoch) and \(store.epoch)")
        #expect(accepted.values.reduce(0, +) == 3000, "the primary writes every tick, so 3000 writes should be accepted, but \(accepted) were")
    }
}
