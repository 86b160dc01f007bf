// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Vielfalt",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vielfalt", targets: ["vielfalt"]),
        .executable(name: "vielfalt-bench", targets: ["vielfalt-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium",
                       providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]),
        .target(name: "Bilingual", swiftSettings: strict),
        .target(name: "Vault", dependencies: ["CSodium", "Bilingual"], swiftSettings: strict),
        .target(name: "Forms", dependencies: ["Bilingual", .product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(name: "Store", dependencies: ["Bilingual", "Vault", "Forms", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: strict),
        .target(name: "Disclosure", dependencies: ["CGLPK", "Bilingual"], swiftSettings: strict),
        .target(name: "Reports", dependencies: ["Bilingual", "Disclosure", "Store", "Forms", "Vault"], swiftSettings: strict),
        .target(name: "Retention", dependencies: ["Bilingual", "Store", "Vault", "Forms"], swiftSettings: strict),
        .target(name: "Demo", dependencies: ["Forms", "Vault", "Store"], swiftSettings: strict),
        .target(name: "Letters", dependencies: ["CQRencode", "Forms"], swiftSettings: strict),
        .target(name: "Operations", dependencies: ["Bilingual", "Vault", "Forms", "Store", "Disclosure", "Reports", "Retention", "Letters"],
                swiftSettings: strict),
        .target(name: "WebApp", dependencies: [
            "Bilingual", "Vault", "Forms", "Store", "Reports", "Retention", "Operations", "Letters",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        .executableTarget(name: "vielfalt", dependencies: [
            "Bilingual", "Vault", "Forms", "Store", "Retention", "Reports", "Operations", "WebApp", "Demo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict),
        .executableTarget(name: "vielfalt-bench", dependencies: ["Reports", "Store", "Forms", "Vault", "Demo"],
                          path: "Benchmarks/vielfalt-bench", swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["Forms", "Vault", "Store", "Disclosure", "Demo", "CGLPK"], path: "Tests/Support", swiftSettings: strict),
        .testTarget(name: "VaultTests", dependencies: ["Vault"], swiftSettings: strict),
        .testTarget(name: "LettersTests", dependencies: ["Letters", "Forms"], swiftSettings: strict),
        .testTarget(name: "FormsTests", dependencies: ["Forms", "Demo", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Vault", "Forms", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "RetentionTests", dependencies: ["Retention", "Store", "Vault", "Forms", "TestSupport"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Disclosure", "Store", "Vault", "Forms", "TestSupport"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "Bilingual", "Reports", "Retention", "Store", "Vault", "Forms", "TestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "WebAppTests", dependencies: [
            "WebApp", "Operations", "Store", "Demo", "Vault", "Forms", "Reports", "Retention", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["vielfalt", "Store", "Vault", "Forms", "TestSupport"], swiftSettings: strict),
    ]
)
