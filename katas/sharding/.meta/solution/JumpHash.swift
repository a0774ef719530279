/// Jump consistent hash (Lamping & Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm",
/// 2014): the bucket in `0..<buckets` for a 64-bit key, with no table at all.
///
/// Growing from `n` to `n + 1` buckets moves a key only into the new bucket `n`, and moves about
/// `1/(n + 1)` of the keys. The function must give exactly the paper's outputs: its 64-bit linear
/// congruential step `key = key × 2862933555777941757 + 1` (wrapping), and the jump
/// `j = (b + 1) × 2³¹ / ((key >> 33) + 1)` computed in `Double` and truncated.
///
/// - Precondition: `buckets > 0`.
public func jumpConsistentHash(_ key: UInt64, buckets: Int32) -> Int32 {
    precondition(buckets > 0, "jump hash needs at least one bucket")
    var key = key
    var bucket: Int64 = -1
    var jump: Int64 = 0
    while jump < Int64(buckets) {
        bucket = jump
        key = key &* 2_862_933_555_777_941_757 &+ 1
        // The next bucket this key would jump to, were there enough buckets: a uniform draw
        // scaled so that the key stays put with probability (b + 1) / (j + 1).
        jump = Int64(Double(bucket + 1) * (Double(Int64(1) << 31) / Double((key >> 33) + 1)))
    }
    return Int32(bucket)
}
