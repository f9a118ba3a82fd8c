import ArgumentParser
import Foundation
import KaleidoKB
import KaleidoQuery
import KaleidoWorkspace

/// `kaleido forget PERSON [--dry-run] [--anonymise|--remove]`: a person's right to erasure.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: Help.abstract("forget"),
        discussion: Help.discussion("forget"))

    @OptionGroup var kbOptions: KBOptions

    @Argument(help: ArgumentHelp(Help.option("forget", "person")))
    var person: String

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(Help.option("forget", "dryRun")))
    var dryRun = false

    @Flag(help: ArgumentHelp(Help.option("forget", "mode")))
    var mode: Mode = .anonymise

    enum Mode: String, EnumerableFlag {
        case anonymise, remove
    }

    func run() async throws {
        try await reportingCLIErrors {
            let words = ForgetWords(french: Lang.current == .fr)
            let workspace = try kbOptions.workspace()
            let today = try kbOptions.today()
            var forgetting = PersonForgetting(kb: workspace.kb, mode: mode == .remove ? .remove : .anonymise, token: words.token,
                                              idToken: words.idToken, anonymisedID: "", today: today)
            // WorkspaceErrors are printed by reportingCLIErrors (exit 2).
            let persons = try forgetting.persons()
            let personID = try PersonLookup.resolve(person, among: persons.map { .init(id: $0.id, title: $0.fullName, spellings: [$0.fullName] + $0.aliases) })
            forgetting.anonymisedID = Self.newAnonymousID(taken: Set(persons.map(\.id)))
            let plan = try forgetting.plan(personID: personID)
            let name = persons.first { $0.id == personID }?.fullName ?? personID
            let display = DisplayPaths(kbRoot: workspace.root)
            print(words.header(name: name, id: personID, count: plan.places.count))
            for place in plan.places { print(display.show(place.file) + ":\(place.line):\(place.column): " + words.describe(place)) }
            if !plan.sharedNames.isEmpty { print(words.shared(plan.sharedNames)) }
            if dryRun {
                print(words.dryRun(files: plan.touchedFiles.count))
                return
            }
            let check: (findings: [Finding], sources: [String: [UInt8]])
            do { check = try await plan.newErrors(in: workspace.kb, today: today, parallelism: ProcessInfo.processInfo.activeProcessorCount) } catch {
                throw CLIError.io(Messages.cannotValidateEdited(error))
            }
            if !check.findings.isEmpty {
                for finding in check.findings {
                    var diagnostic = finding.diagnostic
                    diagnostic.file = display.show(finding.file)
                    StandardError.write(diagnostic.rendered(source: check.sources[finding.file]) + "\n")
                }
                StandardError.write(words.refused(files: Set(check.findings.map(\.file)).sorted().map(display.show)))
                throw ExitCode(1)
            }
            try plan.apply(to: workspace.kb)
            print(words.done(plan: plan, display: display))
            print(words.history)
        }
    }

    /// A random id no record has: random so that it reveals nothing of the person and two
    /// consultants forgetting two persons offline never pick the same.
    static func newAnonymousID(taken: Set<String>) -> String {
        while true {
            let id = "p-anonyme-" + String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
            if !taken.contains(id) { return id }
        }
    }
}
