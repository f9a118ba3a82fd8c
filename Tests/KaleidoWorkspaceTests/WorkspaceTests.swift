import Foundation
import KaleidoKB
import KaleidoMerge
import KaleidoTestSupport
@testable import KaleidoWorkspace
import KaleidoYAML
import Testing

/// `Workspace.open(at:)`: the config checked once, the file-system door, what is loaded at first
/// use, and the one merge context the driver and the daemon share.
@Suite struct WorkspaceTests {
    @Test func opensTheSampleKBAndMapsPathsBothWays() throws {
        let workspace = try Workspace.open(at: SampleKB.root)
        #expect(workspace.config.knowledgeFolder == "knowledge")
        #expect(workspace.path("knowledge/partners/tn-mun-sfax.yaml") == SampleKB.root + "/knowledge/partners/tn-mun-sfax.yaml")
        #expect(workspace.relativePath(of: SampleKB.root + "/knowledge/a.yaml") == "knowledge/a.yaml")
        #expect(workspace.relativePath(of: "partners/a.yaml", from: SampleKB.root + "/knowledge") == "knowledge/partners/a.yaml")
        #expect(workspace.relativePath(of: "/elsewhere/a.yaml") == nil)
        // The door resolves `.` and `..` by name before deciding what is inside.
        #expect(workspace.relativePath(of: SampleKB.root + "/knowledge/../../etc/passwd") == nil)
        #expect(workspace.relativePath(of: "./partners/../partners/a.yaml", from: SampleKB.root + "/knowledge") == "knowledge/partners/a.yaml")
        #expect(workspace.relativePath(of: SampleKB.root + "/../" + (SampleKB.root as NSString).lastPathComponent + "/knowledge/a.yaml") == "knowledge/a.yaml")
        #expect(Workspace.locate(from: SampleKB.root + "/knowledge/partners") == SampleKB.root)
        // The vocabulary of config.vocabPath, read at the first call.
        #expect(workspace.vocabulary().keys(of: "confidentiality").contains("restreint"))
    }

    /// A bad config is refused when the workspace opens, with its place in the file.
    @Test func aBadConfigIsRefusedWithItsLocation() throws {
        let scratch = try ScratchKB(empty: ())
        defer { scratch.remove() }
        try TestFiles.write("name: x\nknowledge: [oops]\n", to: scratch.root + "/.kaleido/config.yaml")
        let error = try #require(throws: KBOpenError.self) { try Workspace.open(at: scratch.root) }
        let rendered = error.diagnostic.rendered(source: error.source)
        #expect(rendered.hasPrefix(".kaleido/config.yaml:2:"), "\(rendered)")
    }

    /// The schemas are read once per workspace: a schema file changed after the first read is
    /// not seen by the same workspace (a command or a merge sees one consistent set).
    @Test func schemasAreLoadedOnce() throws {
        let scratch = try ScratchKB(records: 5, seed: 3)
        defer { scratch.remove() }
        let workspace = try Workspace.open(at: scratch.root)
        let first = try workspace.schemas()
        #expect(first.hints[.partner]?.isEmpty == false)
        try FileManager.default.removeItem(atPath: scratch.root + "/schemas")
        let second = try workspace.schemas()
        #expect(second.hints == first.hints)
        // A new workspace reads them again.
        #expect(try Workspace.open(at: scratch.root).schemas().hints.isEmpty)
    }

    /// The merge driver (a path from the current folder, the record's own `type`) and the daemon
    /// (a repository path, the folder's type) get the same context for the same record.
    @Test func theDriverAndTheDaemonGetTheSameContext() throws {
        let workspace = try Workspace.open(at: SampleKB.root)
        let file = "knowledge/partners/tn-mun-sfax.yaml"
        let bytes = try #require(FileManager.default.contents(atPath: workspace.path(file)))
        let record = try YAMLParser().parseDocument(Array(bytes)).root
        let driver = MergeContext.find(for: "partners/tn-mun-sfax.yaml", from: SampleKB.root + "/knowledge", record: record)
        let daemon = MergeContext.of(file, in: workspace, record: nil)
        #expect(!driver.hints.isEmpty)
        #expect(driver.hints == daemon.hints)
        #expect(driver.hints == (try workspace.schemas()).hints[.partner])
        // Both check a merged record against the schema the same way.
        let broken = try YAMLParser().parseDocument(Array("id: tn-mun-sfax\ntype: partner\nname: 3\n".utf8)).root
        let driverChecker = try #require(driver.checker)
        let daemonChecker = try #require(daemon.checker)
        let driverErrors = driverChecker(broken)
        #expect(!driverErrors.isEmpty)
        #expect(driverErrors == daemonChecker(broken))
        // Outside a KB: no context, the merge works on the YAML alone.
        let outside = MergeContext.find(for: "a.yaml", from: "/", record: nil)
        #expect(outside.hints.isEmpty && outside.checker == nil)
    }

    /// The index cache through the workspace: built, refreshed once the files are no longer racy, then warm.
    @Test func theIndexCacheGoesColdWarmRefreshed() async throws {
        let scratch = try ScratchKB(records: 50, seed: 5)
        defer { scratch.remove() }
        let workspace = try Workspace.open(at: scratch.root)
        let (built, first) = try await workspace.indexStore(parallelism: 2).load()
        guard case .rebuilt = first else { Issue.record("\(first)"); return }
        // Files changed less than two seconds before a save are stamped unknown ("racily
        // clean"): once they are older, a load reads them once more and saves trusted stamps.
        try await Task.sleep(for: .milliseconds(2100))
        let (_, refreshed) = try await workspace.indexStore(parallelism: 2).load()
        #expect(refreshed == .refreshed(changed: 50))
        let (warm, second) = try await Workspace.open(at: scratch.root).indexStore(parallelism: 2).load()
        #expect(second == .warm)
        #expect(warm.count == built.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/.kaleido/cache").allSatisfy { !AtomicFile.isTemporaryName($0) })
    }
}
