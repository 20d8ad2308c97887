import Dispatch

/// Runs blocking work (waiting for a child process: psql, the saring binary) on a thread of its
/// own instead of the Swift concurrency pool. The pool has one thread per core — two here — and
/// every live server of the test process runs on it: two tests waiting for children on it at
/// once stall all of them until the clients time out ("empty reply").
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
