/// A 64-bit hash of a string that every process computes the same way (given; you do not write it).
///
/// Swift's `Hasher` is seeded randomly per process, so two routers using it would place every key
/// differently. This is FNV-1a over the UTF-8 bytes (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3), followed by the SplitMix64 finaliser so that similar strings ("node#1",
/// "node#2") land far apart. `seed` is mixed into the offset basis to get independent hashes.
public func stableHash(_ text: String, seed: UInt64 = 0) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
    hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
    return hash ^ (hash >> 31)
}
