import CRDTKata
import Testing

@Suite("CRDT: OR-Set with unique tags")
struct ORSetTests {
    @Test("An element is in the set after an add and out of it after a remove")
    func addThenRemove() {
        var set = ORSet<String>()
        set.add("x", at: "a")
        set.add("y", at: "a")
        #expect(set.elements == ["x", "y"], "after adding x and y the elements were \(set.elements)")
        #expect(set.contains("x"), "contains(x) was false right after adding x")
        set.remove("x")
        #expect(set.elements == ["y"], "after removing x the elements were \(set.elements) instead of [y]")
        #expect(!set.contains("x") && set.contains("y"), "after removing x: contains(x) = \(set.contains("x")), contains(y) = \(set.contains("y"))")
    }

    @Test("Each add mints a fresh tag: the replica and its running count of adds")
    func freshTags() {
        var a = ORSet<String>()
        let first = a.add("x", at: "a")
        let second = a.add("x", at: "a")
        var b = ORSet<String>()
        let fromB = b.add("x", at: "b")
        a.merge(b)
        let third = a.add("z", at: "a")
        let tags = [first, second, fromB, third].map(\.description)
        #expect(tags == ["a:1", "a:2", "b:1", "a:3"], "the tags were \(tags) instead of [a:1, a:2, b:1, a:3]")
        #expect(a.addCounts == ["a": 3, "b": 1], "the add counts were \(a.addCounts) instead of [a: 3, b: 1]")
        #expect(a.added.count == 4, "the state held \(a.added.count) tags instead of 4")
    }

    @Test("A replica restored from a peer's copy keeps minting fresh tags")
    func restoredReplica() {
        var original = ORSet<String>()
        original.add("x", at: "a")
        original.add("y", at: "a")
        var restored = ORSet<String>()         // replica a lost its disk and restarts from a copy
        restored.merge(original)
        let tag = restored.add("z", at: "a")
        #expect(tag == Tag(replica: "a", counter: 3), "after restoring two of a's adds, the next tag was \(tag) instead of a:3; a reused tag would let removing z remove x")
        restored.remove("z")
        #expect(restored.elements == ["x", "y"], "removing z left \(restored.elements) instead of [x, y]")
    }

    @Test("Add wins: an add the remover never saw survives the merge")
    func addWins() {
        var a = ORSet<String>()
        a.add("x", at: "a")
        var b = a                               // b has seen a's add of x
        b.remove("x")                           // b removes the x it saw…
        a.add("x", at: "a")                     // …while a adds x again, concurrently
        let ab = a.merged(with: b)
        let ba = b.merged(with: a)
        #expect(ab.contains("x"), "after a concurrent add and remove of x, x was gone: the add must win")
        #expect(ab.elements == ["x"] && ab == ba, "merged both ways the sets were \(ab.elements) and \(ba.elements), expected [x] and equal states")
        #expect(ab.tombstones == [Tag(replica: "a", counter: 1)], "only the observed tag a:1 should be tombstoned, got \(ab.tombstones)")
    }

    @Test("A remove that has seen every add deletes the element everywhere")
    func observedRemoveWins() {
        var a = ORSet<String>()
        a.add("x", at: "a")
        var b = ORSet<String>()
        b.add("x", at: "b")
        b.add("keep", at: "b")
        a.merge(b)                              // a has seen both adds of x
        a.remove("x")
        b.merge(a)
        #expect(b.elements == ["keep"], "after a removed x with both its tags observed, b held \(b.elements) instead of [keep]")
        #expect(b.tombstones.count == 2, "b knew \(b.tombstones.count) tombstones instead of x's two tags")
    }

    @Test("Removing an element that is not there changes nothing")
    func removeAbsent() {
        var set = ORSet<String>()
        set.add("y", at: "a")
        let before = set
        set.remove("x")
        #expect(set.elements == ["y"], "removing an absent x left \(set.elements) instead of [y]")
        #expect(set == before, "removing an absent element changed the state")
    }

    @Test("After a remove, a new add brings the element back")
    func reAdd() {
        var set = ORSet<Int>()
        set.add(7, at: "a")
        set.remove(7)
        set.add(7, at: "a")
        #expect(set.contains(7), "7 added again after its removal was not in the set: did the new add reuse a tombstoned tag?")
        #expect(set.elements == [7], "the elements were \(set.elements) instead of [7]")
    }
}
