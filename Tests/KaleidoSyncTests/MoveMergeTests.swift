import Foundation
import Testing

/// A record moved on one side (another folder, same id) and edited on the other: the edit
/// follows the move, and the merge never leaves two files with one id.
@Suite("Moves", .serialized)
struct MoveMergeTests {
    static let old = "knowledge/partners/tn-mun-sfax.yaml"
    static let moved = "knowledge/partners/tn/tn-mun-sfax.yaml"
    static let elsewhere = "knowledge/partners/ma/tn-mun-sfax.yaml"

    /// Moves a file in a working tree, as a consultant's file manager would.
    static func move(_ from: String, _ to: String, in folder: String) throws {
        try FileManager.default.createDirectory(atPath: (folder + "/" + to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder + "/" + from, toPath: folder + "/" + to)
    }

    static func records(in scratch: Scratch, _ folder: String) throws -> [String: String] {
        try scratch.files(in: folder).filter { $0.key.hasPrefix("knowledge/") }
    }

    @Test(arguments: [true, false])
    func anEditFollowsAMove(moverPushesFirst: Bool) async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.old: sfaxRecord])
            let mover = try scratch.clone(remote, as: "mover", person: "Amina")
            let editor = try scratch.clone(remote, as: "editor", person: "Bruno")
            try Self.move(Self.old, Self.moved, in: mover)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 999 999"), to: Self.old, in: editor)
            let (first, second) = moverPushesFirst ? (mover, editor) : (editor, mover)
            _ = try engine(first).runCycle()
            let merging = try engine(second).runCycle()
            #expect(merging.merged && merging.pushed)
            _ = try engine(first).runCycle()
            for folder in [mover, editor] {
                let records = try Self.records(in: scratch, folder)
                #expect(records.keys.sorted() == [Self.moved], "\(folder): \(records.keys.sorted())")
                #expect(records[Self.moved]?.contains("+216 74 999 999") == true)
                #expect(records[Self.moved]?.contains("_conflicts") == false)
            }
            #expect(try scratch.gitOutput("ls-tree", "-r", "--name-only", "main", in: remote) == ".kaleido/config.yaml\n" + Self.moved)
        }
    }

    @Test func movedToTwoPlacesEndsInOneWithBothEdits() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.old: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            try Self.move(Self.old, Self.moved, in: a)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 999 999"), to: Self.moved, in: a)
            try Self.move(Self.old, Self.elsewhere, in: b)
            try scratch.write(sfaxRecord.replacingOccurrences(of: "https://www.commune-sfax.tn", with: "https://sfax.tn"), to: Self.elsewhere, in: b)
            _ = try engine(a).runCycle()
            _ = try engine(b).runCycle()
            _ = try engine(a).runCycle()
            let trees = try [a, b].map { try Self.records(in: scratch, $0) }
            #expect(trees[0] == trees[1])
            // One place, the same on every replica whichever merged: the first path in byte order.
            #expect(trees[0].keys.sorted() == [Self.elsewhere], "\(trees[0].keys.sorted())")
            let text = trees[0][Self.elsewhere] ?? ""
            #expect(text.contains("+216 74 999 999") && text.contains("https://sfax.tn"), "\(text)")
        }
    }
}
