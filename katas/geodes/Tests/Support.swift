import GeodesKata
import KataHarness

/// Three geodes on a fresh virtual clock, with `lag` on every link unless a test changes one.
func makeDeployment(lag: Duration = .milliseconds(500)) -> (GeodeDeployment, VirtualClock) {
    let clock = VirtualClock()
    return (GeodeDeployment(geodes: ["eu", "us", "ap"], clock: clock, replicationLag: lag), clock)
}

/// A client in Paris: eu is nearest, then us, then ap.
func parisClient() -> ClientSession {
    ClientSession(roundTrips: ["eu": .milliseconds(10), "us": .milliseconds(80), "ap": .milliseconds(220)])
}

/// A client in Virginia: us, then eu, then ap.
func virginiaClient() -> ClientSession {
    ClientSession(roundTrips: ["us": .milliseconds(8), "eu": .milliseconds(85), "ap": .milliseconds(190)])
}

func at(_ seconds: Double) -> VirtualClock.Instant {
    VirtualClock.Instant(offset: .seconds(seconds))
}

extension VirtualClock {
    func move(to seconds: Double) { advance(to: at(seconds)) }
}
