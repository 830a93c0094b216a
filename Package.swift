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
    ],
    targets: [
        .target(name: "DiversityKit"),
        .target(name: "DiversityKitTesting", dependencies: ["DiversityKit"]),
        .target(name: "SurveyModule", dependencies: ["DiversityKit"]),
        .target(name: "EvaluationModule", dependencies: ["SurveyModule", "DiversityKit"]),
        .target(name: "LimeSurveyImport", dependencies: ["SurveyModule", "DiversityKit"]),
        .executableTarget(
            name: "Quickstart",
            dependencies: ["DiversityKit"],
            path: "Sources/Examples/Quickstart"
        ),
        .testTarget(name: "DiversityKitTests", dependencies: ["DiversityKit", "DiversityKitTesting"]),
        .testTarget(name: "SurveyModuleTests", dependencies: ["SurveyModule", "DiversityKit"]),
        .testTarget(name: "EvaluationModuleTests", dependencies: ["EvaluationModule"]),
        .testTarget(name: "LimeSurveyImportTests", dependencies: ["LimeSurveyImport", "SurveyModule", "DiversityKit"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
