import DiversityKitCrypto
import Testing

/// RFC 4231 §4 test cases for HMAC-SHA-256 (case 5 is truncated to 128 bits by the RFC).
struct HMACVector: Sendable, CustomTestStringConvertible {
    let name: String
    let key: [UInt8]
    let data: [UInt8]
    let mac: String
    var testDescription: String { name }
}

let rfc4231: [HMACVector] = [
    HMACVector(name: "case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
               mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    HMACVector(name: "case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
               mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    HMACVector(name: "case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
               mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    HMACVector(name: "case 4", key: Hex.decode("0102030405060708090a0b0c0d0e0f10111213141516171819")!,
               data: [UInt8](repeating: 0xcd, count: 50),
               mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    HMACVector(name: "case 5 (truncated)", key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
               mac: "a3b6167473100ee06e0c796c2955552b"),
    HMACVector(name: "case 6", key: [UInt8](repeating: 0xaa, count: 131),
               data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    HMACVector(name: "case 7", key: [UInt8](repeating: 0xaa, count: 131),
               data: Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
               mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
]

@Suite("HMAC-SHA-256 and AES-256-GCM come from the system library and match the published vectors")
struct CryptoVectorTests {
    @Test("HMAC-SHA-256 gives RFC 4231's codes", arguments: rfc4231)
    func hmacMatchesRFC4231(_ v: HMACVector) {
        let mac = Hex.encode(HMACSHA256.authenticationCode(for: v.data, key: v.key))
        #expect(mac.hasPrefix(v.mac))
        #expect(mac.count == 64)
    }

    @Test("an empty key and an empty message still give a code, and a changed key another one")
    func emptyInputs() {
        let a = HMACSHA256.authenticationCode(for: [], key: [])
        // Known value: HMAC-SHA-256 with empty key and message.
        #expect(Hex.encode(a) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
        #expect(HMACSHA256.authenticationCode(for: [], key: [1]) != a)
        #expect(HMACSHA256.equal(a, a) && !HMACSHA256.equal(a, Array(a.dropLast())))
    }

    @Test("AES-256-GCM gives the GCM specification's test case 16 and opens it again")
    func gcmMatchesTestCase16() throws {
        let key = Hex.decode("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")!
        let nonce = Hex.decode("cafebabefacedbaddecaf888")!
        let plain = Hex.decode("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")!
        let aad = Hex.decode("feedfacedeadbeeffeedfacedeadbeefabaddad2")!
        let sealed = try AES256GCM.seal(plain, key: key, nonce: nonce, associatedData: aad)
        #expect(Hex.encode(sealed.dropFirst(12)) ==
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
            + "76fc6ece0f4e1768cddf8853bb2d551b")
        #expect(try AES256GCM.open(sealed, key: key, associatedData: aad) == plain)
    }

    @Test("a sealed message that was altered, sealed under another key or bound to other data does not open")
    func gcmRefusesTampering() throws {
        let key = try SecureRandom.bytes(32)
        let sealed = try AES256GCM.seal(Array("svar".utf8), key: key, associatedData: [7])
        var altered = sealed
        altered[14] ^= 1
        #expect(throws: CryptoError.authenticationFailed) { try AES256GCM.open(altered, key: key, associatedData: [7]) }
        #expect(throws: CryptoError.authenticationFailed) { try AES256GCM.open(sealed, key: try SecureRandom.bytes(32), associatedData: [7]) }
        #expect(throws: CryptoError.authenticationFailed) { try AES256GCM.open(sealed, key: key, associatedData: [8]) }
        #expect(throws: CryptoError.authenticationFailed) { try AES256GCM.open(Array(sealed.prefix(20)), key: key) }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, found: 16)) { try AES256GCM.seal([], key: [UInt8](repeating: 0, count: 16)) }
        #expect(try AES256GCM.open(try AES256GCM.seal([], key: key), key: key) == [])
    }

    @Test("two seals of the same message differ (a fresh nonce each time)")
    func freshNonces() throws {
        let key = try SecureRandom.bytes(32)
        #expect(try AES256GCM.seal([1, 2, 3], key: key) != AES256GCM.seal([1, 2, 3], key: key))
    }
}
