// The tests start the real binary many times while other tests hold live connections; the way they
// start it must not depend on how many descriptors the test process holds (Foundation's `Process`
// crashed CI with some 1,350 open) and must not hand those descriptors to the child.
import Foundation
import Glibc
import SaringTestSupport
import Testing

@Suite("Starting the binary from tests")
struct ChildProcessTests {
    @Test func aChildStartedWhileThousandsOfDescriptorsAreOpenGetsOnlyItsStandardStreams() throws {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let extra = 2_000
        try #require(limit.rlim_cur > rlim_t(extra + 1_000), "the descriptor limit (\(limit.rlim_cur)) is too low for this test")
        var held: [Int32] = []
        defer { for fd in held { close(fd) } }
        for _ in 0..<extra {
            let fd = open("/dev/null", O_RDONLY)
            try #require(fd >= 0, "open failed: errno \(errno)")
            held.append(fd)
        }
        // `ls` lists the descriptors it has: its three standard streams and the one it reads the folder with.
        let child = try ChildProcess(executable: "/bin/ls", arguments: ["/proc/self/fd"], environment: [:])
        let listing = String(decoding: ChildProcess.readAll(child.standardOutput!), as: UTF8.self)
        let errors = String(decoding: ChildProcess.readAll(child.standardError!), as: UTF8.self)
        #expect(child.waitForExit() == 0, "\(errors)")
        child.close()
        let descriptors = listing.split(separator: "\n").compactMap { Int($0) }
        #expect(descriptors.count <= 4, "the child inherited \(descriptors.count) descriptors: \(descriptors.prefix(20))")
        #expect(Set(descriptors).isSuperset(of: [0, 1, 2]))
    }

    @Test func theExitCodeAndTheEndingSignalAreReported() throws {
        let exits = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "exit 7"], environment: [:])
        #expect(exits.waitForExit() == 7)
        #expect(!exits.endedBySignal)
        let sleeper = try ChildProcess(executable: "/bin/sleep", arguments: ["30"], environment: [:])
        #expect(sleeper.isRunning)
        sleeper.signal(SIGKILL)
        #expect(sleeper.waitForExit() == SIGKILL)
        #expect(sleeper.endedBySignal)
        #expect(!sleeper.isRunning)
    }

    @Test func theBinaryReadsStandardInputAndRunsInTheFolderGiven() throws {
        let folder = try CLI.temporaryFolder()
        let child = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "pwd; cat"], environment: [:], directory: folder.path, input: .pipe)
        ChildProcess.writeAll(Data("Selamat pagi dari Medan\n".utf8), to: child.standardInput!)
        child.closeStandardInput()
        let output = String(decoding: ChildProcess.readAll(child.standardOutput!), as: UTF8.self)
        #expect(child.waitForExit() == 0)
        #expect(output.contains("Selamat pagi dari Medan"))
        #expect(output.hasPrefix(folder.resolvingSymlinksInPath().path) || output.hasPrefix(folder.path))
    }
}
