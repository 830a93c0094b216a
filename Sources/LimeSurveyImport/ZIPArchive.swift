import CZlib
import Foundation

/// A ZIP archive read from memory: the central directory parsed here, entries inflated by the
/// system's zlib. Every bound of ``LimeSurveyLimits`` that concerns archives is enforced before
/// and while inflating, so a zip bomb stops at the bound, not at the end of memory.
///
/// Refused: ZIP64, encrypted entries, methods other than stored (0) and deflate (8), entry
/// names that could leave a directory (`..`, an absolute path, a backslash, a drive letter, NUL),
/// sizes or offsets outside the file, and data whose CRC-32 does not match.
struct ZIPArchive {
    /// One entry of the central directory.
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let data: Data
    let limits: LimeSurveyLimits
    private(set) var entries: [Entry] = []

    /// - Throws: ``LimeSurveyImportError/malformedArchive(reason:)``, ``LimeSurveyImportError/unsafeEntryName(_:)``,
    ///   ``LimeSurveyImportError/boundExceeded(_:limit:location:)``.
    init(_ data: Data, limits: LimeSurveyLimits) throws {
        self.data = data
        self.limits = limits
        let bytes = [UInt8](data)
        guard let end = Self.endRecord(bytes) else { throw LimeSurveyImportError.malformedArchive(reason: "no end of central directory record") }
        let count = Int(Self.u16(bytes, end + 10)), size = Int(Self.u32(bytes, end + 12)), offset = Int(Self.u32(bytes, end + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw LimeSurveyImportError.malformedArchive(reason: "a ZIP64 archive (LimeSurvey writes plain ZIP)")
        }
        guard count <= limits.maximumArchiveEntries else {
            throw LimeSurveyImportError.boundExceeded(.archiveEntries, limit: limits.maximumArchiveEntries, location: "an archive of \(count) entries")
        }
        guard offset <= end, size <= end - offset else { throw LimeSurveyImportError.malformedArchive(reason: "the central directory lies outside the file") }
        var at = offset, total = 0
        for _ in 0..<count {
            guard at + 46 <= end, Self.u32(bytes, at) == 0x0201_4B50 else {
                throw LimeSurveyImportError.malformedArchive(reason: "a damaged central directory entry at byte \(at)")
            }
            let flags = Self.u16(bytes, at + 8), method = Self.u16(bytes, at + 10)
            let nameLength = Int(Self.u16(bytes, at + 28)), extra = Int(Self.u16(bytes, at + 30)), comment = Int(Self.u16(bytes, at + 32))
            guard at + 46 + nameLength + extra + comment <= end else {
                throw LimeSurveyImportError.malformedArchive(reason: "a central directory entry runs past its end")
            }
            guard let name = String(bytes: bytes[(at + 46)..<(at + 46 + nameLength)], encoding: .utf8) else {
                throw LimeSurveyImportError.malformedArchive(reason: "an entry name that is not UTF-8 at byte \(at)")
            }
            try Self.checkName(name)
            guard flags & 1 == 0 else { throw LimeSurveyImportError.malformedArchive(reason: "entry '\(name)' is encrypted") }
            guard method == 0 || method == 8 else {
                throw LimeSurveyImportError.malformedArchive(reason: "entry '\(name)' uses compression method \(method); only stored and deflate are read")
            }
            let entry = Entry(name: name, method: method, crc: Self.u32(bytes, at + 16), compressedSize: Int(Self.u32(bytes, at + 20)),
                              size: Int(Self.u32(bytes, at + 24)), localHeaderOffset: Int(Self.u32(bytes, at + 42)))
            guard entry.size <= limits.maximumEntrySize else {
                throw LimeSurveyImportError.boundExceeded(.entrySize, limit: limits.maximumEntrySize, location: "entry '\(name)' of \(entry.size) bytes")
            }
            total += entry.size
            guard total <= limits.maximumArchiveSize else {
                throw LimeSurveyImportError.boundExceeded(.archiveSize, limit: limits.maximumArchiveSize, location: "entries totalling \(total) bytes")
            }
            let (allowed, overflow) = max(entry.compressedSize, 1).multipliedReportingOverflow(by: max(limits.maximumCompressionRatio, 1))
            guard overflow || entry.size <= allowed else {
                throw LimeSurveyImportError.boundExceeded(.compressionRatio, limit: limits.maximumCompressionRatio,
                                                         location: "entry '\(name)': \(entry.compressedSize) bytes inflating to \(entry.size)")
            }
            guard !entries.contains(where: { $0.name == name }) else { throw LimeSurveyImportError.malformedArchive(reason: "entry '\(name)' appears twice") }
            entries.append(entry)
            at += 46 + nameLength + extra + comment
        }
    }

    /// The entry named `name`, inflated and checked against its CRC-32.
    func contents(of entry: Entry) throws -> Data {
        let bytes = data
        let at = entry.localHeaderOffset
        guard at + 30 <= bytes.count, Self.u32(bytes, at) == 0x0403_4B50 else {
            throw LimeSurveyImportError.malformedArchive(reason: "entry '\(entry.name)' has no local header at byte \(at)")
        }
        let start = at + 30 + Int(Self.u16(bytes, at + 26)) + Int(Self.u16(bytes, at + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw LimeSurveyImportError.malformedArchive(reason: "entry '\(entry.name)' runs past the end of the file")
        }
        let packed = bytes.subdata(in: (bytes.startIndex + start)..<(bytes.startIndex + start + entry.compressedSize))
        let out = entry.method == 0 ? packed : try inflate(packed, size: entry.size, name: entry.name)
        guard out.count == entry.size else {
            throw LimeSurveyImportError.malformedArchive(reason: "entry '\(entry.name)' holds \(out.count) bytes, its directory says \(entry.size)")
        }
        let crc = out.withUnsafeBytes { raw in
            UInt32(crc32(0, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count)))
        }
        guard crc == entry.crc else { throw LimeSurveyImportError.malformedArchive(reason: "entry '\(entry.name)' fails its CRC-32 check") }
        return out
    }

    /// Inflates a raw deflate stream that must give exactly `size` bytes; never writes more.
    private func inflate(_ packed: Data, size: Int, name: String) throws -> Data {
        var stream = z_stream()
        guard diversitykit_inflate_init_raw(&stream) == Z_OK else { throw LimeSurveyImportError.malformedArchive(reason: "zlib could not start") }
        defer { inflateEnd(&stream) }
        // One byte more than announced: a stream that goes on past its size is caught, not followed.
        var out = [UInt8](repeating: 0, count: size + 1)
        var input = [UInt8](packed)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        let produced = out.count - Int(stream.avail_out)
        guard status == Z_STREAM_END else {
            if produced > size {
                throw LimeSurveyImportError.malformedArchive(reason: "entry '\(name)' inflates past the \(size) bytes its directory announces")
            }
            throw LimeSurveyImportError.malformedArchive(reason: "entry '\(name)' is not a complete deflate stream (zlib status \(status))")
        }
        return Data(out[0..<produced])
    }

    /// Refuses names that could write outside a directory when extracted.
    static func checkName(_ name: String) throws {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        let drive = name.count >= 2 && name.unicodeScalars.dropFirst().first == ":"
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.unicodeScalars.contains("\0") || drive
            || parts.contains(where: { $0 == ".." }) {
            throw LimeSurveyImportError.unsafeEntryName(name)
        }
    }

    private static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var at = bytes.count - 22
        while at >= lowest {
            if u32(bytes, at) == 0x0605_4B50, at + 22 + Int(u16(bytes, at + 20)) == bytes.count { return at }
            at -= 1
        }
        return nil
    }

    private static func u16<C: RandomAccessCollection>(_ b: C, _ at: Int) -> UInt16 where C.Element == UInt8, C.Index == Int {
        UInt16(b[b.startIndex + at]) | UInt16(b[b.startIndex + at + 1]) << 8
    }

    private static func u32<C: RandomAccessCollection>(_ b: C, _ at: Int) -> UInt32 where C.Element == UInt8, C.Index == Int {
        UInt32(u16(b, at)) | UInt32(u16(b, at + 2)) << 16
    }
}
