// TrawlDemoServer: serves a directory (by default the bundled examples/site) over HTTP on
// loopback, for demos and end-to-end tests of the `trawl` binary.
//
//     TrawlDemoServer --root DIR [--host 127.0.0.1] [--port 0]
//     TrawlDemoServer --graph FANOUT [--graph-size N] [--host 127.0.0.1] [--port 0]
//
// `--graph` serves a synthetic link graph instead (see LinkGraphSite): `/g/N` links to FANOUT
// new pages, for measuring crawls that know millions of URLs.
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

let usage = "usage: TrawlDemoServer (--root DIR | --graph FANOUT) [--host 127.0.0.1] [--port 0]"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n\(usage)\n".utf8))
    exit(2)
}

var root: String?
var graph: Int?
var graphSize: Int?
var host = "127.0.0.1"
var port = 0
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "-h", "--help":
        print(usage)
        exit(0)
    case "--root", "--host", "--port", "--graph", "--graph-size":
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
        switch argument {
        case "--root": root = value
        case "--graph":
            guard let fanout = Int(value), (1...10_000).contains(fanout) else {
                fail("--graph must be a fan-out from 1 to 10000, got '\(value)'")
            }
            graph = fanout
        case "--graph-size":
            guard let size = Int(value), size >= 1 else { fail("--graph-size must be a positive number, got '\(value)'") }
            graphSize = size
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
guard root != nil || graph != nil else { fail("--root or --graph is required") }

let server: TestHTTPServer
do {
    if let graph {
        server = try TestHTTPServer(host: host, port: port, handler: LinkGraphSite(fanout: graph, size: graphSize).respond)
    } else {
        let site = try StaticSiteHandler(root: root ?? ".")
        server = try TestHTTPServer(host: host, port: port, handler: site.respond)
    }
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
