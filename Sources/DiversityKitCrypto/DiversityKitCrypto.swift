#if canImport(CryptoKit)
import CryptoKit
#else
import CCrypto
#endif
import Foundation

/// A cryptographic primitive failed or was given a wrong-sized key or a damaged message.
///
/// Messages never contain key or message bytes.
public enum CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A key of the wrong length (AES-256-GCM needs 32 bytes).
    case invalidKeyLength(expected: Int, found: Int)
    /// A sealed message that is too short, was altered, or was sealed under another key.
    case authenticationFailed
    /// The system's random source or cryptographic library reported an error.
    case libraryFailure(String)

    /// A readable description.
    public var description: String {
        switch self {
        case .invalidKeyLength(let e, let f): return "a key of \(f) bytes where \(e) are needed"
        case .authenticationFailed: return "the sealed message is damaged or was sealed under another key"
        case .libraryFailure(let what): return "the cryptographic library failed: \(what)"
        }
    }
}

/// HMAC-SHA-256 (RFC 2104, FIPS 180-4) from the platform's cryptographic library: OpenSSL's libcrypto
/// on Linux, CryptoKit on Apple platforms. No code of our own touches the hash.
///
/// ```swift
/// let mac = HMACSHA256.authenticationCode(for: Array("token".utf8), key: secret)  // 32 bytes
/// ```
public enum HMACSHA256 {
    /// The length of an authentication code in bytes.
    public static let byteCount = 32

    /// The 32-byte HMAC-SHA-256 of `message` under `key` (any key length, as RFC 2104 allows).
    public static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        #if canImport(CryptoKit)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        #else
        var out = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let done = key.withUnsafeBufferPointer { k in
            message.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in
                    // A non-null pointer even for an empty key or message, which OpenSSL accepts with length 0.
                    HMAC(EVP_sha256(), k.baseAddress ?? UnsafePointer(o.baseAddress!), Int32(k.count),
                         m.baseAddress ?? UnsafePointer(o.baseAddress!), m.count, o.baseAddress, &length)
                }
            }
        }
        // HMAC-SHA-256 with the built-in digest cannot fail short of memory exhaustion.
        precondition(done != nil && length == UInt32(byteCount), "libcrypto HMAC-SHA-256 failed")
        return out
        #endif
    }

    /// Whether two codes are equal, compared in constant time.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}

/// AES-256-GCM authenticated encryption (NIST SP 800-38D) from the platform's cryptographic library.
///
/// ``seal(_:key:associatedData:)`` draws a fresh random 96-bit nonce for every message and returns
/// `nonce ‖ ciphertext ‖ 16-byte tag`; ``open(_:key:associatedData:)`` checks the tag before
/// returning anything.
///
/// ```swift
/// let sealed = try AES256GCM.seal(Array("svar".utf8), key: key32)
/// let plain = try AES256GCM.open(sealed, key: key32)
/// ```
public enum AES256GCM {
    /// Key length in bytes.
    public static let keyByteCount = 32
    /// Nonce length in bytes.
    public static let nonceByteCount = 12
    /// Tag length in bytes.
    public static let tagByteCount = 16

    /// `plaintext` sealed under `key` with a fresh random nonce, binding `associatedData`.
    /// - Throws: ``CryptoError/invalidKeyLength(expected:found:)``; ``CryptoError/libraryFailure(_:)``.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws -> [UInt8] {
        try seal(plaintext, key: key, nonce: SecureRandom.bytes(nonceByteCount), associatedData: associatedData)
    }

    /// `plaintext` sealed with an explicit nonce: for published test vectors only (a nonce must never repeat).
    package static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == keyByteCount else { throw CryptoError.invalidKeyLength(expected: keyByteCount, found: key.count) }
        guard nonce.count == nonceByteCount else { throw CryptoError.libraryFailure("nonce length") }
        #if canImport(CryptoKit)
        let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), nonce: AES.GCM.Nonce(data: nonce),
                                   authenticating: associatedData)
        return nonce + Array(box.ciphertext) + Array(box.tag)
        #else
        guard let ctx = EVP_CIPHER_CTX_new() else { throw CryptoError.libraryFailure("no cipher context") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
        var n: Int32 = 0
        var total = 0
        guard EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil) == 1,
              EVP_EncryptInit_ex(ctx, nil, nil, key, nonce) == 1 else { throw CryptoError.libraryFailure("encrypt init") }
        if !associatedData.isEmpty {
            guard EVP_EncryptUpdate(ctx, nil, &n, associatedData, Int32(associatedData.count)) == 1 else {
                throw CryptoError.libraryFailure("associated data")
            }
        }
        let ok = out.withUnsafeMutableBufferPointer { o -> Bool in
            if !plaintext.isEmpty {
                guard EVP_EncryptUpdate(ctx, o.baseAddress, &n, plaintext, Int32(plaintext.count)) == 1 else { return false }
                total = Int(n)
            }
            guard EVP_EncryptFinal_ex(ctx, o.baseAddress! + total, &n) == 1 else { return false }
            total += Int(n)
            return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), o.baseAddress! + total) == 1
        }
        guard ok, total == plaintext.count else { throw CryptoError.libraryFailure("encrypt") }
        return nonce + out
        #endif
    }

    /// The plaintext of `sealed` (as returned by ``seal(_:key:associatedData:)``) after checking its tag.
    /// - Throws: ``CryptoError/authenticationFailed`` for a short, altered or foreign message;
    ///   ``CryptoError/invalidKeyLength(expected:found:)``.
    public static func open(_ sealed: [UInt8], key: [UInt8], associatedData: [UInt8] = []) throws -> [UInt8] {
        guard key.count == keyByteCount else { throw CryptoError.invalidKeyLength(expected: keyByteCount, found: key.count) }
        guard sealed.count >= nonceByteCount + tagByteCount else { throw CryptoError.authenticationFailed }
        let nonce = Array(sealed[..<nonceByteCount])
        let body = Array(sealed[nonceByteCount..<(sealed.count - tagByteCount)])
        var tag = Array(sealed[(sealed.count - tagByteCount)...])
        #if canImport(CryptoKit)
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonce), ciphertext: body, tag: tag)
            return Array(try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: associatedData))
        } catch { throw CryptoError.authenticationFailed }
        #else
        guard let ctx = EVP_CIPHER_CTX_new() else { throw CryptoError.libraryFailure("no cipher context") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: body.count + tagByteCount)
        var n: Int32 = 0
        var total = 0
        guard EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil) == 1,
              EVP_DecryptInit_ex(ctx, nil, nil, key, nonce) == 1 else { throw CryptoError.libraryFailure("decrypt init") }
        if !associatedData.isEmpty {
            guard EVP_DecryptUpdate(ctx, nil, &n, associatedData, Int32(associatedData.count)) == 1 else {
                throw CryptoError.authenticationFailed
            }
        }
        let ok = out.withUnsafeMutableBufferPointer { o -> Bool in
            if !body.isEmpty {
                guard EVP_DecryptUpdate(ctx, o.baseAddress, &n, body, Int32(body.count)) == 1 else { return false }
                total = Int(n)
            }
            guard EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &tag) == 1 else { return false }
            guard EVP_DecryptFinal_ex(ctx, o.baseAddress! + total, &n) == 1 else { return false }
            total += Int(n)
            return true
        }
        guard ok, total == body.count else { throw CryptoError.authenticationFailed }
        return Array(out[..<total])
        #endif
    }
}

/// Bytes from the platform's cryptographically secure random source (OpenSSL's `RAND_bytes`,
/// or the system generator on Apple platforms).
public enum SecureRandom {
    /// `count` random bytes.
    /// - Throws: ``CryptoError/libraryFailure(_:)`` when the random source fails.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return out }
        #if canImport(CryptoKit)
        var rng = SystemRandomNumberGenerator()
        for i in out.indices { out[i] = UInt8.random(in: .min ... .max, using: &rng) }
        #else
        guard RAND_bytes(&out, Int32(count)) == 1 else { throw CryptoError.libraryFailure("random bytes") }
        #endif
        return out
    }
}

/// Hexadecimal text of bytes and back.
public enum Hex {
    /// Lower-case hexadecimal of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of hexadecimal `text` (either case), or `nil` when it is not an even run of hex digits.
    public static func decode(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = nibble(u[i]), let l = nibble(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }
}
