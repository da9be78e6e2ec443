import TrawlCore

extension FetchOutcome {
    /// The response, if the fetch got one.
    var response: Response? {
        if case .response(let response) = self { return response }
        return nil
    }

    /// The failure, if the fetch failed.
    var failure: FailureReason? {
        if case .failed(let reason) = self { return reason }
        return nil
    }
}

/// Seconds elapsed while running `body`, and its result.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try await body()
    let elapsed = ContinuousClock.now - start
    return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}
