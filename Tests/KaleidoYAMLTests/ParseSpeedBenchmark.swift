import Foundation
import Testing
import KaleidoYAML

/// Rough parse speed on a generated 10 MB file of record-like YAML. Run it on purpose, in a
/// release build: `KALEIDO_BENCHMARK=1 swift test -c release --filter ParseSpeedBenchmark`.
@Suite struct ParseSpeedBenchmark {
    static func generated(megabytes: Int) -> [UInt8] {
        var text = ""
        var index = 0
        while text.utf8.count < megabytes << 20 {
            text += """
                - id: tn-mun-sfax-\(index)
                  nom: "Municipalité de Sfax \(index)"
                  ville: صفاقس
                  budget: \(1000 + index)
                  actif: true
                  tags: [eau, énergie, 'déchets', 🌍]
                  notes: |
                    Réunion à Sfax le \(index % 28 + 1) mars.
                    Deuxième ligne de notes.
                  contacts:
                    - {nom: Émilie Durand, rôle: chargée de mission}
                    - nom: Ahmed Ben Salah
                      rôle: ~

                """
            index += 1
        }
        return Array(text.utf8)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["KALEIDO_BENCHMARK"] != nil))
    func parsesTenMegabytes() throws {
        let bytes = Self.generated(megabytes: 10)
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        var items = 0
        for _ in 0..<3 {
            let start = clock.now
            let document = try YAMLParser().parseDocument(bytes)
            best = min(best, clock.now - start)
            if case .sequence(let records, _) = document.root.content { items = records.count }
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let rate = Double(bytes.count) / 1_048_576 / seconds
        print("parse speed: \(bytes.count) bytes, \(items) records in \(String(format: "%.3f", seconds)) s = \(String(format: "%.1f", rate)) MB/s")
        #expect(items > 10_000)
        #expect(rate > 1)
    }
}

