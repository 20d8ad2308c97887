// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Saring",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "saring", targets: ["saring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // The HTTP/1 parts under Hummingbird, for Saring's connection discipline.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // Hashes and HMAC (client-address hashes, key digests, content hashes): a maintained library.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // Prometheus metrics on their own listener: swift-metrics' API, swift-prometheus' registry.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The PostgreSQL store (several servers on one database): the maintained Swift client.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // libpcre2-8 from the system (Debian: libpcre2-dev).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // Pure domain: comments, validation, policies, normalizer, judge. No I/O.
        .target(
            name: "SaringCore",
            dependencies: [
                "CPCRE2", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // SQLite edge: the one store type, migrations. Sources/SaringStore/Migrations is a link to
        // the top-level Migrations/, embedded in the binary so it runs from any directory.
        .target(
            name: "SaringStore",
            dependencies: ["SaringCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Migrations/postgresql"],
            resources: [.embedInCode("Migrations")]
        ),
        // PostgreSQL edge: the second store, behind the same ``CommentStore`` as SQLite. Its schema
        // is Migrations/postgresql/, linked here as Sources/SaringPostgres/Migrations.
        .target(
            name: "SaringPostgres",
            dependencies: [
                "SaringCore", "SaringStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Migrations")]
        ),
        // File edge: policy folders read from disk, for the server, the CLI and the benchmark alike.
        .target(name: "SaringFiles", dependencies: ["SaringCore"]),
        // HTTP edge.
        .target(
            name: "SaringServer",
            dependencies: [
                "SaringCore", "SaringStore", "SaringFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.embedInCode("OpenAPI/openapi.json")]
        ),
        // CLI edge: the one executable.
        .executableTarget(
            name: "saring",
            dependencies: [
                "SaringCore", "SaringStore", "SaringPostgres", "SaringFiles", "SaringServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Benchmarks: `swift run -c release saring-bench` (outside `swift test`).
        .executableTarget(
            name: "saring-bench",
            dependencies: ["SaringCore", "SaringStore", "SaringFiles"],
            path: "Benchmarks/JudgeBench"
        ),
        .testTarget(name: "SaringCoreTests", dependencies: ["SaringCore"]),
        .testTarget(name: "SaringFilesTests", dependencies: ["SaringFiles", "SaringCore"]),
        .testTarget(
            name: "SaringStoreTests",
            dependencies: [
                "SaringStore", "SaringCore", "SaringPostgres", "SaringTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        // A raw-socket HTTP client shared by the tests that talk to a live server.
        .target(name: "SaringTestSupport", path: "Tests/Support"),
        .testTarget(
            name: "SaringCLITests",
            dependencies: ["saring", "SaringStore", "SaringTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "SaringServerTests",
            dependencies: [
                "SaringServer", "SaringStore", "SaringCore", "SaringFiles", "SaringTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
