import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over all cores. Results keep the input's order, so whatever runs first, the
    /// output — and so the site — is the same every time.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes only its own slot, so the slots need no lock.
        nonisolated(unsafe) let slots = results
        withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: input.count) { index in
                slots[index] = transform(input[index])
            }
        }
        return results.map { $0! }
    }
}
