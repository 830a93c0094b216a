import DiversityKit
import DiversityKitCrypto
import Foundation

/// The embedder's secret for a survey store: the key of the HMAC-SHA-256 under which tokens are stored
/// (hemlig nyckel), and the source of the key that seals responses waiting in the mix.
///
/// The store never holds a token in clear, only `HMAC-SHA-256(tokenKey, token)`; without the secret a
/// dump of the database cannot be used to answer, nor can its pending responses be read. Keep the
/// secret **outside** the database (a secret manager, an environment variable read at start-up, a
/// file readable only by the service account), back it up apart from the database backups, and give
/// every process that serves one store the same secret. Lose it and the unused tokens stop working
/// (responses already released stay readable; pending ones cannot be released).
///
/// ```swift
/// // Once, at installation:  print(try TokenSecret.generate().base64)   → store it in the secret manager
/// let secret = try TokenSecret(base64: ProcessInfo.processInfo.environment["DIVERSITYKIT_TOKEN_SECRET"] ?? "")
/// let service = SurveyService(store: store, secret: secret)
/// ```
///
/// Its description never shows the bytes.
public struct TokenSecret: Sendable, CustomStringConvertible {
    /// The fewest bytes a secret may have (256 bits).
    public static let minimumByteCount = 32

    let tokenKey: [UInt8]
    let mixKey: [UInt8]

    /// A secret of these bytes (at least ``minimumByteCount``).
    /// - Throws: ``SurveyError/invalidSecret(reason:)`` for a shorter secret.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= Self.minimumByteCount else {
            throw SurveyError.invalidSecret(reason: "\(bytes.count) bytes, at least \(Self.minimumByteCount) needed")
        }
        // Separate keys for separate purposes, derived with HMAC (as HKDF-Expand does).
        tokenKey = HMACSHA256.authenticationCode(for: Array("diversitykit.survey.token-key.v1".utf8), key: bytes)
        mixKey = HMACSHA256.authenticationCode(for: Array("diversitykit.survey.mix-key.v1".utf8), key: bytes)
    }

    /// A secret from its Base64 text (as ``generate()`` suggests keeping it).
    /// - Throws: ``SurveyError/invalidSecret(reason:)`` for text that is not Base64 or too short.
    public init(base64: String) throws {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SurveyError.invalidSecret(reason: "not Base64 text")
        }
        try self.init(bytes: Array(data))
    }

    /// A fresh random 256-bit secret and its Base64 text to keep: `(secret, base64)`.
    /// - Throws: `CryptoError.libraryFailure` (DiversityKitCrypto) when the system's random source fails.
    public static func generate() throws -> (secret: TokenSecret, base64: String) {
        let bytes = try SecureRandom.bytes(minimumByteCount)
        return (try TokenSecret(bytes: bytes), Data(bytes).base64EncodedString())
    }

    /// The stored form of `token`: lower-case hex of its HMAC-SHA-256 under the token key.
    public func digest(of token: String) -> String {
        Hex.encode(HMACSHA256.authenticationCode(for: Array(token.utf8), key: tokenKey))
    }

    /// `"TokenSecret(…)"`: never the bytes.
    public var description: String { "TokenSecret(…)" }
}

/// Limits and thresholds of a ``SurveyService``, with documented defaults (see `Docs/Surveys.md`).
public struct SurveyConfiguration: Hashable, Sendable, Codable {
    /// The reporting threshold k (default 5): a unit below it is refused by ``SurveyService/distribute(_:)``,
    /// and anonymous responses leave the mix in shuffled batches of at least k per unit.
    public var reportingThreshold: Int
    /// The most tokens one distribution may issue (default 200 000, a large region's staff).
    public var maximumTokensPerDistribution: Int
    /// The longest linkage code accepted, in characters (default 64).
    public var maximumLinkageCodeLength: Int
    /// How many pending responses one release writes at most (default 2 000); a larger mix is released
    /// in several batches of at least ``reportingThreshold``.
    public var maximumReleaseBatch: Int

    /// Creates a configuration.
    public init(reportingThreshold: Int = 5, maximumTokensPerDistribution: Int = 200_000,
                maximumLinkageCodeLength: Int = 64, maximumReleaseBatch: Int = 2_000) {
        self.reportingThreshold = reportingThreshold
        self.maximumTokensPerDistribution = maximumTokensPerDistribution
        self.maximumLinkageCodeLength = maximumLinkageCodeLength
        self.maximumReleaseBatch = maximumReleaseBatch
    }
}
