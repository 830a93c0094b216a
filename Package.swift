// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "DiversityKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DiversityKit", targets: ["DiversityKit"]),
        .library(name: "DiversityKitTesting", targets: ["DiversityKitTesting"]),
        .library(name: "SurveyModule", targets: ["SurveyModule"]),
        .library(name: "EvaluationModule", targets: ["EvaluationModule"]),
        .library(name: "LimeSurveyImport", targets: ["LimeSurveyImport"]),
        .executable(name: "Quickstart", targets: ["Quickstart"]),
        .library(name: "DiversityKitSQLite", targets: ["DiversityKitSQLite"]),
        .library(name: "ProgrammeToolkit", targets: ["ProgrammeToolkit"]),
        .executable(name: "OmvantMentorskap", targets: ["OmvantMentorskap"]),
        .executable(name: "MangfaldensAnsikten", targets: ["MangfaldensAnsikten"]),
        .executable(name: "ReportSample", targets: ["ReportSample"]),
        .library(name: "DiversityKitPostgres", targets: ["DiversityKitPostgres"]),
        .library(name: "DiversityKitCrypto", targets: ["DiversityKitCrypto"]),
        .executable(name: "MDSS", targets: ["MDSS"]),
        .executable(name: "RegionalProject", targets: ["RegionalProject"]),
        .executable(name: "Likabehandling", targets: ["Likabehandling"]),
        .executable(name: "DiversityKitBenchmarks", targets: ["DiversityKitBenchmarks"]),
        .executable(name: "diversitykit", targets: ["DiversityKitCommand"]),
    ],
    targets: [
        .target(name: "DiversityKit"),
        .target(name: "DiversityKitTesting", dependencies: ["DiversityKit"]),
        .systemLibrary(
            name: "CCrypto",
            path: "Sources/CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        .target(
            name: "DiversityKitCrypto",
            dependencies: [.target(name: "CCrypto", condition: .when(platforms: [.linux, .android, .windows, .openbsd]))]
        ),
        .testTarget(name: "DiversityKitCryptoTests", dependencies: ["DiversityKitCrypto"]),
        .target(name: "SurveyModule", dependencies: ["DiversityKit", "DiversityKitCrypto"]),
        .target(name: "EvaluationModule", dependencies: ["SurveyModule", "DiversityKit"]),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "LimeSurveyImport", dependencies: ["SurveyModule", "DiversityKit", "CZlib"]),
        .executableTarget(
            name: "Quickstart",
            dependencies: ["DiversityKit"],
            path: "Sources/Examples/Quickstart"
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "DiversityKitSQLite", dependencies: ["DiversityKit", "CSQLite"]),
        .executableTarget(
            name: "SQLiteCrashWriter",
            dependencies: ["DiversityKitSQLite"],
            path: "Sources/Tools/SQLiteCrashWriter"
        ),
        .executableTarget(
            name: "SurveyMigrationCrashWriter",
            dependencies: ["SurveyModule", "DiversityKitSQLite", "DiversityKit"],
            path: "Sources/Tools/SurveyMigrationCrashWriter"
        ),
        .executableTarget(
            name: "ReportSample",
            dependencies: ["DiversityKit"],
            path: "Sources/Examples/ReportSample"
        ),
        .testTarget(name: "DiversityKitTests", dependencies: ["DiversityKit", "DiversityKitTesting"]),
        .testTarget(name: "SurveyModuleTests", dependencies: ["SurveyModule", "DiversityKit", "DiversityKitTesting", "DiversityKitCrypto",
                                                           "DiversityKitSQLite", "DiversityKitPostgres",
                                                           "SurveyMigrationCrashWriter"]),
        .testTarget(name: "EvaluationModuleTests", dependencies: ["EvaluationModule", "SurveyModule", "DiversityKit", "DiversityKitSQLite", "DiversityKitTesting"]),
        .testTarget(name: "DiversityKitSQLiteTests", dependencies: ["DiversityKitSQLite", "DiversityKitTesting", "StoreRaceWriter"]),
        .target(name: "ProgrammeToolkit", dependencies: ["DiversityKit"]),
        .testTarget(name: "ProgrammeToolkitTests", dependencies: ["ProgrammeToolkit", "DiversityKitSQLite", "DiversityKitTesting"]),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "DiversityKitPostgres", dependencies: ["DiversityKit", "CLibPQ"]),
        .executableTarget(
            name: "StoreRaceWriter",
            dependencies: ["DiversityKit", "DiversityKitTesting", "DiversityKitSQLite", "DiversityKitPostgres"],
            path: "Sources/Tools/StoreRaceWriter"
        ),
        .executableTarget(
            name: "PostgresConcurrentWriter",
            dependencies: ["DiversityKitPostgres", "DiversityKit"],
            path: "Sources/Tools/PostgresConcurrentWriter"
        ),
        .testTarget(
            name: "DiversityKitPostgresTests",
            dependencies: ["DiversityKitPostgres", "DiversityKitTesting", "DiversityKit", "PostgresConcurrentWriter", "StoreRaceWriter"]
        ),
        .testTarget(name: "LimeSurveyImportTests", dependencies: ["LimeSurveyImport", "SurveyModule", "DiversityKit", "DiversityKitTesting"],
                    resources: [.copy("Fixtures")]),
        .target(
            name: "ExampleSupport",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "SurveyModule"],
            path: "Sources/Examples/ExampleSupport"
        ),
        .target(
            name: "SeedScenarios",
            dependencies: ["DiversityKit", "ProgrammeToolkit", "SurveyModule", "EvaluationModule", "ExampleSupport"],
            path: "Sources/Examples/SeedScenarios"
        ),
        .executableTarget(
            name: "OmvantMentorskap",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "ProgrammeToolkit", "ExampleSupport", "SeedScenarios"],
            path: "Sources/Examples/OmvantMentorskap"
        ),
        .executableTarget(
            name: "MangfaldensAnsikten",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "ProgrammeToolkit", "ExampleSupport", "SeedScenarios"],
            path: "Sources/Examples/MangfaldensAnsikten"
        ),
        .testTarget(
            name: "ExampleSupportTests",
            dependencies: ["ExampleSupport", "DiversityKit", "DiversityKitSQLite", "DiversityKitTesting", "SurveyModule"]
        ),
        .testTarget(
            name: "SeedScenariosTests",
            dependencies: ["SeedScenarios", "ExampleSupport", "DiversityKit", "DiversityKitTesting", "ProgrammeToolkit",
                           "OmvantMentorskap", "MangfaldensAnsikten", "MDSS", "RegionalProject", "Likabehandling",
                           "Quickstart", "ReportSample"]
        ),
        .executableTarget(
            name: "MDSS",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "ExampleSupport", "SeedScenarios", "SurveyModule"],
            path: "Sources/Examples/MDSS"
        ),
        .executableTarget(
            name: "RegionalProject",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "ExampleSupport", "SeedScenarios"],
            path: "Sources/Examples/RegionalProject"
        ),
        .executableTarget(
            name: "Likabehandling",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "ProgrammeToolkit", "ExampleSupport", "SeedScenarios"],
            path: "Sources/Examples/Likabehandling"
        ),
        .executableTarget(
            name: "DiversityKitBenchmarks",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "DiversityKitPostgres", "SurveyModule", "EvaluationModule", "ExampleSupport"],
            path: "Benchmarks/Sources/DiversityKitBenchmarks"
        ),
        .executableTarget(
            name: "DiversityKitCommand",
            dependencies: ["DiversityKit", "DiversityKitSQLite", "DiversityKitPostgres", "SurveyModule",
                           "EvaluationModule", "LimeSurveyImport", "ProgrammeToolkit"]
        ),
        .testTarget(
            name: "DocSnippetsTests",
            dependencies: ["DiversityKit", "DiversityKitTesting", "DiversityKitSQLite", "DiversityKitPostgres", "SurveyModule",
                           "EvaluationModule", "LimeSurveyImport", "ProgrammeToolkit", "ExampleSupport", "SeedScenarios"]
        ),
        .testTarget(
            name: "CommandLineToolTests",
            dependencies: ["DiversityKitCommand", "DiversityKit", "DiversityKitSQLite", "DiversityKitPostgres", "SurveyModule"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
