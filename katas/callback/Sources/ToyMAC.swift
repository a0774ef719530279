/// A keyed message tag standing in for HMAC-SHA256. Given: you do not write this.
///
/// **Not cryptographic.** It is FNV-1a (64-bit) over the key, the message and the key again —
/// deterministic, dependency-free, and enough to tell a right secret from a wrong one in tests,
/// but trivially forgeable. Real webhooks use HMAC-SHA256 (Stripe, GitHub, Slack), from a
/// vetted library such as swift-crypto.
public enum ToyMAC {
    /// The tag of `message` under `key`, as 16 lowercase hex digits.
    public static func tag(key: String, message: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325           // FNV-1a 64-bit offset basis
        for byte in Array(key.utf8) + [0] + Array(message.utf8) + [0] + Array(key.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3            // FNV-1a 64-bit prime
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
