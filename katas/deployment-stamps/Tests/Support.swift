import DeploymentStampsKata

/// Stamps "s1" (capacity 100), "s2" (100) and "s3" (60).
func makeFleet() -> StampFleet {
    StampFleet(stamps: [Stamp(name: "s1", capacity: 100), Stamp(name: "s2", capacity: 100), Stamp(name: "s3", capacity: 60)])
}

/// The error `body` threw, or nil (the fleet throws only `MoveError`).
func moveError(_ body: () throws -> Void) -> MoveError? {
    do { try body(); return nil } catch { return error as? MoveError }
}
