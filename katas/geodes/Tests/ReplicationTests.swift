import GeodesKata
import KataHarness
import Testing

@Suite("Geodes: replication between geodes")
struct ReplicationTests {
    @Test("A write reaches each other geode exactly its link's lag after it was accepted", arguments: [0.25, 2.0])
    func arrivesAfterLinkLag(lag: Double) {
        let (deployment, clock) = makeDeployment(lag: .seconds(lag))
        deployment.setReplicationLag(.seconds(lag * 3), from: "eu", to: "ap")
        var paris = parisClient()
        clock.move(to: 1)
        _ = deployment.write("k", "v", session: &paris)

        #expect(deployment.value(of: "k", at: "eu") == "v", "the accepting geode holds the write at once")
        clock.move(to: 1 + lag - 0.001)
        #expect(deployment.value(of: "k", at: "us") == nil, "1 ms before the lag of \(lag) s, us has nothing")
        clock.move(to: 1 + lag)
        #expect(deployment.value(of: "k", at: "us") == "v", "after \(lag) s us has the write")
        #expect(deployment.value(of: "k", at: "ap") == nil, "the eu→ap link lags \(lag * 3) s, so ap has nothing yet")
        clock.move(to: 1 + lag * 3)
        #expect(deployment.value(of: "k", at: "ap") == "v", "after \(lag * 3) s ap has it too")
    }

    @Test("A changed lag applies to writes accepted afterwards, and a link never reorders")
    func linkKeepsOrder() {
        let (deployment, clock) = makeDeployment(lag: .seconds(3))
        var paris = parisClient()
        _ = deployment.write("k", "old", session: &paris)        // reaches us at 3 s
        deployment.setReplicationLag(.milliseconds(100), from: "eu", to: "us")
        clock.move(to: 1)
        _ = deployment.write("k", "new", session: &paris)        // due at 1.1 s, but behind "old"

        clock.move(to: 2)
        #expect(deployment.value(of: "k", at: "us") == nil, "the second write may not overtake the first on the eu→us link")
        clock.move(to: 3)
        #expect(deployment.value(of: "k", at: "us") == "new", "at 3 s both writes have arrived, in order, so us holds new")
        clock.move(to: 3.999)
        #expect(deployment.value(of: "k", at: "ap") == "old", "the eu→ap link still lags 3 s: new reaches ap at 4 s, so at 3.999 s ap holds old")
        clock.move(to: 4)
        #expect(deployment.value(of: "k", at: "ap") == "new", "at 4 s ap holds new")
    }

    @Test("A failed geode stops serving but its replica keeps replicating")
    func failedGeodeReplicaStaysInDataPlane() {
        let (deployment, clock) = makeDeployment(lag: .seconds(1))
        let paris = parisClient()
        var virginia = virginiaClient()
        deployment.fail("eu")
        _ = deployment.write("k", "v", session: &virginia)

        clock.move(to: 1)
        #expect(deployment.value(of: "k", at: "eu") == "v", "the data plane replicates into eu's replica while its compute is down")
        #expect(deployment.read("k", session: paris) == .value("v", servedBy: "us"), "Paris is served by us while eu is down")
        deployment.recover("eu")
        #expect(deployment.read("k", session: paris) == .value("v", servedBy: "eu"), "back, eu serves Paris with what it replicated")
    }

    @Test("Concurrent writes to one key converge everywhere on the last writer")
    func lastWriterWins() {
        let (deployment, clock) = makeDeployment(lag: .seconds(2))
        var paris = parisClient()
        var virginia = virginiaClient()
        _ = deployment.write("k", "paris", session: &paris)
        clock.move(to: 0.5)
        _ = deployment.write("k", "virginia", session: &virginia)

        clock.move(to: 1)
        #expect(deployment.value(of: "k", at: "eu") == "paris" && deployment.value(of: "k", at: "us") == "virginia",
                "before replication each geode holds its own write")
        clock.move(to: 2)
        #expect(deployment.value(of: "k", at: "us") == "virginia",
                "Paris's write (accepted at 0 s) arrives at us at 2 s but is older than Virginia's (0.5 s), so us keeps virginia")
        #expect(deployment.value(of: "k", at: "ap") == "paris", "at 2 s ap has only Paris's write")
        clock.move(to: 2.5)
        for geode in deployment.geodes {
            #expect(deployment.value(of: "k", at: geode) == "virginia", "every geode should converge on the later write, but \(geode) holds \(String(describing: deployment.value(of: "k", at: geode)))")
        }
    }

    @Test("Writes accepted at the same instant: the geode listed later wins, and within one geode the later write")
    func tieBreaks() {
        let (deployment, clock) = makeDeployment(lag: .seconds(1))
        var paris = parisClient()
        var virginia = virginiaClient()
        var tokyo = ClientSession(roundTrips: ["ap": .milliseconds(5)])
        _ = deployment.write("k", "from-us", session: &virginia)
        _ = deployment.write("k", "from-eu", session: &paris)
        _ = deployment.write("j", "first", session: &tokyo)
        _ = deployment.write("j", "second", session: &tokyo)

        clock.move(to: 1)
        for geode in deployment.geodes {
            #expect(deployment.value(of: "k", at: geode) == "from-us", "us is listed after eu, so its write wins the tie at \(geode), which holds \(String(describing: deployment.value(of: "k", at: geode)))")
            #expect(deployment.value(of: "j", at: geode) == "second", "ap's second write has the higher sequence and wins at \(geode)")
        }
    }
}
