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

/// A generator that returns draws a test chose, as fractions of the range.
///
/// `FixedRandom(unitValues: [0, 0.999])` makes `Double.random(in: 0..<x, using:)` return 0, then
/// (close to) the top of the range, then repeat — and `Int.random(in:)` and closed ranges land on
/// the same fractions to within about 1/2048 of the range.
///
/// Why each word is built the way it is: the standard library's `Double.random(in: a..<b)` reads
/// only the low 53 bits of `next()`, while integer draws and closed ranges read the high bits, and
/// those reject some words and draw again — a generator that repeats one word forever can make
/// them loop forever. So every word carries the fraction in both halves, plus a small counter in
/// the lowest bits that changes with every word.
public struct FixedRandom: RandomNumberGenerator, Sendable {
    private let fractions: [Double]
    private var index = 0
    private var counter: UInt64 = 0

    public init(unitValues: [Double]) {
        precondition(!unitValues.isEmpty, "FixedRandom needs at least one value")
        precondition(unitValues.allSatisfy { (0..<1).contains($0) }, "unit values lie in 0..<1")
        fractions = unitValues
    }

    public mutating func next() -> UInt64 {
        let fraction = fractions[index]
        index = (index + 1) % fractions.count
        counter = counter % 1024 + 1
        let high = UInt64(fraction * 0x1p11) << 53                              // top 11 bits
        let low = min(UInt64(fraction * 0x1p53) + counter, (1 << 53) - 1)      // low 53 bits
        return high | low
    }
}
