import Testing
import TrawlCore

@Suite struct FailureReasonTests {
    @Test("a status failure is labelled by its status, whatever the detail adds")
    func statusLabel() {
        #expect(FailureReason(.httpStatus, "404").label == "http-404")
        #expect(FailureReason(.httpStatus, "503 (after 4 attempts)").label == "http-503")
    }

    @Test("other failures are labelled by their code alone")
    func codeLabel() {
        #expect(FailureReason(.robotsUnavailable, "http://a/robots.txt: http-status: 503").label == "robots-unavailable")
        #expect(FailureReason(.timeout).label == "timeout")
    }
}
