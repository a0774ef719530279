import DeploymentStampsKata
import Testing

@Suite("Deployment stamps: placement and routing")
struct PlacementTests {
    @Test("A new tenant goes to the stamp with the most free capacity that fits it; ties go to the first listed")
    func placesByFreeCapacity() {
        let fleet = makeFleet()
        #expect(fleet.place("acme", size: 30) == "s1", "s1 and s2 tie at 100 free; s1 is listed first")
        #expect(fleet.freeCapacity(of: "s1") == 70, "acme uses 30 of s1's 100, but s1 has \(String(describing: fleet.freeCapacity(of: "s1"))) free")
        #expect(fleet.place("globex", size: 30) == "s2", "s2 has 100 free against s1's 70")
        #expect(fleet.place("initech", size: 10) == "s1", "s1 and s2 tie at 70; s1 is first")
        #expect(fleet.place("hooli", size: 61) == "s2", "s2 (70 free) is the only stamp with room for 61")
        #expect(fleet.freeCapacity(of: "s3") == 60 && fleet.freeCapacity(of: "s2") == 9, "s3 is untouched; s2 has 9 left")
        #expect(fleet.place("umbrella", size: 60) == "s1", "s1 (60 free) and s3 (60 free) tie; s1 is first")
        #expect(fleet.stamp(of: "umbrella") == "s1", "the directory should send umbrella to s1, but says \(String(describing: fleet.stamp(of: "umbrella")))")
        #expect(fleet.place("stark", size: 61) == nil, "no stamp has 61 free (s3 has 60), so stark cannot be placed")
        #expect(fleet.stamp(of: "stark") == nil && fleet.freeCapacity(of: "nope") == nil, "an unplaced tenant has no stamp; an unknown stamp has no capacity")
    }

    @Test("A tenant that fills a stamp exactly fits; placing it again changes nothing")
    func exactFitAndIdempotentPlacement() {
        let fleet = makeFleet()
        #expect(fleet.place("big", size: 100) == "s1", "100 fits s1 exactly")
        #expect(fleet.freeCapacity(of: "s1") == 0, "s1 is full")
        #expect(fleet.place("big", size: 100) == "s1", "placing big again returns its stamp")
        #expect(fleet.freeCapacity(of: "s1") == 0 && fleet.freeCapacity(of: "s2") == 100, "placing again must not count big twice or elsewhere")
    }

    @Test("Adding a stamp makes room for tenants that fitted nowhere; a duplicate name is ignored")
    func addStamp() {
        let fleet = makeFleet()
        #expect(fleet.place("huge", size: 150) == nil, "no stamp holds 150")
        fleet.addStamp(Stamp(name: "s4", capacity: 200))
        fleet.addStamp(Stamp(name: "s4", capacity: 10))
        #expect(fleet.stamps.map(\.name) == ["s1", "s2", "s3", "s4"], "s4 is added once, but stamps are \(fleet.stamps.map(\.name))")
        #expect(fleet.place("huge", size: 150) == "s4" && fleet.freeCapacity(of: "s4") == 50, "s4 (200) takes huge and keeps 50 free")
    }

    @Test("Writes and reads go to the tenant's own stamp, and stamps share nothing")
    func routesByDirectory() {
        let fleet = makeFleet()
        fleet.place("acme", size: 10)
        fleet.place("globex", size: 10)

        #expect(fleet.write("acme", "k", "a") == .accepted(stamp: "s1"), "acme lives on s1")
        #expect(fleet.write("globex", "k", "g") == .accepted(stamp: "s2"), "globex lives on s2")
        #expect(fleet.write("nobody", "k", "x") == .unknownTenant, "an unplaced tenant is unknown")
        #expect(fleet.read("acme", "k") == "a" && fleet.read("globex", "k") == "g", "each tenant reads its own value")
        #expect(fleet.read("nobody", "k") == nil, "an unknown tenant reads nothing")
        #expect(fleet.rows(of: "acme", in: "s1") == ["k": "a"] && fleet.rows(of: "acme", in: "s2") == [:],
                "acme's rows live only in s1's store")
        #expect(fleet.phase(of: "acme") == .serving && fleet.phase(of: "nobody") == nil, "acme is serving; nobody has no phase")
    }
}
