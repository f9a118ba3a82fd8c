import Foundation
import Testing
import KaleidoTestSupport

/// Day one of a team (issue 15): a consultant creates the KB against a new bare remote whose
/// HEAD is `master`, a second one joins with `kaleido clone`, both add records and sync, and
/// both see everything. Real processes, a real bare remote, real git.
@Suite struct NewTeamTests {
    /// A bare remote made as a hosting service or `git init --bare` does: HEAD names `master`,
    /// which does not exist.
    static func makeBareRemote(_ path: String, in scratch: String) throws {
        let made = try Run.git(["init", "--quiet", "--bare", "--initial-branch=master", path], in: scratch)
        try #require(made.status == 0, "\(made.stderr)")
        #expect(try Run.git(["symbolic-ref", "HEAD"], in: path).stdout == "refs/heads/master\n")
    }

    static func expectRun(_ output: Run.Output, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.status == 0, "\(what): \(output.stdout)\(output.stderr)", sourceLocation: sourceLocation)
    }

    /// The ids `kaleido list TYPE --format csv` prints (first column, header skipped).
    static func ids(_ type: String, in kb: String) throws -> Set<String> {
        let listed = try Run.kaleido(["list", type, "--fields", "id", "--format", "csv"], in: kb)
        #expect(listed.status == 0, "\(listed.stderr)")
        return Set(listed.stdout.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",").first ?? "") })
    }

    @Test func aTeamStartsAndASecondConsultantJoins() throws {
        try withScratchDirectory { scratchURL in
            let scratch = scratchURL.path
            let remote = scratch + "/equipe.git", alice = scratch + "/alice", bruno = scratch + "/bruno"
            try Self.makeBareRemote(remote, in: scratch)

            // Alice creates the KB, points it at the remote and fills it.
            let created = try Run.kaleido(["init", alice, "--name", "Base de l'équipe", "--remote", "equipe.git"], in: scratch)
            Self.expectRun(created, "init")
            #expect(created.stdout.contains("added the remote origin: \(remote)"), "\(created.stdout)")
            #expect(try Run.git(["remote", "get-url", "origin"], in: alice).stdout == remote + "\n")
            Self.expectRun(try Run.git(["config", "user.name", "Alice Martin"], in: alice), "identity")
            Self.expectRun(try Run.git(["config", "user.email", "alice@kaleidoscop.example"], in: alice), "identity")
            let creations: [[String]] = [
                ["new", "partner", "tn-mun-gabes", "--name", "Municipalité de Gabès", "--set", "kind=municipalite_etrangere", "--set", "country=TN"],
                ["new", "partner", "fr-com-26281-romans-sur-isere", "--name", "Ville de Romans-sur-Isère", "--set", "kind=commune", "--set", "country=FR"],
                ["new", "project", "prj-2026-gabes-jeunesse", "--title", "Jeunesse Gabès–Romans", "--set", "kind=formation", "--set", "lead=tn-mun-gabes",
                 "--set", "countries=TN,FR", "--set", "themes=jeunesse", "--set", "start=2026-01", "--set", "status=idee"],
                ["new", "convention", "conv-2026-gabes-romans", "--title", "Convention cadre Gabès–Romans", "--set", "kind=convention_cadre", "--set", "status=projet",
                 "--set", "parties=[{partner: tn-mun-gabes, role: signataire}, {partner: fr-com-26281-romans-sur-isere, role: signataire}]"],
            ]
            for arguments in creations { Self.expectRun(try Run.kaleido(arguments, in: alice), arguments.joined(separator: " ")) }
            let validate = try Run.kaleido(["validate"], in: alice)
            #expect(validate.status == 0 && !validate.stdout.contains("error:") && !validate.stdout.contains("warning:"), "\(validate.stdout)")
            let first = try Run.kaleido(["sync"], in: alice)
            Self.expectRun(first, "alice's first sync")
            #expect(first.stdout.contains("pushed"), "\(first.stdout)")
            // The first push made the remote's HEAD name the KB's branch: plain git clones see it.
            #expect(try Run.git(["symbolic-ref", "HEAD"], in: remote).stdout == "refs/heads/main\n")

            // Bruno joins.
            let cloned = try Run.kaleido(["clone", remote, bruno, "--name", "Bruno Ferrand", "--email", "bruno@kaleidoscop.example", "--lang", "fr"], in: scratch)
            Self.expectRun(cloned, "clone")
            #expect(cloned.stdout.contains("base clonée dans \(bruno) (branche main, 4 fiches"), "\(cloned.stdout)")
            #expect(cloned.stdout.contains("kaleido daemon add"), "\(cloned.stdout)")
            #expect(cloned.stdout.contains("systemctl --user enable --now kaleido-daemon"), "\(cloned.stdout)")
            #expect(try Run.git(["config", "user.name"], in: bruno).stdout == "Bruno Ferrand\n")
            #expect(try Run.git(["config", "user.email"], in: bruno).stdout == "bruno@kaleidoscop.example\n")
            #expect(try Run.git(["config", "merge.kaleido.driver"], in: bruno).stdout == "kaleido merge-driver %O %A %B %P\n")
            #expect(FileManager.default.fileExists(atPath: bruno + "/.vscode/settings.json"))
            #expect(try Run.git(["status", "--porcelain"], in: bruno).stdout == "", "a fresh clone has nothing to commit")

            // Both add records, both sync twice, in turn.
            Self.expectRun(try Run.kaleido(["new", "interaction", "int-2026-03-02-appel-gabes", "--set", "date=2026-03-02", "--set", "kind=appel",
                                            "--set", "summary=Appel de cadrage avec Gabès"], in: alice), "alice new")
            let djerba = try Run.kaleido(["new", "partner", "tn-mun-djerba", "--name", "Municipalité de Djerba", "--set", "kind=municipalite_etrangere",
                                          "--set", "country=TN"], in: bruno)
            Self.expectRun(djerba, "bruno new")
            let djerbaFile = String(djerba.stdout.split(separator: "\n").first?.dropFirst("created ".count) ?? "")
            for (who, kb) in [("alice", alice), ("bruno", bruno), ("alice", alice), ("bruno", bruno)] {
                Self.expectRun(try Run.kaleido(["sync"], in: kb), "\(who) sync")
            }

            // Both see every record, and Bruno's commit is his.
            for kb in [alice, bruno] {
                #expect(try Self.ids("partner", in: kb) == ["tn-mun-gabes", "fr-com-26281-romans-sur-isere", "tn-mun-djerba"], "\(kb)")
                #expect(try Self.ids("project", in: kb) == ["prj-2026-gabes-jeunesse"])
                #expect(try Self.ids("convention", in: kb) == ["conv-2026-gabes-romans"])
                #expect(try Self.ids("interaction", in: kb) == ["int-2026-03-02-appel-gabes"])
                let validated = try Run.kaleido(["validate"], in: kb)
                #expect(validated.status == 0, "\(validated.stdout)")
            }
            let author = try Run.git(["log", "-1", "--format=%an <%ae>", "--", djerbaFile], in: alice)
            #expect(author.stdout == "Bruno Ferrand <bruno@kaleidoscop.example>\n")
            #expect(try Run.git(["rev-parse", "HEAD"], in: alice).stdout == (try Run.git(["rev-parse", "HEAD"], in: bruno).stdout))

            // And a plain `git clone` checks the KB out too (the remote's HEAD names main).
            Self.expectRun(try Run.git(["clone", "--quiet", remote, scratch + "/plain"], in: scratch), "git clone")
            #expect(FileManager.default.fileExists(atPath: scratch + "/plain/.kaleido/config.yaml"))
        }
    }
}
