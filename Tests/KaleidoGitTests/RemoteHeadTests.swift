import Foundation
import KaleidoGit
import Testing

/// The first push to a new bare remote makes its HEAD name the pushed branch (a `git init
/// --bare` remote names `master`, which does not exist, and `git clone` then checks out
/// nothing); a HEAD that names an existing branch is the team's choice and stays. Plus the
/// setup helpers `kaleido clone` uses.
@Suite struct RemoteHeadTests {
    /// A local repository on main with one commit and `origin` set to a new bare remote
    /// whose HEAD names `head`.
    static func replica(_ scratch: Scratch, remoteHead head: String) throws -> (local: String, remote: String) {
        let remote = scratch.path("remote.git")
        try FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
        try scratch.git("init", "--quiet", "--bare", "-b", head, in: remote)
        let local = try scratch.gitInit("local")
        try scratch.gitCommit(["a.txt": "a\n"], message: "first", in: local)
        try scratch.git("remote", "add", "origin", remote, in: local)
        return (local, remote)
    }

    @Test func aFirstPushPointsAnUnbornRemoteHeadAtTheBranch() throws {
        try withScratchDirectory { scratch in
            let (local, remote) = try Self.replica(scratch, remoteHead: "master")
            let outcome = try Repository.open(at: local).push(remote: "origin", localReference: "refs/heads/main", remoteReference: "refs/heads/main")
            #expect(outcome == .pushed)
            #expect(try scratch.git("symbolic-ref", "HEAD", in: remote) == "refs/heads/main\n")
            // git's own clone now checks the branch out.
            try scratch.git("clone", "--quiet", remote, scratch.path("plain"), in: scratch.root)
            #expect(FileManager.default.fileExists(atPath: scratch.path("plain/a.txt")))
        }
    }

    @Test func aRemoteHeadOnAnExistingBranchStays() throws {
        try withScratchDirectory { scratch in
            let (local, remote) = try Self.replica(scratch, remoteHead: "trunk")
            try scratch.git("push", "--quiet", "origin", "main:trunk", in: local)
            try scratch.gitCommit(["b.txt": "b\n"], message: "second", in: local)
            let outcome = try Repository.open(at: local).push(remote: "origin", localReference: "refs/heads/main", remoteReference: "refs/heads/main")
            #expect(outcome == .pushed)
            #expect(try scratch.git("symbolic-ref", "HEAD", in: remote) == "refs/heads/trunk\n")
        }
    }

    @Test func setupHelpers() throws {
        try withScratchDirectory { scratch in
            let (local, remote) = try Self.replica(scratch, remoteHead: "master")
            try scratch.git("push", "--quiet", "origin", "main", "main:other", in: local)
            let fresh = scratch.path("fresh")
            let repository = try Repository.create(at: fresh)
            try repository.addRemote("origin", url: remote)
            try repository.fetch(remote: "origin")
            let names = try repository.references(matching: "refs/remotes/origin/*").map(\.name)
            #expect(names == ["refs/remotes/origin/main", "refs/remotes/origin/other"])
            try repository.pointHead(at: "refs/heads/other")
            #expect(try repository.head() == .unborn(reference: "refs/heads/other"))
            try repository.setConfigString("user.name", "Bruno Ferrand")
            #expect(try scratch.git("config", "--local", "user.name", in: fresh) == "Bruno Ferrand\n")

            try scratch.write("[user]\n\tname = Chloé\n", to: "global.gitconfig", in: scratch.root)
            #expect(Repository.userConfigString("user.name", environment: ["GIT_CONFIG_GLOBAL": scratch.path("global.gitconfig")]) == "Chloé")
            #expect(Repository.userConfigString("user.email", environment: ["GIT_CONFIG_GLOBAL": scratch.path("global.gitconfig")]) == nil)
            #expect(Repository.userConfigString("user.name", environment: ["HOME": scratch.path("nobody")]) == nil)
            try scratch.write("[user]\n\tname = Home\n", to: "home/.gitconfig", in: scratch.root)
            #expect(Repository.userConfigString("user.name", environment: ["HOME": scratch.path("home")]) == "Home")
        }
    }
}
