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
        .executable(name: "ReportSample", targets: ["ReportSample"]),
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
        .executableTarget(
            name: "ReportSample",
            dependencies: ["DiversityKit"],
            path: "Sources/Examples/ReportSample"
        ),
        .testTarget(name: "DiversityKitTests", dependencies: ["DiversityKit", "DiversityKitTesting"]),
        .testTarget(name: "SurveyModuleTests", dependencies: ["SurveyModule"]),
        .testTarget(name: "EvaluationModuleTests", dependencies: ["EvaluationModule"]),
    ],
    swiftLanguageModes: [.v6]
)
