import KaleidoGit
import Testing

@Suite struct ObjectIDTests {
    @Test func roundTripsHexAndBytes() throws {
        let hex = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.description == hex)
        #expect(id.bytes.count == 20)
        #expect(id.bytes.first == 0x4b)
        #expect(id.bytes.last == 0x04)
        #expect(ObjectID(bytes: id.bytes) == id)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(ObjectID(hex) == id)
        #expect(ObjectID.zero.hex == String(repeating: "0", count: 40))
        #expect(ObjectID.zero.isZero && !id.isZero)
    }

    @Test(arguments: [
        "", "4b825dc", "4b825dc642cb6eb9a060e54bf8d69288fbee490", "4b825dc642cb6eb9a060e54bf8d69288fbee49045",
        "4b825dc642cb6eb9a060e54bf8d69288fbee490g", " b825dc642cb6eb9a060e54bf8d69288fbee4904",
        "é4b825dc642cb6eb9a060e54bf8d69288fbee49",
    ])
    func rejectsAnythingButFortyHexDigits(text: String) {
        #expect(ObjectID(hex: text) == nil)
    }

    @Test func rejectsWrongByteCounts() {
        #expect(ObjectID(bytes: [UInt8](repeating: 1, count: 19)) == nil)
        #expect(ObjectID(bytes: [UInt8](repeating: 1, count: 21)) == nil)
    }

    @Test func ordersLikeTheHexStrings() throws {
        let hexes = [
            "ff00000000000000000000000000000000000000", "00000000000000000000000000000000000000ff",
            "0000000000000000ff0000000000000000000000", "0000000000000000000000000000000001000000",
            "0000000000000000000000000000000000000001", "8000000000000000000000000000000000000000",
        ]
        let ids = try hexes.map { try #require(ObjectID(hex: $0)) }
        #expect(ids.sorted().map(\.hex) == hexes.sorted())
        #expect(Set(ids).count == hexes.count)
    }
}
