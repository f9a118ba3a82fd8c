import Foundation
import Testing

/// A record whose file name is not UTF-8 (an old program, a copy from another system) cannot be
/// named by other computers: it is not committed, and `kaleido status` says so with the fix.
@Suite("File names", .serialized)
struct FileNameTests {
    @Test func aNonUTF8FileNameIsListedAsWaitingWithTheFix() async throws {
        try await withScratch { scratch in
            let remote = try scratch.makeRemote(files: ["knowledge/partners/tn-mun-sfax.yaml": sfaxRecord])
            let a = try scratch.clone(remote, as: "a", person: "Amina")
            // "café.yaml" written in Latin-1: the é is the single byte 0xE9.
            var name = Array((a + "/knowledge/partners/caf").utf8)
            name += [0xE9] + Array(".yaml".utf8) + [0]
            let file = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
            #expect(file >= 0)
            _ = "id: fr-cafe\nname: Café\n".withCString { write(file, $0, strlen($0)) }
            close(file)
            let sync = try scratch.kaleido("sync", in: a)
            #expect(sync.output.contains("caf") && sync.output.contains("not UTF-8"), "\(sync.output)")
            let status = try scratch.kaleido("status", in: a).output
            #expect(status.contains("not UTF-8") && status.contains("rename it"), "\(status)")
            #expect(!(try scratch.gitOutput("ls-tree", "-r", "--name-only", "main", in: remote)).contains("caf"))
            // Renamed in UTF-8, it is committed and the warning goes.
            let renamed = name.withUnsafeBufferPointer {
                rename(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), a + "/knowledge/partners/fr-cafe.yaml")
            }
            #expect(renamed == 0)
            #expect(try scratch.kaleido("sync", in: a).status == 0)
            #expect(try scratch.gitOutput("ls-tree", "-r", "--name-only", "main", in: remote).contains("knowledge/partners/fr-cafe.yaml"))
            #expect(!(try scratch.kaleido("status", in: a).output.contains("not UTF-8")))
        }
    }
}
