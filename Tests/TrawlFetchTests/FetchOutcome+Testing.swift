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
