import GeodesKata
import KataHarness
import Testing

@Suite("Geodes: read-your-writes through the session token")
struct SessionTests {
    @Test("A geode that has not caught up with the token hands the read to the nearest one that has")
    func forwardsToCaughtUpGeode() {
        let (deployment, clock) = makeDeployment(lag: .seconds(1))
        deployment.setReplicationLag(.seconds(5), from: "eu", to: "us")
        var paris = parisClient()
        _ = deployment.write("k", "mine", session: &paris)        // reaches ap at 1 s, us at 5 s
        clock.move(to: 1)
        deployment.fail("eu")

        #expect(!deployment.hasCaughtUp("us", with: paris.token) && deployment.hasCaughtUp("ap", with: paris.token),
                "at 1 s ap has eu#1 and us has not")
        let read = deployment.read("k", session: paris)
        #expect(read == .value("mine", servedBy: "ap"),
                "us is nearer but has not caught up; ap has, so it answers, but got \(read)")
        let stranger = deployment.read("k", session: virginiaClient())
        #expect(stranger == .value(nil, servedBy: "us"), "a client with an empty token is served by its nearest geode, stale or not, but got \(stranger)")
        clock.move(to: 5)
        #expect(deployment.read("k", session: paris) == .value("mine", servedBy: "us"), "at 5 s us has caught up and, being nearer, serves again")
    }

    @Test("When no healthy geode has caught up the read fails instead of hiding the client's own write")
    func sessionNotAvailable() {
        let (deployment, clock) = makeDeployment(lag: .seconds(2))
        var paris = parisClient()
        _ = deployment.write("k", "mine", session: &paris)
        deployment.fail("eu")

        clock.move(to: 1.999)
        let early = deployment.read("k", session: paris)
        #expect(early == .sessionNotAvailable, "neither us nor ap has eu#1 before 2 s, so the read must fail, but got \(early)")
        clock.move(to: 2)
        let read = deployment.read("k", session: paris)
        #expect(read == .value("mine", servedBy: "us"), "at 2 s us has caught up and serves, but got \(read)")
    }

    @Test("The token asks for every geode it names: writes in two geodes need both to have arrived")
    func tokenCoversEveryGeode() {
        let (deployment, clock) = makeDeployment(lag: .seconds(1))
        deployment.setReplicationLag(.seconds(3), from: "us", to: "ap")
        var paris = parisClient()
        _ = deployment.write("a", "1", session: &paris)           // eu#1: at us and ap by 1 s
        deployment.fail("eu")
        _ = deployment.write("b", "2", session: &paris)           // us#1: at ap by 3 s
        deployment.fail("us")

        clock.move(to: 2)
        #expect(deployment.hasCaughtUp("ap", with: SessionToken(versions: ["eu": 1])), "ap has eu#1 at 2 s")
        #expect(!deployment.hasCaughtUp("ap", with: paris.token), "ap lacks us#1 at 2 s, so it has not caught up with [eu#1, us#1]")
        #expect(deployment.read("a", session: paris) == .sessionNotAvailable, "ap is the only geode left and lacks us#1")
        clock.move(to: 3)
        #expect(deployment.read("b", session: paris) == .value("2", servedBy: "ap"), "at 3 s ap has both writes")
    }

    @Test("Caught up means the write named, or a later one from that geode, has been applied")
    func caughtUpByLaterWrites() {
        let (deployment, clock) = makeDeployment(lag: .seconds(1))
        var paris = parisClient()
        var other = parisClient()
        _ = deployment.write("k", "1", session: &paris)
        _ = deployment.write("k", "2", session: &other)
        clock.move(to: 1)

        #expect(deployment.hasCaughtUp("us", with: SessionToken(versions: ["eu": 2])), "us has eu#1 and eu#2")
        #expect(!deployment.hasCaughtUp("us", with: SessionToken(versions: ["eu": 3])), "eu#3 was never written")
        #expect(deployment.hasCaughtUp("us", with: SessionToken()), "every geode has caught up with an empty token")
        #expect(deployment.hasCaughtUp("eu", with: SessionToken(versions: ["eu": 2])), "a geode has its own writes at once")
    }
}
