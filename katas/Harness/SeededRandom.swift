/// A small, fast, seedable random number generator (SplitMix64).
///
/// Katas that need randomness (jitter, fault injection) take `inout some RandomNumberGenerator`;
/// tests pass a `SeededRandom` so every run draws the same numbers. SplitMix64 is the generator
/// Java's `SplittableRandom` uses; its output passes BigCrush and its state is one `UInt64`.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A generator that returns values a test chose, to pin jitter to its extremes.
///
/// `FixedRandom(unitValues: [0, 0.999])` makes `Double.random(in: 0..<x, using:)` return
/// (close to) 0, then (close to) the top of the range, then repeat.
///
/// Use it for `Double` draws only. The standard library draws integers in a range by rejection
/// sampling: it discards some raw values and draws again, so a generator that keeps returning a
/// rejected value makes `Int.random(in:using:)` loop forever. Use `SeededRandom` for integers.
public struct FixedRandom: RandomNumberGenerator, Sendable {
    private let values: [UInt64]
    private var index = 0

    public init(unitValues: [Double]) {
        precondition(!unitValues.isEmpty, "FixedRandom needs at least one value")
        values = unitValues.map { unit in
            precondition((0..<1).contains(unit), "unit values lie in 0..<1, got \(unit)")
            return UInt64(unit * 0x1p64)
        }
    }

    public mutating func next() -> UInt64 {
        defer { index = (index + 1) % values.count }
        return values[index]
    }
}
