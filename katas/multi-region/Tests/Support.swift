import KataHarness
import MultiRegionKata

/// A database on a fresh virtual clock, regions "a" (the first primary), "b" and "c".
func makeDatabase(
    _ regions: [String] = ["a", "b", "c"], lag: Duration = .seconds(1)
) -> (RegionalDatabase, VirtualClock) {
    let clock = VirtualClock()
    return (RegionalDatabase(regions: regions, clock: clock, replicationLag: lag), clock)
}

/// The instant `seconds` after the clock's start.
func at(_ seconds: Double) -> VirtualClock.Instant {
    VirtualClock.Instant(offset: .seconds(seconds))
}

extension VirtualClock {
    /// Moves to `seconds` after the start (tests read better in absolute times).
    func move(to seconds: Double) {
        advance(to: at(seconds))
    }
}
