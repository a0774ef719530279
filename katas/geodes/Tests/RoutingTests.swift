import GeodesKata
import KataHarness
import Testing

@Suite("Geodes: routing to the nearest healthy geode")
struct RoutingTests {
    @Test("Reads and writes go to the nearest healthy geode, and to the next nearest when it fails")
    func nearestHealthyServes() {
        let (deployment, _) = makeDeployment()
        var paris = parisClient()
        #expect(deployment.isHealthy("eu") && deployment.isHealthy("ap") && !deployment.isHealthy("mars"),
                "every geode starts healthy; a stranger never is")

        #expect(deployment.write("k", "1", session: &paris) == .accepted(Version(geode: "eu", sequence: 1)),
                "Paris is nearest to eu, so eu accepts the write as its first")
        #expect(deployment.read("k", session: paris) == .value("1", servedBy: "eu"), "eu serves Paris's read")

        deployment.fail("eu")
        #expect(!deployment.isHealthy("eu"), "eu failed")
        let write = deployment.write("j", "2", session: &paris)
        #expect(write == .accepted(Version(geode: "us", sequence: 1)), "with eu down, us (80 ms) is next nearest, but got \(write)")
        deployment.fail("us")
        let third = deployment.write("j", "3", session: &paris)
        #expect(third == .accepted(Version(geode: "ap", sequence: 1)), "with eu and us down, ap takes the write, but got \(third)")

        deployment.recover("eu")
        #expect(deployment.isHealthy("eu"), "eu is back")
        #expect(deployment.write("k", "4", session: &paris) == .accepted(Version(geode: "eu", sequence: 2)),
                "eu is back and nearest again; its sequence goes on from 1 to 2")
    }

    @Test("With no healthy geode in reach, reads and writes are unavailable")
    func nothingInReach() {
        let (deployment, _) = makeDeployment()
        var onlyEU = ClientSession(roundTrips: ["eu": .milliseconds(5)])
        #expect(deployment.write("k", "1", session: &onlyEU) == .accepted(Version(geode: "eu", sequence: 1)), "eu is in reach")
        deployment.fail("eu")

        #expect(deployment.write("k", "2", session: &onlyEU) == .unavailable, "this client reaches only eu, which is down")
        #expect(deployment.read("k", session: onlyEU) == .unavailable, "no reachable geode is healthy, so the read is unavailable")
        #expect(onlyEU.token == SessionToken(versions: ["eu": 1]), "a refused write leaves the token alone, but it is \(onlyEU.token)")
    }

    @Test("Equally near geodes are tried in the order they are listed")
    func tiesGoToListOrder() {
        let (deployment, _) = makeDeployment()
        var between = ClientSession(roundTrips: ["ap": .milliseconds(40), "us": .milliseconds(40), "eu": .milliseconds(41)])
        let write = deployment.write("k", "1", session: &between)
        #expect(write == .accepted(Version(geode: "us", sequence: 1)), "us and ap are both 40 ms away; us is listed first, but got \(write)")
    }

    @Test("Each geode numbers its own writes, and the token keeps the highest per geode")
    func tokenTracksOwnWrites() {
        let (deployment, _) = makeDeployment()
        var paris = parisClient()
        var virginia = virginiaClient()

        for index in 1...3 { _ = deployment.write("p\(index)", "x", session: &paris) }
        _ = deployment.write("v", "x", session: &virginia)
        deployment.fail("eu")
        let write = deployment.write("p4", "x", session: &paris)

        #expect(write == .accepted(Version(geode: "us", sequence: 2)), "us already accepted Virginia's write, so Paris's is us#2, but got \(write)")
        #expect(paris.token == SessionToken(versions: ["eu": 3, "us": 2]), "Paris wrote eu#1…3 and us#2, so its token is [eu#3, us#2], but it is \(paris.token)")
        #expect(virginia.token == SessionToken(versions: ["us": 1]), "other clients' writes never enter Virginia's token, but it is \(virginia.token)")
    }
}
