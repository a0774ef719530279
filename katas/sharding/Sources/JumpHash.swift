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
    // TODO(kata): transcribe the paper's loop: b = -1, j = 0; while j < buckets, b = j, step the
    // key with the LCG (wrapping arithmetic: &* and &+), and compute the next j. Return b.
    return 0
}
