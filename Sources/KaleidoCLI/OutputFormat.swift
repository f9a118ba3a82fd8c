import ArgumentParser

/// The output of the reporting commands.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
