public import Foundation
internal import KaleidoYAML

/// `kaleido status --format json` and `kaleido log --format json`, through `JSONWriter` like every
/// other command: snake_case keys, dates in ISO 8601, an absent value's key left out.
///
/// The state file (`.git/kaleido/status.json`) keeps its own Codable form: it is read back by
/// the sync, not shown. A field added to `SyncState` must be added here too (a test compares
/// the keys with the Codable form's).
extension SyncStatus {
    /// The JSON of `kaleido status --format json`.
    public func json() -> String {
        JSONWriter.pretty(.object(omittingNil: [
            ("root", .string(root)), ("branch", .string(branch)), ("remote", .string(remote)),
            ("remote_url", remoteURL.map(JSONWriter.Value.string)), ("daemon_running", .bool(daemonRunning)),
            ("state", state.jsonValue),
        ]))
    }
}

extension SyncState {
    var jsonValue: JSONWriter.Value {
        .object(omittingNil: [
            ("last_sync", lastSync.map(Self.date)), ("last_cycle", lastCycle.map(Self.date)),
            ("ahead", .int(ahead)), ("behind", .int(behind)),
            ("offline_since", offlineSince.map(Self.date)),
            ("refusal", refusal.map { .string($0.rawValue) }), ("refused_since", refusedSince.map(Self.date)),
            ("last_error", lastError.map(JSONWriter.Value.string)),
            ("waiting", .array(waiting.map(\.jsonValue))), ("conflicts", .array(conflicts.map(\.jsonValue))),
            ("head", head.map(JSONWriter.Value.string)), ("daemon_pid", daemonPID.map { .int($0) }),
            ("index_behind", indexBehind.map(JSONWriter.Value.string)),
            ("config_problem", configProblem.map(\.jsonValue)), ("refused_commit", refusedCommit.map(\.jsonValue)),
            ("syncing_since", syncingSince.map(Self.date)),
        ])
    }

    /// A date as `JSONEncoder`'s `.iso8601` writes it (`2026-12-03T09:19:32Z`).
    static func date(_ date: Date) -> JSONWriter.Value {
        .string(date.formatted(.iso8601))
    }
}

extension WaitingFile {
    var jsonValue: JSONWriter.Value {
        .object(omittingNil: [
            ("path", .string(path)), ("line", .int(line)), ("column", .int(column)), ("message", .string(message)),
            ("held_changes", heldChanges.map(JSONWriter.Value.string)),
            ("duplicate_of", duplicateOf.map(JSONWriter.Value.string)),
        ])
    }
}

extension ConflictNote {
    var jsonValue: JSONWriter.Value {
        .object(omittingNil: [
            ("path", .string(path)), ("kind", .string(kind.rawValue)), ("detail", .string(detail)),
            ("sibling", sibling.map(JSONWriter.Value.string)), ("at", .string(at)),
        ])
    }
}

extension ConfigProblem {
    var jsonValue: JSONWriter.Value {
        .object(omittingNil: [
            ("diagnostic", .string(diagnostic)), ("rendered", .string(rendered)),
            ("commit", commit.map(JSONWriter.Value.string)), ("author", author.map(JSONWriter.Value.string)),
        ])
    }
}

extension RefusedCommit {
    var jsonValue: JSONWriter.Value {
        .object([("commit", .string(commit)), ("author", .string(author)), ("path", .string(path)), ("reason", .string(reason))])
    }
}

extension RecordRevision {
    /// The JSON of `kaleido log --format json`: the revisions, newest first.
    public static func json(_ revisions: [RecordRevision]) -> String {
        JSONWriter.pretty(.array(revisions.map(\.jsonValue)))
    }

    var jsonValue: JSONWriter.Value {
        .object([
            ("commit", .string(commit)), ("author", .string(author)), ("date", SyncState.date(date)),
            ("is_merge", .bool(isMerge)), ("created", .bool(created)), ("deleted", .bool(deleted)),
            ("fields", .array(fields.map(\.jsonValue))), ("summary", .string(summary)),
        ])
    }
}

extension FieldChange {
    var jsonValue: JSONWriter.Value {
        .object(omittingNil: [
            ("field", .string(field)), ("old", old.map(JSONWriter.Value.string)), ("new", new.map(JSONWriter.Value.string)),
            ("action", .string(action)),
        ])
    }
}
