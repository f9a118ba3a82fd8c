import Foundation
@testable import KaleidoSync
import Testing

/// A file held back because it does not parse keeps the commit its text was based on: once it
/// parses, it is merged field by field against that base, so a teammate's edit that arrived
/// meanwhile is never reverted.
@Suite("Waiting base", .serialized)
struct WaitingBaseTests {
    static let path = "knowledge/partners/tn-mun-sfax.yaml"

    @Test func aTeammatesEditMadeWhileMyFileDidNotParseIsKept() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.path: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            // Bruno edits the website and leaves a half-typed line (a tab): not committed.
            let bruno = sfaxRecord.replacingOccurrences(of: "https://www.commune-sfax.tn", with: "https://sfax.tn")
            try scratch.write(bruno + "\tnotes: à fin", to: Self.path, in: b)
            let held = try engine(b).runCycle()
            #expect(held.waiting.map(\.path) == [Self.path])
            // Amina changes the phone, another field, and syncs.
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 111 111"), to: Self.path, in: a)
            #expect(try engine(a).runCycle().pushed)
            // Bruno's replica brings Amina's commit in, but not into his broken file.
            let behind = try engine(b).runCycle()
            #expect(behind.broughtIn)
            #expect(scratch.read(Self.path, in: b) == bruno + "\tnotes: à fin")
            let status = try scratch.kaleido("status", in: b).output
            #expect(status.contains("tn-mun-sfax: 1 change from Amina waiting until your file parses"), "\(status)")
            // Bruno fixes his file: the merge keeps Amina's phone and his website.
            try scratch.write(bruno, to: Self.path, in: b)
            let fixed = try engine(b).runCycle()
            #expect(fixed.pushed)
            #expect(fixed.committed == ["tn-mun-sfax: website"], "\(fixed.committed)")
            for folder in [b] {
                let text = try #require(scratch.read(Self.path, in: folder))
                #expect(text.contains("+216 74 111 111") && text.contains("https://sfax.tn") && !text.contains("_conflicts"), "\(text)")
            }
            let pushed = try scratch.gitOutput("show", "main:" + Self.path, in: remote)
            #expect(pushed.contains("+216 74 111 111") && pushed.contains("https://sfax.tn"), "\(pushed)")
            #expect(try scratch.gitOutput("status", "--porcelain", in: b) == "")
        }
    }

    @Test func theSameFieldEditedOnBothSidesIsRecordedAsAConflict() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: [Self.path: sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            let b = try scratch.clone(remote, as: "b", person: "Bruno")
            let bruno = sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 222 222")
            try scratch.write(bruno + "\tx", to: Self.path, in: b)
            _ = try engine(b).runCycle()
            try scratch.write(sfaxRecord.replacingOccurrences(of: "+216 74 000 000", with: "+216 74 111 111"), to: Self.path, in: a)
            _ = try engine(a).runCycle()
            _ = try engine(b).runCycle()
            try scratch.write(bruno, to: Self.path, in: b)
            let fixed = try engine(b).runCycle()
            #expect(fixed.conflicts.map(\.path) == [Self.path])
            let text = try #require(scratch.read(Self.path, in: b))
            // Amina's value is kept in the conflict entry; nothing is lost.
            #expect(text.contains("_conflicts") && text.contains("+216 74 111 111") && text.contains("+216 74 222 222"), "\(text)")
        }
    }
}
