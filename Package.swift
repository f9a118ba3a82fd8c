// swift-tools-version: 6.0
import PackageDescription

/// Swift settings shared by every target: Swift 6 language mode and the same
/// upcoming features everywhere (one loop, as swift-log does).
let commonSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Linker flags for a Swift runtime and Foundation linked into the executable. `-static-stdlib`
/// alone leaves Foundation's static libraries in an order where some of their references to
/// each other (ICU, Synchronization) stay unresolved with Swift 6.3 on Linux, so they are listed
/// again as one group, which the linker searches until nothing more resolves.
let staticSwiftRuntime: [String] = ["-static-stdlib", "-Xlinker", "--start-group"] + [
    "FoundationInternationalization", "FoundationEssentials", "_FoundationICU", "_FoundationCShims",
    "_FoundationCollections", "Foundation", "CoreFoundation", "swiftSynchronization", "swiftDispatch", "dispatch",
    "BlocksRuntime", "swift_StringProcessing", "swift_RegexParser", "swift_Concurrency", "swiftCore", "stdc++",
].flatMap { ["-Xlinker", "-l" + $0] } + ["-Xlinker", "--end-group"]

let package = Package(
    name: "Kaleido",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kaleido", targets: ["kaleido"]),
    ],
    dependencies: [
        // The command line: subcommands, --help on each, typed options, exit codes.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The sync daemon's logs: one line per event, with levels and metadata, and a handler
        // that a systemd unit or a test can redirect (the Swift server ecosystem's standard API).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries from Debian, through module maps (see Sources/C*/module.modulemap).
        .systemLibrary(
            name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CGit2", path: "Sources/CGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]),

        // Layers (each depends only on layers above it; Sources/*/README.md say what each owns):
        //   1. pure libraries, no I/O: KaleidoYAML, KaleidoSchema, KaleidoMerge, KaleidoQuery
        //      (and KaleidoKB, the records and config over a `FileSystem`), and the adapter
        //      KaleidoGit (libgit2);
        //   2. the application layer: KaleidoWorkspace, a KB opened once (config, schemas, index
        //      cache, atomic writes, stamps, merge context, record creation, init);
        //   3. the front ends: KaleidoSync (the sync engine and daemon) and KaleidoCLI (arguments
        //      and output), both on the workspace; the executable `kaleido`.

        // Pure modules: no I/O.
        .target(name: "KaleidoYAML", dependencies: ["CYAML"], exclude: ["README.md"]),
        .target(name: "KaleidoSchema", dependencies: ["KaleidoYAML"], exclude: ["README.md"]),

        // Adapters to the outside world.
        .target(name: "KaleidoGit", dependencies: ["CGit2"], exclude: ["README.md"]),
        .target(name: "KaleidoKB", dependencies: ["KaleidoYAML", "KaleidoSchema"], exclude: ["README.md"]),
        // Pure: the field-level three-way merge of records (docs/merge.md).
        .target(name: "KaleidoMerge", dependencies: ["KaleidoYAML", "KaleidoKB"], exclude: ["README.md"]),
        // Pure: the index of a KB's records and references, and the queries over it.
        .target(name: "KaleidoQuery", dependencies: ["KaleidoYAML", "KaleidoKB"], exclude: ["README.md"]),

        // The application layer: one opened KB that the CLI and the daemon share.
        .target(
            name: "KaleidoWorkspace",
            dependencies: ["KaleidoYAML", "KaleidoSchema", "KaleidoKB", "KaleidoMerge", "KaleidoQuery", "KaleidoGit"],
            exclude: ["README.md"]),

        // The sync engine and daemon: snapshot, fetch, merge in memory, update, push.
        .target(
            name: "KaleidoSync",
            dependencies: [
                "KaleidoGit", "KaleidoKB", "KaleidoYAML", "KaleidoMerge", "KaleidoWorkspace",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"]),

        // The user's surface: arguments and output; the work is the workspace's and the sync's.
        .target(
            name: "KaleidoCLI",
            dependencies: [
                "KaleidoYAML", "KaleidoSchema", "KaleidoGit", "KaleidoKB", "KaleidoMerge", "KaleidoQuery", "KaleidoWorkspace", "KaleidoSync",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]),
        // Release builds link the Swift runtime and Foundation statically: the dynamic loader's
        // relocations and symbol lookups in a dozen Swift libraries were a fifth of the CPU time
        // of `kaleido validate` on the sample KB. Debug builds (and `swift test`) stay dynamic.
        .executableTarget(
            name: "kaleido", dependencies: ["KaleidoCLI"], exclude: ["README.md"],
            linkerSettings: [.unsafeFlags(staticSwiftRuntime, .when(configuration: .release))]),
        // `swift build -c release --product kaleido-sync-benchmark` (docs/benchmarks.md).
        .executableTarget(
            name: "kaleido-sync-benchmark",
            dependencies: ["KaleidoSync", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/SyncBenchmark"),

        // `swift run -c release merge-benchmark`: merge throughput (docs/benchmarks.md).
        .executableTarget(
            name: "merge-benchmark", dependencies: ["KaleidoMerge", "KaleidoYAML", "KaleidoFixtures"], path: "Benchmarks/MergeBenchmark"),

        // Measurements (run with `swift run -c release SchemaBenchmark`).
        .executableTarget(name: "SchemaBenchmark", dependencies: ["KaleidoSchema", "KaleidoYAML"], path: "Benchmarks/SchemaBenchmark"),

        // Benchmark helpers (release builds; see Benchmarks/*.sh).
        .executableTarget(name: "kaleido-bench", dependencies: ["KaleidoKB", "KaleidoYAML", "CYAML"], path: "Benchmarks/KaleidoBench"),

        // Generated data that tests and benchmarks share (the seeded generator, generated KBs):
        // a pure library in no product, which no production target depends on.
        .target(name: "KaleidoFixtures", exclude: ["README.md"]),
        // What several test targets share (child processes, scratch folders, the package root):
        // a plain library that only test targets depend on, in no product.
        .target(name: "KaleidoTestSupport", dependencies: ["KaleidoFixtures"], path: "Tests/KaleidoTestSupport"),
        .testTarget(name: "KaleidoYAMLTests", dependencies: ["KaleidoYAML", "KaleidoFixtures", "KaleidoTestSupport"]),
        .testTarget(name: "KaleidoSchemaTests", dependencies: ["KaleidoSchema", "KaleidoYAML", "KaleidoFixtures", "KaleidoTestSupport"]),
        .testTarget(name: "KaleidoGitTests", dependencies: ["KaleidoGit", "KaleidoFixtures", "KaleidoTestSupport"]),
        .testTarget(name: "KaleidoKBTests", dependencies: ["KaleidoKB", "KaleidoYAML", "KaleidoTestSupport"]),
        .testTarget(name: "KaleidoCLITests", dependencies: ["KaleidoCLI", "KaleidoFixtures", "KaleidoTestSupport"]),
        .testTarget(
            name: "KaleidoMergeTests", dependencies: ["KaleidoMerge", "KaleidoYAML", "KaleidoKB", "KaleidoFixtures", "KaleidoTestSupport"]),
        .testTarget(
            name: "KaleidoQueryTests", dependencies: ["KaleidoQuery", "KaleidoKB", "KaleidoYAML", "KaleidoFixtures", "KaleidoTestSupport"]),
        .testTarget(
            name: "KaleidoWorkspaceTests",
            dependencies: ["KaleidoWorkspace", "KaleidoQuery", "KaleidoKB", "KaleidoMerge", "KaleidoYAML", "KaleidoFixtures", "KaleidoTestSupport"]),
        // Starts real `kaleido daemon` processes: `swift test` builds the executable too, and the
        // tests find it next to their bundle.
        .testTarget(
            name: "KaleidoSyncTests",
            dependencies: ["KaleidoSync", "KaleidoWorkspace", "KaleidoGit", "KaleidoKB", "KaleidoYAML", "KaleidoTestSupport"]),

        // `swift run -c release kaleido-query-bench`: times the query commands on a generated KB.
        .executableTarget(name: "kaleido-query-bench", dependencies: ["KaleidoQuery", "KaleidoFixtures"], path: "Benchmarks/QueryBench"),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + commonSettings
}
