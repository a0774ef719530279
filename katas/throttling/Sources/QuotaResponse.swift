/// The HTTP answer a quota gives one request: 200, or 429 Too Many Requests (RFC 6585 §4) with a
/// `Retry-After` header in whole seconds (RFC 9110 §10.2.3, the delay-seconds form).
public struct QuotaResponse: Equatable, Sendable, CustomStringConvertible {
    public let status: Int
    public let headers: [String: String]

    public static let ok = QuotaResponse(status: 200, headers: [:])

    public static func tooManyRequests(retryAfterSeconds: Int) -> QuotaResponse {
        QuotaResponse(status: 429, headers: ["Retry-After": String(retryAfterSeconds)])
    }

    public var description: String {
        headers.isEmpty ? "\(status)" : "\(status) \(headers)"
    }
}
