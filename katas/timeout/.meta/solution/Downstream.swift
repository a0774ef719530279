import KataHarness

// Provided: nothing to do in this file. It describes what your timeout code talks to; the tests
// plug in a fake remote service that runs on the `VirtualClock`.

/// A remote service you send requests to.
public protocol Downstream: AnyObject {
    /// Sends one request and returns at once with a handle on the reply.
    ///
    /// `budget` travels with the request, the way gRPC's `grpc-timeout` header does: it tells the
    /// server how long the caller is prepared to wait, so the server (and whatever it calls in
    /// turn) can give up on work whose answer nobody will read.
    func send(budget: Duration) -> any PendingReply
}

/// A request that has been sent and whose reply has not been read yet.
public protocol PendingReply: AnyObject {
    /// Waits on the virtual clock until the reply arrives or `limit` passes, whichever is first.
    ///
    /// - Returns: the response, or `nil` if `limit` passed first. After `nil` the request is
    ///   still in flight: the server keeps working on it until you `cancel()` it.
    /// - Throws: the fault, if the reply that arrived in time was a failure.
    func wait(upTo limit: Duration) throws(InjectedFault) -> String?

    /// Tells the server to stop working on this request: nobody is waiting for it any more.
    func cancel()
}
