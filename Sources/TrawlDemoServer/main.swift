// TrawlDemoServer: serves a directory (by default the bundled examples/site) over HTTP on
// loopback, for demos and end-to-end tests of the `trawl` binary.
//
//     TrawlDemoServer --root DIR [--host 127.0.0.1] [--port 0]
//
// Prints exactly one line, `http://HOST:PORT/`, once listening, then serves until SIGTERM or
// SIGINT. Usage errors exit with status 2.

import Foundation
import TrawlTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Block the stop signals first, before any thread (ours or the runtime's) starts, so every
// thread inherits the mask and the main thread alone receives them through sigwait.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGTERM)
sigaddset(&stopSignals, SIGINT)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

let usage = "usage: TrawlDemoServer --root DIR [--host 127.0.0.1] [--port 0]"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n\(usage)\n".utf8))
    exit(2)
}

var root: String?
var host = "127.0.0.1"
var port = 0
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "-h", "--help":
        print(usage)
        exit(0)
    case "--root", "--host", "--port":
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
        switch argument {
        case "--root": root = value
        case "--host": host = value
        default:
            guard let number = Int(value), (0...65535).contains(number) else {
                fail("--port must be a number from 0 to 65535, got '\(value)'")
            }
            port = number
        }
    default:
        fail("unknown argument '\(argument)'")
    }
}
guard let root else { fail("--root is required") }

let server: TestHTTPServer
do {
    let site = try StaticSiteHandler(root: root)
    server = try TestHTTPServer(host: host, port: port, handler: site.respond)
} catch let error as TestServerError where error.code == .badRoot || error.code == .badAddress {
    fail(error.description)
} catch {
    FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): \(error)\n".utf8))
    exit(1)
}

// FileHandle writes are unbuffered: the line is out before anyone reads it.
FileHandle.standardOutput.write(Data("\(server.baseURL)/\n".utf8))

var received: Int32 = 0
sigwait(&stopSignals, &received)
server.stop()
exit(0)
