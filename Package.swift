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
        .executable(name: "Quickstart", targets: ["Quickstart"]),
        .library(name: "DiversityKitPostgres", targets: ["DiversityKitPostgres"]),
    ],
    targets: [
        .target(name: "DiversityKit"),
        .target(name: "DiversityKitTesting", dependencies: ["DiversityKit"]),
        .target(name: "SurveyModule", dependencies: ["DiversityKit"]),
        .target(name: "EvaluationModule", dependencies: ["SurveyModule", "DiversityKit"]),
        .executableTarget(
            name: "Quickstart",
            dependencies: ["DiversityKit"],
            path: "Sources/Examples/Quickstart"
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "DiversityKitPostgres", dependencies: ["DiversityKit", "CLibPQ"]),
        .executableTarget(
            name: "PostgresConcurrentWriter",
            dependencies: ["DiversityKitPostgres", "DiversityKit"],
            path: "Sources/Tools/PostgresConcurrentWriter"
        ),
        .testTarget(
            name: "DiversityKitPostgresTests",
            dependencies: ["DiversityKitPostgres", "DiversityKitTesting", "DiversityKit", "PostgresConcurrentWriter"]
        ),
        .testTarget(name: "DiversityKitTests", dependencies: ["DiversityKit", "DiversityKitTesting"]),
        .testTarget(name: "SurveyModuleTests", dependencies: ["SurveyModule"]),
        .testTarget(name: "EvaluationModuleTests", dependencies: ["EvaluationModule"]),
    ],
    swiftLanguageModes: [.v6]
)
