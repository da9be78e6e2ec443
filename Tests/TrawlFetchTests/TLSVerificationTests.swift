import Foundation
import Testing
import TrawlCore
import TrawlFetch
import TrawlTestSupport

/// TLS against a real `openssl s_server` on loopback with a throwaway self-signed certificate.
@Suite(.enabled(if: TLSTestServer.isAvailable), .timeLimit(.minutes(1)))
struct TLSVerificationTests {
    @Test("a certificate no trusted authority signed is refused as a TLS failure")
    func untrustedCertificateIsRefused() async throws {
        let server = try await TLSTestServer.start()
        defer { server.stop() }
        let fetcher = try CurlFetcher()
        defer { fetcher.shutdown() }
        let outcome = await fetcher.fetch(FetchRequest(url: server.url))
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a TLS failure, got \(outcome)")
            return
        }
        #expect(reason.code == .tls, "\(reason)")
    }

    @Test("the same server is accepted when its certificate is given as the trusted authority")
    func trustedCertificateIsAccepted() async throws {
        let server = try await TLSTestServer.start()
        defer { server.stop() }
        var configuration = FetchConfiguration()
        configuration.caCertificatesPath = server.certificatePath
        let fetcher = try CurlFetcher(configuration: configuration)
        defer { fetcher.shutdown() }
        let outcome = await fetcher.fetch(FetchRequest(url: server.url))
        guard case .response(let response) = outcome else {
            Issue.record("expected a response, got \(outcome)")
            return
        }
        #expect(response.status == 200)
    }
}

/// `openssl s_server -www` on 127.0.0.1 with a fresh self-signed certificate for 127.0.0.1.
final class TLSTestServer: Sendable {
    static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")

    let folder: TemporaryFolder
    let port: Int
    private let process: Process

    var url: String { "https://127.0.0.1:\(port)/" }

    /// Starts a server on a thread of its own: key generation and the wait for the listener
    /// block, and blocking the 2-thread cooperative pool would starve other tests' timers.
    static func start() async throws -> TLSTestServer {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try TLSTestServer() })
            }
        }
    }
    var certificatePath: String { folder.path("cert.pem") }

    init() throws {
        folder = try TemporaryFolder(prefix: "trawl-tls")
        try Self.openssl([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", folder.path("key.pem"), "-out", folder.path("cert.pem"),
        ], in: folder.url)
        // Borrow an ephemeral port from the test server, then hand it to s_server.
        let probe = try TestHTTPServer(routes: [:])
        port = probe.port
        probe.stop()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", "cert.pem", "-key", "key.pem", "-www", "-quiet",
        ]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        try waitUntilListening()
    }

    func stop() {
        // SIGKILL: s_server may inherit an ignored SIGTERM from the test runner.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        folder.remove()
    }

    private func waitUntilListening() throws {
        for _ in 0..<200 {
            if (try? TestHTTPClient(host: "127.0.0.1", port: port, timeout: 1)) != nil { return }
            usleep(25_000)
        }
        throw TLSTestServerError(message: "openssl s_server did not start on port \(port)")
    }

    private static func openssl(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLaunch.run(process)
        process.waitUntilExit()
    }
}

struct TLSTestServerError: Error {
    let message: String
}
