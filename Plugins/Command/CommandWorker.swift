import Foundation
import Logging
import Synchronization
import TrawlCore

/// One child slot: keeps a child running, matches its answers to waiting pages by `id`, fails
/// pages that time out, and restarts the child when it exits, within limits.
///
/// Pages wait on continuations; the child's threads resume them. Nothing here blocks a task:
/// the lock is held only for bookkeeping, and the restart backoff is slept on the reaper thread.
/// A page in flight when its child exits is sent again once, to the next child.
final class CommandWorker: Sendable {
    private let configuration: CommandProcessorConfiguration
    private let executable: String
    private let logger: Logger
    private let state = Mutex(CommandWorkerState())
    /// Stderr lines logged per child at most; the rest only feed the tail kept for messages.
    private static let maxLoggedStderrLines = 1000

    init(configuration: CommandProcessorConfiguration, executable: String, logger: Logger) throws(CommandProcessorError) {
        self.configuration = configuration
        self.executable = executable
        self.logger = logger
        let child = try ChildProcess(executable: executable, arguments: configuration.arguments)
        state.withLock {
            $0.child = child
            $0.generation = 1
        }
        start(child, generation: 1)
    }

    /// Pages waiting for an answer.
    var load: Int { state.withLock { $0.pending.count } }

    /// Sends `page` to the child and suspends until its answer (a JSON object with its `id`).
    func process(_ page: Page) async throws -> JSONValue {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let line = CommandRequest.line(id: id, page: page)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                submit(id: id, line: line, continuation: continuation)
            }
        } onCancel: {
            finish(id, with: CancellationError())
        }
    }

    private enum Submission {
        case send(ChildProcess)
        case spawn
        case wait
        case refuse(CommandProcessorError)
    }

    private func submit(id: Int, line: [UInt8], continuation: CheckedContinuation<JSONValue, any Error>) {
        let now = ContinuousClock.now
        let submission = state.withLock { state -> Submission in
            if state.stopped { return .refuse(CommandProcessorError(.stopped, "the command processor was shut down")) }
            if state.child == nil && !state.spawning, let refusal = restartRefusal(&state, now: now) {
                return .refuse(refusal)
            }
            var page = CommandWorkerState.Pending(continuation: continuation, line: line, order: state.nextOrder)
            state.nextOrder += 1
            defer { state.pending[id] = page }
            if let child = state.child {
                page.sentTo = state.generation
                page.attempts = 1
                return .send(child)
            }
            if state.spawning { return .wait }
            state.spawning = true
            return .spawn
        }
        switch submission {
        case .refuse(let error):
            continuation.resume(throwing: error)
            return
        case .send(let child): child.send(line)
        case .spawn: restart()
        case .wait: break
        }
        let timeout = configuration.timeout
        let timer = Task { [weak self] in
            try? await Task.sleep(for: .seconds(timeout))
            guard !Task.isCancelled else { return }
            self?.finish(id, with: CommandProcessorError(.timeout, "no answer within \(Self.seconds(timeout))"))
        }
        state.withLock { $0.pending[id]?.timer = timer }
        // A cancellation that came before the page was recorded found nothing to cancel.
        if Task.isCancelled { finish(id, with: CancellationError()) }
    }

    /// Fails page `id` with `error` if it is still waiting.
    private func finish(_ id: Int, with error: any Error) {
        state.withLock { $0.take(id) }?.continuation.resume(throwing: error)
    }

    /// Why the child may not be restarted now, or nil when it may.
    private func restartRefusal(_ state: inout CommandWorkerState, now: ContinuousClock.Instant) -> CommandProcessorError? {
        state.pruneExits(now: now, window: configuration.restartWindow)
        guard state.exits.count > configuration.maxRestarts else { return nil }
        return CommandProcessorError(
            .restartLimit,
            "'\(configuration.program)' exited \(state.exits.count) times within \(Self.seconds(configuration.restartWindow)) "
                + "and is not restarted for now; \(state.stderrTail.text)")
    }

    // MARK: - Events from the child's threads

    private func received(_ line: [UInt8], overflowed: Bool, generation: Int) {
        // A blank line answers nothing; failing a page over a stray `print()` would be harsh.
        if !overflowed && line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        switch CommandAnswer.parse(line, overflowed: overflowed, limit: configuration.maxAnswerBytes) {
        case .answer(let id, let value):
            guard let page = state.withLock({ $0.take(id) }) else {
                logger.debug("command answer for no waiting page discarded", metadata: ["trawl.id": "\(id)"])
                return
            }
            page.continuation.resume(returning: value)
        case .unmatched(let reason):
            // No id to go by: the oldest page in flight to this child is the one it most likely
            // meant (the only one, for a child that answers one page at a time).
            let text = CommandAnswer.excerpt(String(decoding: line, as: UTF8.self))
            let error = CommandProcessorError(.malformedAnswer, "malformed answer (\(reason)): \(text)")
            let oldest = state.withLock { state in
                state.pending.filter { $0.value.sentTo == generation }.min { $0.value.order < $1.value.order }
                    .flatMap { state.take($0.key) }
            }
            guard let oldest else {
                logger.debug("command line matching no page discarded", metadata: ["trawl.line": "\(text)"])
                return
            }
            oldest.continuation.resume(throwing: error)
        }
    }

    private func diagnostic(_ line: [UInt8], generation: Int) {
        let text = String(decoding: line, as: UTF8.self)
        let shouldLog = state.withLock { state in
            state.stderrTail.append(text)
            state.stderrLinesLogged += 1
            return state.generation == generation && state.stderrLinesLogged <= Self.maxLoggedStderrLines
        }
        if shouldLog {
            logger.debug("command stderr", metadata: ["trawl.processor": "\(configuration.program)", "trawl.line": "\(text)"])
        }
    }

    /// Runs on the reaper thread: fails or requeues the pages the child took with it, then
    /// restarts it after the backoff, unless it exited too often.
    private func exited(generation: Int, status: String) {
        let now = ContinuousClock.now
        var failed: [(CommandWorkerState.Pending, CommandProcessorError)] = []
        let delay = state.withLock { state -> Double? in
            guard state.generation == generation, !state.stopped else { return nil }
            state.child = nil
            state.exits.append(now)
            let lost = CommandProcessorError(
                .exited, "'\(configuration.program)' \(status) before answering; \(state.stderrTail.text)")
            for page in state.takeAll(where: { $0.sentTo == generation && $0.attempts >= 2 }) {
                failed.append((page, lost))
            }
            for id in state.pending.keys where state.pending[id]?.sentTo == generation {
                state.pending[id]?.sentTo = nil
            }
            if let refusal = restartRefusal(&state, now: now) {
                failed += state.takeAll().map { ($0, refusal) }
                return nil
            }
            state.spawning = true
            return configuration.restartBackoff * Double(1 << min(state.exits.count - 1, 20))
        }
        logger.debug("command exited", metadata: ["trawl.processor": "\(configuration.program)", "trawl.status": "\(status)"])
        for (page, error) in failed { page.continuation.resume(throwing: error) }
        guard let delay else { return }
        // This is the child's reaper thread, not a pool thread: sleeping here blocks nobody.
        Thread.sleep(forTimeInterval: delay)
        restart()
    }

    /// Starts the next child and sends it the pages waiting for one.
    private func restart() {
        let generation = state.withLock { $0.generation + 1 }
        let child: ChildProcess
        do {
            child = try ChildProcess(executable: executable, arguments: configuration.arguments)
        } catch {
            let pages = state.withLock { state in
                state.spawning = false
                state.exits.append(.now)
                return state.takeAll()
            }
            for page in pages { page.continuation.resume(throwing: error) }
            return
        }
        let lines = state.withLock { state -> [[UInt8]]? in
            state.spawning = false
            guard !state.stopped else { return nil }
            state.child = child
            state.generation = generation
            state.stderrLinesLogged = 0
            var lines: [[UInt8]] = []
            for id in state.pending.keys.sorted() where state.pending[id]?.sentTo == nil {
                state.pending[id]?.sentTo = generation
                state.pending[id]?.attempts += 1
                lines.append(state.pending[id]?.line ?? [])
            }
            return lines
        }
        start(child, generation: generation)
        guard let lines else {
            child.closeInput()
            return
        }
        for line in lines { child.send(line) }
    }

    /// Starts `child`'s threads, once it is recorded as the current child.
    private func start(_ child: ChildProcess, generation: Int) {
        child.start(
            maxLine: configuration.maxAnswerBytes,
            handlers: ChildProcess.Handlers(
                answer: { [weak self] line, overflowed in self?.received(line, overflowed: overflowed, generation: generation) },
                diagnostic: { [weak self] line in self?.diagnostic(line, generation: generation) },
                exit: { [weak self] status in self?.exited(generation: generation, status: status) }))
    }

    // MARK: - Shutdown

    /// Fails the pages still waiting, closes the child's stdin and waits for it to exit,
    /// killing it after `grace` seconds.
    func stop(grace: Double) async {
        let (child, pages) = state.withLock { state in
            state.stopped = true
            return (state.child, state.takeAll())
        }
        let error = CommandProcessorError(.stopped, "the command processor was shut down")
        for page in pages { page.continuation.resume(throwing: error) }
        guard let child else { return }
        child.closeInput()
        let killer = Task {
            try? await Task.sleep(for: .seconds(grace))
            if !Task.isCancelled { child.signal(SIGKILL) }
        }
        await child.waitForExit()
        killer.cancel()
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
