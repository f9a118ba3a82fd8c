import Foundation
@testable import KaleidoSync
import Testing

/// `kaleido status --format json` and `kaleido log --format json` are written field by field:
/// they must show every field the Codable form has, under its snake_case name.
@Suite struct StatusJSONTests {
    static let date = Date(timeIntervalSince1970: 1_764_754_772)

    static var fullStatus: SyncStatus {
        var state = SyncState()
        state.lastSync = date
        state.lastCycle = date
        state.ahead = 2
        state.behind = 1
        state.offlineSince = date
        state.refusal = .certificate
        state.refusedSince = date
        state.lastError = "the remote https://example.org/kb.git is unreachable"
        state.waiting = [WaitingFile(path: "knowledge/partners/x.yaml", line: 3, column: 7, message: "bad", heldChanges: "1 change from Eve")]
        state.conflicts = [ConflictNote(path: "notes.txt", kind: .file, detail: "both sides changed it", sibling: "notes.txt~theirs", at: "2026-12-03T09:39:32Z")]
        state.head = String(repeating: "a", count: 40)
        state.daemonPID = 4242
        state.indexBehind = "git's index lags behind"
        state.configProblem = ConfigProblem(diagnostic: "d", rendered: "r", commit: "c", author: "Eve <eve@example.org>")
        state.refusedCommit = RefusedCommit(commit: "c", author: "Eve", path: ".git/config", reason: "a .git folder")
        state.syncingSince = date
        return SyncStatus(root: "/srv/kb", branch: "main", remote: "origin", remoteURL: "https://example.org/kb.git", daemonRunning: true, state: state)
    }

    @Test func statusShowsEveryFieldInSnakeCase() throws {
        let json = Self.fullStatus.json()
        #expect(!json.contains("\\/"))
        let written = try JSONSerialization.jsonObject(with: Data(json.utf8))
        #expect(Self.paths(written) == Self.paths(try Self.codableForm(Self.fullStatus)))
        let object = try #require(written as? [String: Any])
        #expect(object["remote_url"] as? String == "https://example.org/kb.git")
        let state = try #require(object["state"] as? [String: Any])
        #expect(state["last_sync"] as? String == "2025-12-03T09:39:32Z")
        #expect((state["conflicts"] as? [[String: Any]])?.first?["kind"] as? String == "file")
        #expect(state["daemon_pid"] as? Int == 4242)
    }

    @Test func absentValuesAreLeftOut() throws {
        let json = SyncStatus(root: "/kb", branch: "main", remote: "origin", remoteURL: nil, daemonRunning: false, state: SyncState()).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["remote_url"] == nil)
        #expect(Set((object["state"] as? [String: Any])?.keys.map { $0 } ?? []) == ["ahead", "behind", "waiting", "conflicts"])
    }

    @Test func logShowsEveryFieldInSnakeCase() throws {
        let revision = RecordRevision(
            commit: "c", author: "Eve <eve@example.org>", date: Self.date, isMerge: true, created: false, deleted: false,
            fields: [FieldChange(field: "website", old: "https://a.example/x", new: "https://b.example/y", action: "changed")], summary: "s")
        let json = RecordRevision.json([revision])
        #expect(!json.contains("\\/"))
        #expect(Self.paths(try JSONSerialization.jsonObject(with: Data(json.utf8))) == Self.paths(try Self.codableForm([revision])))
    }

    /// What `JSONEncoder` writes with snake_case keys, parsed.
    static func codableForm(_ value: some Encodable) throws -> Any {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: encoder.encode(value))
    }

    /// Every key path (`state.waiting.path`), recursively.
    static func paths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: []) { $0.insert(prefix + $1.key); $0.formUnion(paths($1.value, prefix: prefix + $1.key + ".")) }
        }
        if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(paths($1, prefix: prefix)) } }
        return []
    }
}
