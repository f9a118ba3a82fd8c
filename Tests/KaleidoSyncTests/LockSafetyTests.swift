import Foundation
import Glibc
@testable import KaleidoSync
import Testing

/// Lock recovery removes only git's own lock files: inside the git folder once resolved, regular
/// files, named from valid reference names.
@Suite("Stale lock safety", .serialized)
struct LockSafetyTests {
    /// A clone with its git folder, and an old file `outside/x.lock` beside it.
    static func setUp(_ scratch: Scratch) throws -> (clone: String, git: String, outside: String) {
        let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
        let clone = try scratch.clone(remote, as: "a", person: "Amina")
        let outside = scratch.path("outside/x.lock")
        try scratch.write("not git's\n", to: "outside/x.lock", in: scratch.root)
        try makeOld(outside)
        return (clone, clone + "/.git/", outside)
    }

    static func makeOld(_ path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: path)
    }

    @Test func anInvalidBranchNameBuildsNoLockPath() async throws {
        try await withScratch { scratch in
            let (clone, git, outside) = try Self.setUp(scratch)
            var settings = SyncSettings(root: clone)
            settings.branch = "../../../../outside/x"  // not from a config: KBConfig refuses it
            #expect(StaleLocks.recover(gitDirectory: git, settings: settings).isEmpty)
            #expect(FileManager.default.fileExists(atPath: outside))
            settings.branch = "main"
            settings.remote = "../../../../../outside"
            try scratch.write("", to: "refs/kaleido/wip/main.lock", in: git)
            try Self.makeOld(git + "refs/kaleido/wip/main.lock")
            // The branch's own locks are still recovered; the remote's name builds nothing.
            #expect(StaleLocks.recover(gitDirectory: git, settings: settings) == [git + "refs/kaleido/wip/main.lock"])
            #expect(FileManager.default.fileExists(atPath: outside))
            #expect(StaleLocks.recoverRemote(url: scratch.path("remote.git"), branch: "../../../outside/x").isEmpty)
            #expect(FileManager.default.fileExists(atPath: outside))
        }
    }

    @Test func aSymlinkedFolderInsideGitLeadsNowhere() async throws {
        try await withScratch { scratch in
            let (clone, git, outside) = try Self.setUp(scratch)
            // refs/heads/team is a link to the outside folder: refs/heads/team/x.lock is outside/x.lock.
            #expect(symlink(scratch.path("outside"), git + "refs/heads/team") == 0)
            var settings = SyncSettings(root: clone)
            settings.branch = "team/x"
            #expect(StaleLocks.recover(gitDirectory: git, settings: settings).isEmpty)
            #expect(FileManager.default.fileExists(atPath: outside))
            // The same through the remote's git folder.
            let remote = scratch.path("remote.git/")
            #expect(symlink(scratch.path("outside"), remote + "refs/heads/team") == 0)
            #expect(StaleLocks.recoverRemote(url: remote, branch: "team/x").isEmpty)
            #expect(FileManager.default.fileExists(atPath: outside))
        }
    }

    @Test func aLockThatIsASymlinkIsLeftAlone() async throws {
        try await withScratch { scratch in
            let (clone, git, outside) = try Self.setUp(scratch)
            #expect(symlink(outside, git + "refs/heads/main.lock") == 0)
            var info = stat()
            #expect(lstat(git + "refs/heads/main.lock", &info) == 0)
            #expect(StaleLocks.recover(gitDirectory: git, settings: SyncSettings(root: clone), olderThan: 0).isEmpty)
            #expect(lstat(git + "refs/heads/main.lock", &info) == 0)
            #expect(FileManager.default.fileExists(atPath: outside))
            // A real stale lock beside it is git's own and goes.
            try scratch.write("", to: "packed-refs.lock", in: git)
            try Self.makeOld(git + "packed-refs.lock")
            #expect(StaleLocks.recover(gitDirectory: git, settings: SyncSettings(root: clone)) == [git + "packed-refs.lock"])
        }
    }
}
