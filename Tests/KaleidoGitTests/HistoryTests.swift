import Foundation
import KaleidoGit
import Testing

@Suite struct HistoryTests {
    @Test func mergeBaseAndAncestryAgreeWithGit() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let base = try scratch.gitCommit(["a.yaml": "a\n"], message: "base", in: folder)
            try scratch.git("checkout", "--quiet", "-b", "côté", in: folder)
            let side = try scratch.gitCommit(["b.yaml": "b\n"], message: "côté", in: folder)
            try scratch.git("checkout", "--quiet", "main", in: folder)
            let main = try scratch.gitCommit(["c.yaml": "c\n"], message: "main", in: folder)
            try scratch.git("checkout", "--quiet", "--orphan", "seul", in: folder)
            let lonely = try scratch.gitCommit(["d.yaml": "d\n"], message: "seul", in: folder)
            let repository = try Repository.open(at: folder)
            let id = { (hex: String) in try #require(ObjectID(hex: hex)) }

            #expect(try repository.mergeBase(id(side), id(main))?.hex == base)
            #expect(try scratch.git("merge-base", side, main, in: folder) == base + "\n")
            #expect(try repository.mergeBase(id(main), id(main))?.hex == main)
            #expect(try repository.mergeBase(id(lonely), id(main)) == nil)

            for (ancestor, commit, expected) in [
                (base, main, true), (main, main, true), (main, base, false), (side, main, false),
                (lonely, main, false),
            ] {
                #expect(try repository.isAncestor(id(ancestor), of: id(commit)) == expected)
                let git = (try? scratch.git("merge-base", "--is-ancestor", ancestor, commit, in: folder)) != nil
                #expect(git == expected, "git itself disagrees with the table")
            }
        }
    }

    @Test func treeDiffListsWhatGitDiffTreeLists() throws {
        try withScratchDirectory { scratch in
            let folder = try scratch.gitInit("work")
            let old = try scratch.gitCommit([
                "knowledge/partners/tn-mun-sfax.yaml": "nom: Sfax\n",
                "knowledge/partners/fr-lyon.yaml": "nom: Lyon\n",
                "knowledge/people/hélène.yaml": "nom: Hélène\n",
                "run.sh": "echo\n",
                "link": "target\n",
                "file-then-folder": "x\n",
            ], message: "old", in: folder)
            try FileManager.default.removeItem(atPath: folder + "/knowledge/partners/fr-lyon.yaml")
            try FileManager.default.removeItem(atPath: folder + "/link")
            try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "run.sh")
            try FileManager.default.removeItem(atPath: folder + "/file-then-folder")
            try scratch.git("update-index", "--chmod=+x", "run.sh", in: folder)
            try scratch.write("nom: بلدية صفاقس\n", to: "knowledge/partners/tn-mun-sfax.yaml", in: folder)
            try scratch.write("nom: محمد\n", to: "knowledge/people/محمد.yaml", in: folder)
            try scratch.write("y\n", to: "file-then-folder/inside", in: folder)
            try scratch.git("add", "--all", in: folder)
            try scratch.git("update-index", "--chmod=+x", "run.sh", in: folder)
            try scratch.git("commit", "--quiet", "-m", "new", in: folder)
            let new = try scratch.git("rev-parse", "HEAD", in: folder).trimmingCharacters(in: .newlines)
            let repository = try Repository.open(at: folder)
            let oldID = try #require(ObjectID(hex: old)), newID = try #require(ObjectID(hex: new))

            let changes = try repository.diffTrees(from: oldID, to: newID)
            let expected = try gitDiffTree(old, new, scratch: scratch, in: folder)
            #expect(changes == expected)
            // The table really covers each kind, including a type change and a mode change.
            #expect(Set(changes.map(\.kind)) == [.added, .modified, .deleted])
            #expect(changes.contains { $0.path == "link" && $0.newMode == .symlink && $0.kind == .modified })
            #expect(changes.contains { $0.path == "run.sh" && $0.oldID == $0.newID && $0.newMode == .executable })

            #expect(try repository.diffTrees(from: newID, to: newID).isEmpty)
            let everything = try repository.diffTrees(from: nil, to: newID)
            #expect(everything.allSatisfy { $0.kind == .added && $0.oldID == nil })
            #expect(try everything.map(\.path) == scratch.lsTree(new, in: folder).map(\.path))
            #expect(try repository.diffTrees(from: newID, to: nil).map(\.kind) == everything.map { _ in .deleted })
        }
    }

    /// git's own answer: `git diff-tree -r -z --no-renames`, parsed into `FileChange`s.
    private func gitDiffTree(_ old: String, _ new: String, scratch: Scratch, in folder: String) throws -> [FileChange] {
        let fields = try scratch.gitBytes(["diff-tree", "-r", "-z", "--no-renames", old, new], in: folder)
            .split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var changes: [FileChange] = []
        for index in stride(from: 0, to: fields.count - 1, by: 2) {
            // ":100644 100755 <old id> <new id> M", then the path.
            let header = fields[index].dropFirst().split(separator: " ").map(String.init)
            let kind: FileChange.Kind = switch header[4] {
            case "A": .added
            case "D": .deleted
            default: .modified
            }
            let mode = { (octal: String) in UInt32(octal, radix: 8).flatMap(FileMode.init(rawValue:)) }
            changes.append(FileChange(
                path: fields[index + 1], kind: kind,
                oldID: ObjectID(hex: header[2]).flatMap { $0.isZero ? nil : $0 },
                newID: ObjectID(hex: header[3]).flatMap { $0.isZero ? nil : $0 },
                oldMode: mode(header[0]), newMode: mode(header[1])))
        }
        return changes
    }
}
